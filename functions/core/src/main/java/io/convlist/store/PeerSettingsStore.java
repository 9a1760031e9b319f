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
     * Settings that are new are added in one transaction with their count, conditioned on the cap
     * ({@value Limits#PEER_SETTINGS_MAX}), so a request that would pass it writes nothing, also when
     * callers race (one BatchGetItem first tells new from existing, and refuses early).
     *
     * @return the conversation IDs that are not in the list (their setting is stored all the same)
     */
    List<String> setReceiveOpt(String appId, String userId, List<ConversationId> ids, int opt) {
        String pk = userPk(appId, userId);
        for (int attempt = 0; attempt < Attempts.MAX; attempt++) {
            Attempts.backoff(attempt);
            Map<String, AttributeValue> metaKey = Av.key(pk, META_SK);
            List<Map<String, AttributeValue>> keys = new ArrayList<>(List.of(metaKey));
            ids.forEach(id -> keys.add(Av.key(pk, peerSettingsSk(id))));
            Map<String, Map<String, AttributeValue>> got = table.batchGet(keys);
            ListMetaItem meta = ConversationRows.map(Schemas.LIST_META, got.get(TableRequests.keyString(metaKey)));
            long count = meta == null || meta.getSettingsCount() == null ? 0 : meta.getSettingsCount();
            List<ConversationId> added = new ArrayList<>();
            List<ConversationId> existing = new ArrayList<>();
            ids.forEach(id -> (got.containsKey(TableRequests.keyString(Av.key(pk, peerSettingsSk(id)))) ? existing : added).add(id));
            if (opt != 0 && count + added.size() > Limits.PEER_SETTINGS_MAX) {
                throw limitReached();
            }
            if (opt != 0 && !added.isEmpty() && !addAll(pk, added, opt)) {
                continue; // one of them appeared meanwhile: read again
            }
            return applyAll(appId, pk, existing, added, opt);
        }
        throw Attempts.contention();
    }

    /**
     * Adds new settings with their count, in transactions of at most 99 settings (DynamoDB's limit is
     * 100 items): the first carries the count of all of them and the cap's condition, so only a
     * request of 100 new IDs takes two, and a later one that fails gives its part of the count back.
     *
     * @return false if one of them was added by another caller meanwhile
     */
    private boolean addAll(String pk, List<ConversationId> added, int opt) {
        int chunk = TableRequests.TRANSACTION_MAX_ITEMS - 1;
        for (int from = 0; from < added.size(); from += chunk) {
            List<ConversationId> part = added.subList(from, Math.min(added.size(), from + chunk));
            List<TransactWriteItem> tx = new ArrayList<>();
            part.forEach(id -> tx.add(table.txPutNew(settingsItem(pk, id, opt))));
            if (from == 0) {
                tx.add(countSettings(pk, added.size()));
            }
            try {
                table.transact(tx);
            } catch (TransactionCanceledException cancelled) {
                if (from == 0 && TableRequests.failedAt(cancelled, part.size())) {
                    throw limitReached();
                }
                if (from > 0) {
                    table.transact(List.of(countSettings(pk, -(added.size() - from))));
                }
                return false;
            }
        }
        return true;
    }

    /**
     * Updates or removes the existing settings, then puts the option on each conversation in the list
     * (the new settings are stored already); returns the conversations not in the list.
     */
    private List<String> applyAll(String appId, String pk, List<ConversationId> existing, List<ConversationId> added, int opt) {
        AppSettings app = settings.cached(appId);
        List<String> notInList = Collections.synchronizedList(new ArrayList<>());
        List<Runnable> writes = new ArrayList<>();
        for (ConversationId id : existing) {
            writes.add(() -> {
                changeSetting(pk, id, opt);
                if (!applyToConversation(pk, id, opt, app)) {
                    notInList.add(id.toString());
                }
            });
        }
        for (ConversationId id : added) {
            writes.add(() -> {
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

    /** Changes or (for the default, 0) removes an existing setting; one removed meanwhile stays removed. */
    private void changeSetting(String pk, ConversationId id, int opt) {
        try {
            if (opt == 0) {
                table.transact(List.of(deleteSetting(pk, id), countSettings(pk, -1)));
            } else {
                Expr e = new Expr();
                String condition = "attribute_exists(" + e.n(PK) + ")";
                table.update(Av.key(pk, peerSettingsSk(id)), e.set(RECV_OPT, Av.n(opt)), condition);
            }
        } catch (ConditionalCheckFailedException | TransactionCanceledException removedMeanwhile) {
            // a concurrent request removed it (set it to 0): the later request wins, as for any setting
        }
    }

    private static Map<String, AttributeValue> settingsItem(String pk, ConversationId id, int opt) {
        PeerSettingsItem item = new PeerSettingsItem();
        item.setPk(pk);
        item.setSk(peerSettingsSk(id));
        item.setRecvOpt(opt);
        return Schemas.PEER_SETTINGS.itemToMap(item, true);
    }

    private TransactWriteItem deleteSetting(String pk, ConversationId id) {
        Expr e = new Expr();
        return TransactWriteItem.builder().delete(Delete.builder().tableName(table.table).key(Av.key(pk, peerSettingsSk(id)))
                .conditionExpression("attribute_exists(" + e.n(PK) + ")").expressionAttributeNames(e.names()).build()).build();
    }

    /** Counts settings in or out; counting in is conditioned on the cap holding after it. */
    private TransactWriteItem countSettings(String pk, int delta) {
        Expr e = new Expr();
        e.add(SETTINGS_COUNT, Av.n(delta));
        String condition = delta > 0 ? "attribute_not_exists(" + e.n(SETTINGS_COUNT) + ") OR " + e.n(SETTINGS_COUNT)
                + " <= " + e.v(Limits.PEER_SETTINGS_MAX - delta) : null;
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
