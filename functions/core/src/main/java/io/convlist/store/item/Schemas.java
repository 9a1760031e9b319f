package io.convlist.store.item;

import java.lang.invoke.MethodHandles;

import software.amazon.awssdk.enhanced.dynamodb.TableSchema;
import software.amazon.awssdk.enhanced.dynamodb.mapper.BeanTableSchema;
import software.amazon.awssdk.enhanced.dynamodb.mapper.BeanTableSchemaParams;

/**
 * The one mapping of every item kind of the table, built once with this package's lookup: the
 * default {@code TableSchema.fromBean} resolves bean classes through another class loader than
 * Quarkus uses for the application, and the nested bean then fails to cast.
 */
public final class Schemas {
    private Schemas() {
    }

    public static final TableSchema<LastMessageItem> LAST_MESSAGE = bean(LastMessageItem.class);
    public static final TableSchema<ConversationItem> CONVERSATION = bean(ConversationItem.class);
    public static final TableSchema<ListMetaItem> LIST_META = bean(ListMetaItem.class);
    public static final TableSchema<ProfileItem> PROFILE = bean(ProfileItem.class);
    public static final TableSchema<RemarkItem> REMARK = bean(RemarkItem.class);
    public static final TableSchema<AppSettingsItem> APP_SETTINGS = bean(AppSettingsItem.class);
    public static final TableSchema<AuditItem> AUDIT = bean(AuditItem.class);
    public static final TableSchema<RemovalItem> REMOVAL = bean(RemovalItem.class);
    public static final TableSchema<PeerSettingsItem> PEER_SETTINGS = bean(PeerSettingsItem.class);
    public static final TableSchema<ConversationGroupsItem> CONVERSATION_GROUPS = bean(ConversationGroupsItem.class);

    private static <T> BeanTableSchema<T> bean(Class<T> type) {
        return BeanTableSchema.create(BeanTableSchemaParams.builder(type).lookup(MethodHandles.lookup()).build());
    }
}
