package io.convlist.store;

import static io.convlist.store.ConversationUpdates.*;
import static io.convlist.store.Keys.*;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

import io.convlist.domain.AppSettings;
import io.convlist.domain.ConversationId;
import io.convlist.domain.ErrorCode;
import io.convlist.domain.Limits;
import io.convlist.domain.PeerSetting;
import io.convlist.domain.ServiceException;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.Delete;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

/**
 * A user's settings for peers and groups (the receive option), in items of their own outside the
 * capped list: they survive the conversation's deletion, eviction and expiry, can be set for a peer
 * not in the list, and a conversation copies them when it is created. At most
 * {@value Limits#PEER_SETTINGS_MAX} per user, counted on the list's bookkeeping item in the same
 * transaction that adds or removes one. The receive option 0 is the default: setting it removes the item.
 */
final class PeerSettingsStore {
    private final TableRequests table;
    private final Clock clock;
    private final AppSettingsStore settings;
    private final ParallelWrites parallel;

    PeerSettingsStore(TableRequests table, Clock clock, AppSettingsStore settings, ParallelWrites parallel) {
        this.table = table;
        this.clock = clock;
        this.settings = settings;
        this.parallel = parallel;
    }

    /**
     * Sets the receive option for each peer or group, then for its conversation if it is in the list.
     * The settings cap is checked for the whole request before anything is written (one BatchGetItem
     * of the bookkeeping and the settings named); each added setting is also counted in its own
     * transaction, conditioned on the cap, so concurrent callers cannot exceed it.
     *
     * @return the conversation IDs that are not in the list (their setting is stored all the same)
     */
    List<String> setReceiveOpt(String appId, String userId, List<ConversationId> ids, int opt) {
        String pk = userPk(appId, userId);
        Map<String, AttributeValue> metaKey = Av.key(pk, META_SK);
        List<Map<String, AttributeValue>> keys = new ArrayList<>(List.of(metaKey));
        ids.forEach(id -> keys.add(Av.key(pk, peerSettingsSk(id))));
        Map<String, Map<String, AttributeValue>> got = table.batchGet(keys);
        ListMetaItem meta = ConversationRows.map(Schemas.LIST_META, got.get(TableRequests.keyString(metaKey)));
        long count = meta == null || meta.getSettingsCount() == null ? 0 : meta.getSettingsCount();
        long adding = opt == 0 ? 0 : ids.stream().filter(id -> !got.containsKey(TableRequests.keyString(Av.key(pk, peerSettingsSk(id))))).count();
        if (count + adding > Limits.PEER_SETTINGS_MAX) {
            throw limitReached();
        }
        AppSettings app = settings.cached(appId);
        List<String> notInList = Collections.synchronizedList(new ArrayList<>());
        List<Runnable> writes = new ArrayList<>();
        for (ConversationId id : ids) {
            boolean exists = got.containsKey(TableRequests.keyString(Av.key(pk, peerSettingsSk(id))));
            writes.add(() -> {
                storeSetting(pk, id, opt, exists);
                if (!applyToConversation(pk, id, opt, app)) {
                    notInList.add(id.toString());
                }
            });
        }
        parallel.runAll(writes);
        return List.copyOf(notInList);
    }

    /** The receive option for each peer or group named (0 where none is set), in the order asked: one BatchGetItem. */
    List<PeerSetting> receiveOpts(String appId, String userId, List<ConversationId> ids) {
        String pk = userPk(appId, userId);
        Map<String, Map<String, AttributeValue>> got = table.batchGet(ids.stream().map(id -> Av.key(pk, peerSettingsSk(id))).toList());
        return ids.stream().map(id -> {
            PeerSettingsItem item = ConversationRows.map(Schemas.PEER_SETTINGS, got.get(TableRequests.keyString(Av.key(pk, peerSettingsSk(id)))));
            return new PeerSetting(id, item == null || item.getRecvOpt() == null ? 0 : item.getRecvOpt());
        }).toList();
    }

    /** Every setting the user has, for operators (one Query). */
    List<PeerSetting> list(String appId, String userId) {
        Expr e = new Expr();
        String key = e.n(PK) + " = " + e.v(userPk(appId, userId)) + " AND begins_with(" + e.n(SK) + ", " + e.v(PEER_SETTINGS_SK_PREFIX) + ")";
        return table.queryAll(QueryRequest.builder().tableName(table.table).keyConditionExpression(key)
                .expressionAttributeNames(e.names()).expressionAttributeValues(e.values()).consistentRead(true).build())
                .stream().map(raw -> ConversationRows.map(Schemas.PEER_SETTINGS, raw))
                .map(item -> new PeerSetting(Keys.conversationOf(item.getSk()), item.getRecvOpt() == null ? 0 : item.getRecvOpt()))
                .toList();
    }

    /** Writes one setting; when another writer added or removed it meanwhile, goes the other way. */
    private void storeSetting(String pk, ConversationId id, int opt, boolean existed) {
        boolean exists = existed;
        for (int attempt = 0; attempt < Attempts.MAX; attempt++) {
            Attempts.backoff(attempt);
            try {
                if (opt == 0) {
                    if (exists) {
                        table.transact(List.of(deleteSetting(pk, id), countSettings(pk, -1)));
                    }
                } else if (exists) {
                    Expr e = new Expr();
                    String condition = "attribute_exists(" + e.n(PK) + ")";
                    table.update(Av.key(pk, peerSettingsSk(id)), e.set(RECV_OPT, Av.n(opt)), condition);
                } else {
                    PeerSettingsItem item = new PeerSettingsItem();
                    item.setPk(pk);
                    item.setSk(peerSettingsSk(id));
                    item.setRecvOpt(opt);
                    table.transact(List.of(table.txPutNew(Schemas.PEER_SETTINGS.itemToMap(item, true)), countSettings(pk, 1)));
                }
                return;
            } catch (ConditionalCheckFailedException gone) {
                exists = false;
            } catch (TransactionCanceledException cancelled) {
                if (TableRequests.failedAt(cancelled, 1)) {
                    throw limitReached();
                }
                if (TableRequests.failedAt(cancelled, 0)) {
                    exists = !exists;
                }
            }
        }
        throw Attempts.contention();
    }

    private TransactWriteItem deleteSetting(String pk, ConversationId id) {
        Expr e = new Expr();
        return TransactWriteItem.builder().delete(Delete.builder().tableName(table.table).key(Av.key(pk, peerSettingsSk(id)))
                .conditionExpression("attribute_exists(" + e.n(PK) + ")").expressionAttributeNames(e.names()).build()).build();
    }

    /** Counts a setting in or out; counting in is conditioned on the cap. */
    private TransactWriteItem countSettings(String pk, int delta) {
        Expr e = new Expr();
        e.add(SETTINGS_COUNT, Av.n(delta));
        String condition = delta > 0 ? "attribute_not_exists(" + e.n(SETTINGS_COUNT) + ") OR " + e.n(SETTINGS_COUNT)
                + " < " + e.v(Limits.PEER_SETTINGS_MAX) : null;
        return table.txUpdate(Av.key(pk, META_SK), e, condition);
    }

    /** The conversation shows the setting at once; false if it is not in the list. */
    private boolean applyToConversation(String pk, ConversationId id, int opt, AppSettings app) {
        long now = clock.millis();
        Expr e = new Expr();
        String condition = liveCondition(e, now);
        touch(e.set(RECV_OPT, Av.n(opt)), now, app);
        try {
            table.update(Av.key(pk, conversationSk(id)), e, condition);
            return true;
        } catch (ConditionalCheckFailedException missing) {
            return false;
        }
    }

    private static ServiceException limitReached() {
        return new ServiceException(ErrorCode.SETTINGS_LIMIT_REACHED,
                "at most " + Limits.PEER_SETTINGS_MAX + " peers and groups can have settings");
    }
}
