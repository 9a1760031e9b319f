package io.convlist.store;

import static io.convlist.store.Keys.*;

import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.IntFunction;

import io.convlist.domain.AppSettings;
import io.convlist.domain.CapPlanner;
import io.convlist.domain.CapPlanner.Entry;
import io.convlist.domain.CapPlanner.Plan;
import io.convlist.domain.ConversationId;
import io.convlist.domain.ConversationType;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

/**
 * The per-user cap in DynamoDB: creating conversations under it, evicting at it, and reconciling
 * the bookkeeping after TTL deletions. The decisions are {@link CapPlanner}'s; this turns them into
 * transactions with conditions, so the cap holds under any number of concurrent writers.
 */
final class ListCap {
    /** How many eviction candidates one creation at the limit tries before reading the list again. */
    private static final int SWAP_CANDIDATES = 4;

    /** Builds the item of a conversation being created, once its slot and the app's settings are known. */
    interface NewConversation {
        ConversationItem inSlot(String pk, int slot, String remark, long nowMillis, AppSettings app);
    }

    private final TableRequests table;
    private final Clock clock;
    private final AppSettingsStore settings;

    ListCap(TableRequests table, Clock clock, AppSettingsStore settings) {
        this.table = table;
        this.clock = clock;
        this.settings = settings;
    }

    /**
     * Creates a conversation under the cap. Below the limit: one consistent BatchGetItem (bookkeeping,
     * settings, remark) and one transaction that adds a free slot on the condition that the set is
     * still below the limit. At the limit: also one Query of the small byExpiry index, and the
     * transaction evicts (see {@link #swapIntoVictimSlot} for the common case).
     *
     * @return false if the conversation appeared meanwhile or the list changed (the caller starts over)
     */
    boolean create(String appId, String owner, ConversationId id, NewConversation conversation) {
        String pk = userPk(appId, owner);
        Map<String, AttributeValue> metaKey = Av.key(pk, META_SK);
        Map<String, AttributeValue> remarkKey = Av.key(pk, remarkSk(id.targetId()));
        List<Map<String, AttributeValue>> keys = new ArrayList<>(List.of(metaKey, AppSettingsStore.key(appId)));
        if (id.type() == ConversationType.C2C) {
            keys.add(remarkKey);
        }
        Map<String, Map<String, AttributeValue>> got = table.batchGet(keys);
        AppSettings app = settings.remember(AppSettingsStore.fromItem(appId, got.get(TableRequests.keyString(AppSettingsStore.key(appId)))));
        ListMetaItem meta = meta(got.get(TableRequests.keyString(metaKey)));
        RemarkItem remark = ConversationRows.map(Schemas.REMARK, got.get(TableRequests.keyString(remarkKey)));
        String remarkText = remark == null ? null : remark.getRemark();
        long now = clock.millis();
        if (meta.slotSet().size() < app.conversationLimit()) {
            return createBelowLimit(metaKey, meta.slotSet(), app,
                    slot -> conversation.inSlot(pk, slot, remarkText, now, app));
        }
        List<Entry> stored = entries(pk);
        if (stored.size() == app.conversationLimit() && CapPlanner.inSync(stored, meta.slotSet())) {
            return swapIntoVictimSlot(pk, stored, now, slot -> conversation.inSlot(pk, slot, remarkText, now, app));
        }
        Plan plan = CapPlanner.plan(stored, app.conversationLimit(), 1, now / 1000);
        if (plan.victims().size() > TableRequests.TRANSACTION_MAX_ITEMS - 2) {
            // A lowered limit left more excess than one transaction holds: trim a part first.
            try {
                trimStep(pk, plan, meta.revision());
            } catch (TransactionCanceledException raced) {
                // another writer changed the list; the caller starts over either way
            }
            return false;
        }
        int slot = CapPlanner.freeSlot(plan.slots(), ThreadLocalRandom.current());
        List<TransactWriteItem> tx = new ArrayList<>();
        tx.add(table.txPutNew(ConversationRows.toMap(conversation.inSlot(pk, slot, remarkText, now, app))));
        plan.victims().forEach(v -> tx.add(table.txDeleteUnchanged(Av.key(pk, v.sk()), v.expiresAt())));
        Set<Integer> after = new HashSet<>(plan.slots());
        after.add(slot);
        tx.add(replaceBookkeeping(metaKey, after, plan.pinnedCount(), meta.revision()));
        return transactOrStartOver(tx);
    }

    private boolean createBelowLimit(Map<String, AttributeValue> metaKey, Set<Integer> slots, AppSettings app,
            IntFunction<ConversationItem> itemInSlot) {
        int slot = CapPlanner.freeSlot(slots, ThreadLocalRandom.current());
        Expr e = new Expr();
        e.add(SLOTS, Av.ns(List.of(slot))).set(e.n(REV) + " = if_not_exists(" + e.n(REV) + ", " + e.v(0) + ") + " + e.v(1));
        String condition = "attribute_not_exists(" + e.n(SLOTS) + ") OR (size(" + e.n(SLOTS) + ") < "
                + e.v(app.conversationLimit()) + " AND NOT contains(" + e.n(SLOTS) + ", " + e.v(slot) + "))";
        return transactOrStartOver(List.of(table.txPutNew(ConversationRows.toMap(itemInSlot.apply(slot))),
                table.txUpdate(metaKey, e, condition)));
    }

    private boolean transactOrStartOver(List<TransactWriteItem> tx) {
        try {
            table.transact(tx);
            return true;
        } catch (TransactionCanceledException cancelled) {
            return false; // the conversation exists now, or the bookkeeping changed: start over
        }
    }

    /**
     * The common case at the limit: the bookkeeping is exact and the list exactly full. The new
     * conversation takes the slot of the conversation it evicts, in one transaction that puts the
     * one and deletes the other (if unchanged since read). The count and the slot set stay as they
     * are, so the bookkeeping is not written, and concurrent creators contend only when they choose
     * the same victim: the loser moves on to the next candidate without reading again.
     */
    private boolean swapIntoVictimSlot(String pk, List<Entry> stored, long now,
            IntFunction<ConversationItem> itemInSlot) {
        List<Entry> candidates = CapPlanner.evictionOrder(stored, now / 1000).stream()
                .filter(e -> !e.pinned()).limit(SWAP_CANDIDATES).toList();
        for (Entry victim : candidates) {
            try {
                table.transact(List.of(table.txPutNew(ConversationRows.toMap(itemInSlot.apply(victim.slot()))),
                        table.txDeleteUnchanged(Av.key(pk, victim.sk()), victim.expiresAt())));
                return true;
            } catch (TransactionCanceledException cancelled) {
                if (TableRequests.failedAt(cancelled, 0)) {
                    return false; // the conversation exists now
                }
                // the victim changed or a concurrent creator evicted it: try the next one
            }
        }
        return false;
    }

    /**
     * Makes the bookkeeping exact again (after TTL deletions) and evicts any excess over the app's
     * current limit. Idempotent: what a DynamoDB Streams consumer runs for a TTL deletion.
     */
    Plan reconcile(String appId, String userId) {
        return enforceLimit(userPk(appId, userId), settings.get(appId).conversationLimit());
    }

    Plan enforceLimit(String pk, int limit) {
        Map<String, AttributeValue> metaKey = Av.key(pk, META_SK);
        for (int attempt = 0; attempt < Attempts.MAX; attempt++) {
            Attempts.backoff(attempt);
            ListMetaItem meta = meta(table.get(metaKey));
            Plan plan = CapPlanner.plan(entries(pk), limit, 0, clock.millis() / 1000);
            if (CapPlanner.isExact(plan, meta.slotSet(), meta.pinned())) {
                return plan;
            }
            try {
                trimStep(pk, plan, meta.revision());
                if (plan.victims().size() <= TableRequests.TRANSACTION_MAX_ITEMS - 1) {
                    return plan;
                }
            } catch (TransactionCanceledException raced) {
                // another writer changed the list; read again
            }
        }
        throw Attempts.contention();
    }

    ListState state(String appId, String userId) {
        String pk = userPk(appId, userId);
        ListMetaItem meta = meta(table.get(Av.key(pk, META_SK)));
        List<Entry> entries = entries(pk);
        long nowSecond = clock.millis() / 1000;
        return new ListState(meta.slotSet().size(), (int) meta.pinned(), entries.size(),
                (int) entries.stream().filter(x -> x.liveAt(nowSecond)).count());
    }

    /** Applies (a transaction's worth of) a plan's evictions with the bookkeeping that results. */
    private void trimStep(String pk, Plan plan, long rev) {
        List<Entry> now = plan.victims().subList(0, Math.min(plan.victims().size(), TableRequests.TRANSACTION_MAX_ITEMS - 1));
        Set<Integer> slotsAfter = new HashSet<>(plan.slots());
        plan.victims().subList(now.size(), plan.victims().size()).forEach(v -> slotsAfter.add(v.slot()));
        List<TransactWriteItem> tx = new ArrayList<>();
        now.forEach(v -> tx.add(table.txDeleteUnchanged(Av.key(pk, v.sk()), v.expiresAt())));
        tx.add(replaceBookkeeping(Av.key(pk, META_SK), slotsAfter, plan.pinnedCount(), rev));
        table.transact(tx);
    }

    /** Replaces the slot set and pinned count with exact values, if nobody changed them since they were read. */
    private TransactWriteItem replaceBookkeeping(Map<String, AttributeValue> metaKey, Set<Integer> slots, int pinned, long rev) {
        Expr e = new Expr();
        if (slots.isEmpty()) {
            e.remove(SLOTS); // DynamoDB has no empty sets
        } else {
            e.set(SLOTS, Av.ns(slots));
        }
        e.set(PINNED_COUNT, Av.n(pinned)).set(REV, Av.n(rev + 1));
        String condition = rev == 0 ? "attribute_not_exists(" + e.n(REV) + ")" : e.n(REV) + " = " + e.v(rev);
        return table.txUpdate(metaKey, e, condition);
    }

    /** The whole list as its small byExpiry index holds it: one Query (per 1 MB page). */
    private List<Entry> entries(String pk) {
        QueryRequest request = QueryRequest.builder().tableName(table.table).indexName(INDEX_BY_EXPIRY).consistentRead(true)
                .keyConditionExpression("#pk = :pk").expressionAttributeNames(Map.of("#pk", PK))
                .expressionAttributeValues(Map.of(":pk", Av.s(pk))).build();
        return table.queryAll(request).stream().map(ConversationRows::conversation)
                .map(c -> new Entry(c.getSk(), c.getSlot() == null ? 0 : c.getSlot(),
                        c.getOrderKey() == null ? 0 : c.getOrderKey(), Boolean.TRUE.equals(c.getPinned()),
                        ConversationRows.expiresAt(c)))
                .toList();
    }

    private static ListMetaItem meta(Map<String, AttributeValue> raw) {
        ListMetaItem meta = ConversationRows.map(Schemas.LIST_META, raw);
        return meta == null ? new ListMetaItem() : meta;
    }
}
