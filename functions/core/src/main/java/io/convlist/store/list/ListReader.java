package io.convlist.store.list;

import static io.convlist.store.table.Keys.*;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import io.convlist.domain.AppSettings;
import io.convlist.domain.ConversationId;
import io.convlist.domain.ConversationType;
import io.convlist.domain.GroupProfile;
import io.convlist.domain.GroupType;
import io.convlist.domain.UserProfile;
import io.convlist.view.Conversation;
import io.convlist.domain.list.ConversationFilter;
import io.convlist.view.ConversationPage;
import io.convlist.domain.list.DisplayNames;
import io.convlist.domain.list.StoredConversation;
import io.convlist.store.app.StoreContext;
import io.convlist.store.app.StorePart;
import io.convlist.store.item.ConversationItem;
import io.convlist.store.item.ListMetaItem;
import io.convlist.store.item.ProfileItem;
import io.convlist.store.item.Schemas;
import io.convlist.store.table.Av;
import io.convlist.store.table.Dynamo;
import io.convlist.store.table.Expr;
import io.convlist.store.table.TableRequests;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbIndex;
import software.amazon.awssdk.enhanced.dynamodb.Expression;
import software.amazon.awssdk.enhanced.dynamodb.Key;
import software.amazon.awssdk.enhanced.dynamodb.model.Page;
import software.amazon.awssdk.enhanced.dynamodb.model.QueryConditional;
import software.amazon.awssdk.enhanced.dynamodb.model.QueryEnhancedRequest;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Reads of a list: pages in list order, conversations by ID, the total unread count. Every read
 * hides expired conversations (TTL deletes late) and resolves names and faces from the current
 * profiles in the same BatchGetItem that reads the page's bookkeeping.
 */
public final class ListReader extends StorePart {
    private final DynamoDbIndex<ConversationItem> byOrder;

    public ListReader(StoreContext context) {
        super(context);
        this.byOrder = table.mapped(Schemas.CONVERSATION).index(INDEX_BY_ORDER);
    }

    /**
     * One page in list order: pinned first, then the most recent activity. nextSeq 0 starts at the
     * top; a page continues strictly below the previous page's last orderKey, which is unique per
     * conversation, so paging neither skips nor repeats. The read says if the app's limit was
     * lowered below what the list holds, so that the excess is evicted before the page is shown (no
     * read shows more than the limit), and, for a first page, which large groups to bring up first.
     */
    public ListRead<ConversationPage> list(String appId, String userId, long nextSeq, int count) {
        return list(appId, userId, nextSeq, count, null, Map.of(), true);
    }

    /**
     * A page of the conversations that match {@code filter} (null: all), with the plain list's paging
     * guarantees. A filtered page is one Query without a limit (DynamoDB reads up to 1 MB of the list
     * per request and filters it), so matches far apart still cost one request for a list of
     * ordinary size.
     *
     * @param groups     the user's conversation groups, name to ID, if the filter names one (or "")
     * @param trimExcess report what a lowered limit left over and the large groups behind (users'
     *                   reads); false for operators, whose look must change nothing (they see the excess)
     */
    public ListRead<ConversationPage> list(String appId, String userId, long nextSeq, int count, ConversationFilter filter,
            Map<String, String> groups, boolean trimExcess) {
        String pk = userPk(appId, userId);
        long now = clock.millis();
        Expr where = new Expr();
        String condition = ListFilters.condition(where, filter, groups, now / 1000);
        List<ConversationItem> live = inOrder(pk, nextSeq, count + 1, where, condition, filter == null);
        boolean finished = live.size() <= count;
        List<ConversationItem> page = finished ? live : live.subList(0, count);
        Map<String, AttributeValue> metaKey = Av.key(pk, META_SK);
        List<Map<String, AttributeValue>> keys = new ArrayList<>(List.of(metaKey, ConversationGroupNames.key(pk)));
        page.forEach(item -> keys.add(profileKey(appId, ConversationRows.toId(item))));
        Map<String, Map<String, AttributeValue>> got = table.batchGet(keys);
        AppSettings app = settings.cached(appId);
        ListMetaItem meta = ConversationRows.map(Schemas.LIST_META, got.get(TableRequests.keyString(metaKey)));
        boolean overLimit = trimExcess && meta != null && meta.slotSet().size() > app.conversationLimit();
        // A user's first page has the large groups' conversations brought up to date first, then is read again;
        // later pages continue below it, as pages continue below an earlier one whatever happens meanwhile.
        Set<String> behind = trimExcess && nextSeq == 0 && meta != null ? meta.largeGroupSet() : Set.of();
        return new ListRead<>(() -> {
            List<Conversation> out = page.stream().map(item -> present(appId, item, got)).toList();
            long last = page.isEmpty() ? 0 : page.get(page.size() - 1).getOrderKey();
            return new ConversationPage(out, finished ? 0 : last, finished);
        }, behind, overLimit);
    }

    /**
     * The listed conversations that exist, in the order asked; one BatchGetItem per 100 keys.
     *
     * @param reportBehind say which of the large groups asked for may be behind (a first read)
     */
    public ListRead<List<Conversation>> getMany(String appId, String userId, List<ConversationId> ids, boolean reportBehind) {
        String pk = userPk(appId, userId);
        Map<String, AttributeValue> metaKey = Av.key(pk, META_SK);
        List<Map<String, AttributeValue>> keys = new ArrayList<>(List.of(ConversationGroupNames.key(pk), metaKey));
        for (ConversationId id : ids) {
            keys.add(conversationKey(appId, userId, id));
            keys.add(profileKey(appId, id));
        }
        Map<String, Map<String, AttributeValue>> got = table.batchGet(keys);
        ListMetaItem meta = ConversationRows.map(Schemas.LIST_META, got.get(TableRequests.keyString(metaKey)));
        Set<String> behind = reportBehind && meta != null ? named(meta.largeGroupSet(), ids) : Set.of();
        return new ListRead<>(() -> {
            long now = clock.millis();
            List<Conversation> out = new ArrayList<>();
            for (ConversationId id : ids) {
                ConversationItem item = ConversationRows.conversation(got.get(TableRequests.keyString(conversationKey(appId, userId, id))));
                if (ConversationRows.isLive(item, now)) {
                    out.add(present(appId, item, got));
                }
            }
            return out;
        }, behind, false);
    }

    /** The total unread count over conversations with recvOpt 0: one Query of the list's conversation items. */
    public ListRead<Long> totalUnread(String appId, String userId) {
        return unreadMatching(appId, userId, null, Map.of());
    }

    /**
     * The unread count over the conversations that match {@code filter} (null: all) and have recvOpt
     * 0, as the total counts: one Query of the list's conversation items, filtered.
     */
    public ListRead<Long> unreadMatching(String appId, String userId, ConversationFilter filter, Map<String, String> groups) {
        return withUnread(appId, userId, filter, groups, true).map(items -> items.stream().mapToLong(item -> Av.num(item, UNREAD, 0)).sum());
    }

    /** The large groups among the conversations asked for. */
    private static Set<String> named(Set<String> largeGroups, List<ConversationId> ids) {
        return ids.stream().filter(id -> id.type() == ConversationType.GROUP && largeGroups.contains(id.groupId()))
                .map(ConversationId::groupId).collect(Collectors.toSet());
    }

    /** Counted in totals: recvOpt 0 (Tencent leaves out 1, 2 and 3; this service leaves out 4 as well). */
    private static String receiving(Expr e) {
        return e.where("(attribute_not_exists(#RECV_OPT) OR #RECV_OPT = :receive)", "receive", 0);
    }

    /** The keys of the live conversations with unread messages, whatever their receive option. */
    public ListRead<List<Map<String, AttributeValue>>> withUnread(String appId, String userId) {
        String pk = userPk(appId, userId);
        return withUnread(appId, userId, null, Map.of(), false).map(items -> items.stream().map(e -> Av.key(pk, e.get(SK).s())).toList());
    }

    /**
     * The live conversations with unread messages that match the filter: their sort keys and counts.
     * The same Query reads the owner's large groups, which the read reports as possibly behind.
     */
    private ListRead<List<Map<String, AttributeValue>>> withUnread(String appId, String userId, ConversationFilter filter,
            Map<String, String> groups, boolean receiveOnly) {
        Expr e = new Expr();
        String condition = ListFilters.condition(e, filter, groups, clock.millis() / 1000) + e.where(" AND #UNREAD > :zero", "zero", 0);
        if (receiveOnly) {
            condition += " AND " + receiving(e);
        }
        ListAndGroups read = ListAndGroups.of(table.conversationsAndMeta(userPk(appId, userId), e, condition, SK, UNREAD));
        return new ListRead<>(read::conversations, read.largeGroups(), false);
    }

    /**
     * Up to {@code want} conversations matching {@code condition} in list order, strictly below
     * {@code nextSeq} (0: from the top); {@code limited}: ask DynamoDB for {@code want} items a request.
     */
    private List<ConversationItem> inOrder(String pk, long nextSeq, int want, Expr e, String condition, boolean limited) {
        QueryConditional where = nextSeq > 0
                ? QueryConditional.sortLessThan(Key.builder().partitionValue(pk).sortValue(nextSeq).build())
                : QueryConditional.keyEqualTo(Key.builder().partitionValue(pk).build());
        Expression filter = e.enhanced(condition);
        QueryEnhancedRequest request = QueryEnhancedRequest.builder().queryConditional(where).scanIndexForward(false)
                .consistentRead(true).limit(limited ? want : null).filterExpression(filter).build();
        // Pages are fetched while iterating: the whole loop runs inside the error mapping.
        List<ConversationItem> out = Dynamo.call(() -> {
            List<ConversationItem> items = new ArrayList<>();
            for (Page<ConversationItem> page : byOrder.query(request)) {
                items.addAll(page.items());
                if (items.size() >= want || page.lastEvaluatedKey() == null) {
                    break;
                }
            }
            return items;
        });
        return out.size() > want ? out.subList(0, want) : out;
    }

    /**
     * A conversation with its name and face resolved from the profile in {@code got} (if read), and
     * its conversation groups' names from the user's groups item (read in the same batch).
     */
    static Conversation present(String appId, ConversationItem item, Map<String, Map<String, AttributeValue>> got) {
        ConversationId id = ConversationRows.toId(item);
        ProfileItem profile = ConversationRows.map(Schemas.PROFILE, got.get(TableRequests.keyString(profileKey(appId, id))));
        UserProfile peer = null;
        GroupProfile group = null;
        if (profile != null && id.type() == ConversationType.C2C) {
            peer = new UserProfile(id.userId(), profile.getNickname(), profile.getFaceUrl());
        } else if (profile != null) {
            String type = profile.getGroupType();
            group = new GroupProfile(id.groupId(), profile.getGroupName(), profile.getFaceUrl(),
                    type == null || type.isEmpty() ? null : GroupType.parse(type));
        }
        Map<String, String> groupNames = ConversationGroupNames.namesById(got.get(TableRequests.keyString(ConversationGroupNames.key(item.getPk()))));
        StoredConversation stored = ConversationRows.toStored(item);
        return Conversation.of(stored, DisplayNames.of(stored, peer, group), groupNames);
    }

    private static Map<String, AttributeValue> conversationKey(String appId, String userId, ConversationId id) {
        return Av.key(userPk(appId, userId), conversationSk(id));
    }

    static Map<String, AttributeValue> profileKey(String appId, ConversationId id) {
        return id.type() == ConversationType.C2C
                ? Av.key(userProfilePk(appId, id.userId()), PROFILE_SK)
                : Av.key(groupProfilePk(appId, id.groupId()), PROFILE_SK);
    }
}
