package io.convlist.store;

import java.lang.invoke.MethodHandles;

import software.amazon.awssdk.enhanced.dynamodb.TableSchema;
import software.amazon.awssdk.enhanced.dynamodb.mapper.BeanTableSchema;
import software.amazon.awssdk.enhanced.dynamodb.mapper.BeanTableSchemaParams;

/**
 * The enhanced client's schemas of the item beans, built once with this package's lookup: the
 * default {@code TableSchema.fromBean} resolves bean classes through another class loader than
 * Quarkus uses for the application, and the nested bean then fails to cast.
 */
final class Schemas {
    private Schemas() {
    }

    static final TableSchema<LastMessageItem> LAST_MESSAGE = bean(LastMessageItem.class);
    static final TableSchema<ConversationItem> CONVERSATION = bean(ConversationItem.class);

    private static <T> BeanTableSchema<T> bean(Class<T> type) {
        return BeanTableSchema.create(BeanTableSchemaParams.builder(type).lookup(MethodHandles.lookup()).build());
    }
}
