package io.convlist.store.list;

import static io.convlist.store.table.Keys.*;

import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.IntFunction;

import io.convlist.domain.AppSettings;
import io.convlist.domain.ConversationId;
import io.convlist.domain.Removal;
import io.convlist.domain.RemovalReason;
import io.convlist.domain.list.CapPlanner.Entry;
import io.convlist.domain.list.CapPlanner.Plan;
import io.convlist.domain.list.CapPlanner;
import io.convlist.domain.message.ReadState;
import io.convlist.store.app.StoreContext;
import io.convlist.store.app.StorePart;
import io.convlist.store.item.ConversationItem;
import io.convlist.store.item.ListMetaItem;
import io.convlist.store.item.Schemas;
import io.convlist.store.table.Attempts;
import io.convlist.store.table.Av;
import io.convlist.store.table.Expr;
import io.convlist.store.table.TableRequests;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

/**
 * The per-user cap in DynamoDB: creating conversations under it, evicting at it, and reconciling
 * the bookkeeping after TTL deletions. The decisions are {@link CapPlanner}'s; this turns them into
 * transactions with conditions, so the cap holds under any number of concurrent writers.
 */
public final class ListCap extends StorePart {
    /** How many eviction candidates one creation at the limit tries before reading the list again. */
    private static final int SWAP_CANDIDATES = 4;
    /** Each victim takes three items of a transaction: its delete, its removal record, its "shown in" entry. */
    private static final int ITEMS_PER_VICTIM = 3;

    /** The conversation a creation would put, once its slot, its prior state and the app's settings are known. */
    public interface NewConversation {
        /** False if it must not be created: the message is from before the conversation left the list. */
        boolean admittedAfter(Prior prior);

        ConversationItem inSlot(String pk, int slot, Prior prior, long nowMillis, AppSettings app);

        /** True for a large group's conversation being caught up (which is what brings the others up to date first). */
        default boolean catchingUp() {
            return false;
        }
    }

    private CatchUp catchUp = (appId, owner, groups) -> false;

    public ListCap(StoreContext context) {
        super(context);
    }

    /** Set once, when the store is built (the catch-up creates under this cap in turn). */
    public void catchUpWith(CatchUp catchUp) {
        this.catchUp = catchUp;
    }

    /**
     * Creates a conversation under the cap. Below the limit: one consistent BatchGetItem (bookkeeping,
     * settings, the owner's remark, peer settings and removal record) and one transaction that adds a
     * free slot on the condition that the set is still below the limit. At the limit: also one Query
     * of the list's conversation items and one BatchGetItem of the victims (their last seq goes into their
     * removal records), and the transaction evicts (see {@link #swapIntoVictimSlot} for the common case).
     *
     * @return false if the conversation appeared meanwhile or the list changed (the caller starts over)
     */
    public boolean create(String appId, String owner, ConversationId id, NewConversation conversation) {
        return create(appId, owner, id, conversation, clock);
    }

    /**
     * As {@link #create(String, String, ConversationId, NewConversation)}, at another time: a large
     * group's catch-up creates as of the group's last record, so that the conversation lives, expires
     * and takes its place under the cap as it would have had each message been written when recorded.
     */
    public boolean create(String appId, String owner, ConversationId id, NewConversation conversation, Clock time) {
        String pk = userPk(appId, owner);
        Map<String, AttributeValue> metaKey = Av.key(pk, META_SK);
        List<Map<String, AttributeValue>> keys = new ArrayList<>(List.of(metaKey));
        keys.addAll(Prior.keys(pk, id));
        Map<String, Map<String, AttributeValue>> got = table.batchGet(keys);
        AppSettings app = settings.cached(appId);
        ListMetaItem meta = meta(got.get(TableRequests.keyString(metaKey)));
        Prior prior = Prior.of(pk, id, got);
        if (!conversation.admittedAfter(prior)) {
            return true; // nothing to create: the message is older than the conversation's removal
        }
        long now = time.millis();
        // The item's time is taken when its write is built, after the reads: device sync relies on a
        // change's time being close to its commit (see SyncPosition).
        IntFunction<Map<String, AttributeValue>> itemInSlot =
                slot -> ConversationRows.toMap(conversation.inSlot(pk, slot, prior, time.millis(), app));
        if (meta.slotSet().size() < app.conversationLimit()) {
            return createBelowLimit(metaKey, meta.slotSet(), app, prior, itemInSlot);
        }
        // At the limit the eviction chooses by order and expiry: large groups' conversations must show theirs first.
        if (!conversation.catchingUp() && catchUp.bringUp(appId, owner, meta.largeGroupSet())) {
            return false;
        }
        List<Entry> stored = entries(pk);
        if (stored.size() == app.conversationLimit() && CapPlanner.inSync(stored, meta.slotSet())) {
            return swapIntoVictimSlot(pk, stored, time, app, prior, itemInSlot);
        }
        Plan plan = CapPlanner.plan(stored, app.conversationLimit(), 1, now / 1000);
        List<TransactWriteItem> priorItems = prior.transactionItems(table);
        // The new conversation, the bookkeeping, its "shown in" entry and its prior items, then the victims.
        int room = (TableRequests.TRANSACTION_MAX_ITEMS - 3 - priorItems.size()) / ITEMS_PER_VICTIM;
        if (plan.victims().size() > room) {
            // A lowered limit left more excess than one transaction holds: trim a part first.
            try {
                trimStep(pk, plan, meta.revision(), app, time.millis());
            } catch (TransactionCanceledException raced) {
                // another writer changed the list; the caller starts over either way
            }
            return false;
        }
        int slot = CapPlanner.freeSlot(plan.slots(), ThreadLocalRandom.current());
        List<TransactWriteItem> tx = new ArrayList<>();
        tx.addAll(evictions(pk, plan.victims(), app, time.millis()));
        tx.add(table.txPutNew(itemInSlot.apply(slot)));
        Set<Integer> after = new HashSet<>(plan.slots());
        after.add(slot);
        tx.add(replaceBookkeeping(metaKey, after, plan.pinnedCount(), meta.revision()));
        tx.addAll(priorItems);
        tx.add(ShownIn.add(table, pk, prior.id()));
        return transactOrStartOver(tx);
    }

    /**
     * Puts a new conversation in the slot of an expired one that TTL has not deleted yet, above its
     * old last seq, with the owner's current settings for the peer. One transaction: the old item
     * must be unchanged, and the settings it copied too.
     *
     * @return false if the old item or the settings changed meanwhile (the caller starts over)
     */
    public boolean restartExpired(String appId, ConversationItem old, ConversationId id, NewConversation conversation) {
        return restartExpired(appId, old, id, conversation, clock);
    }

    /** As {@link #restartExpired(String, ConversationItem, ConversationId, NewConversation)}, at another time (a catch-up's). */
    public boolean restartExpired(String appId, ConversationItem old, ConversationId id, NewConversation conversation, Clock time) {
        AppSettings app = settings.cached(appId);
        String pk = old.getPk();
        Prior read = Prior.of(pk, id, table.batchGet(List.of(Av.key(pk, peerSettingsSk(id)))));
        Prior prior = new Prior(id, pk, null, read.settings(), null);
        ConversationItem item = conversation.inSlot(pk, old.getSlot(), prior, time.millis(), app);
        item.setRemark(old.getRemark());
        long floor = Math.max(old.getLastSeq(), item.getRemovedSeq() == null ? 0 : item.getRemovedSeq());
        item.setRemovedSeq(floor);
        item.setVersion(ConversationRows.firstVersion(time.millis(), ConversationRows.version(old)));
        // What came while it was expired counts from its last seq, as for a conversation brought back.
        ReadState expired = ConversationRows.readState(old);
        ConversationRows.countingFrom(item, floor, expired.excluded(), expired.atInfo());
        List<TransactWriteItem> tx = new ArrayList<>(List.of(table.txPutReplacing(ConversationRows.toMap(item),
                ConversationRows.expiresAt(old))));
        tx.addAll(prior.transactionItems(table));
        try {
            table.transact(tx);
            return true;
        } catch (TransactionCanceledException raced) {
            return false;
        }
    }

    private boolean createBelowLimit(Map<String, AttributeValue> metaKey, Set<Integer> slots, AppSettings app, Prior prior,
            IntFunction<Map<String, AttributeValue>> itemInSlot) {
        int slot = CapPlanner.freeSlot(slots, ThreadLocalRandom.current());
        Expr e = new Expr();
        e.add(SLOTS, Av.ns(List.of(slot))).set(e.where("#REV = if_not_exists(#REV, :zero) + :one", "zero", 0, "one", 1));
        String condition = e.where("attribute_not_exists(#SLOTS) OR (size(#SLOTS) < :limit AND NOT contains(#SLOTS, :slot))",
                "limit", app.conversationLimit(), "slot", slot);
        List<TransactWriteItem> tx = new ArrayList<>(List.of(table.txPutNew(itemInSlot.apply(slot)),
                table.txUpdate(metaKey, e, condition)));
        tx.addAll(prior.transactionItems(table));
        tx.add(ShownIn.add(table, prior.pk(), prior.id()));
        return transactOrStartOver(tx);
    }

    private boolean transactOrStartOver(List<TransactWriteItem> tx) {
        try {
            table.transact(tx);
            return true;
        } catch (TransactionCanceledException cancelled) {
            return false; // the conversation exists now, or the bookkeeping or the prior state changed: start over
        }
    }

    /**
     * The common case at the limit: the bookkeeping is exact and the list exactly full. The new
     * conversation takes the slot of the conversation it evicts, in one transaction that puts the
     * one, deletes the other (if unchanged since read) and leaves its removal record. The count and
     * the slot set stay as they are, so the bookkeeping is not written, and concurrent creators
     * contend only when they choose the same victim: the loser moves on to the next candidate.
     */
    private boolean swapIntoVictimSlot(String pk, List<Entry> stored, Clock time, AppSettings app, Prior prior,
            IntFunction<Map<String, AttributeValue>> itemInSlot) {
        List<Entry> candidates = CapPlanner.evictionOrder(stored, time.millis() / 1000).stream()
                .filter(e -> !e.pinned()).limit(SWAP_CANDIDATES).toList();
        Map<String, ConversationItem> current = currentItems(pk, candidates);
        for (Entry victim : candidates) {
            ConversationItem item = current.get(victim.sk());
            if (item == null || ConversationRows.expiresAt(item) != victim.expiresAt()) {
                continue; // changed or gone since the list was read
            }
            List<TransactWriteItem> tx = new ArrayList<>();
            tx.add(table.txPutNew(itemInSlot.apply(victim.slot())));
            tx.addAll(eviction(pk, victim, item, time.millis(), app));
            tx.addAll(prior.transactionItems(table));
            tx.add(ShownIn.add(table, pk, prior.id()));
            try {
                table.transact(tx);
                return true;
            } catch (TransactionCanceledException cancelled) {
                if (!TableRequests.failedAt(cancelled, 1)) {
                    return false; // the conversation exists now, or its prior state changed
                }
                // the victim changed or a concurrent creator evicted it: try the next one
            }
        }
        return false;
    }

    /** The victims' delete-if-unchanged and removal records; the victims are read first for their last seq. */
    private List<TransactWriteItem> evictions(String pk, List<Entry> victims, AppSettings app, long now) {
        Map<String, ConversationItem> current = currentItems(pk, victims);
        List<TransactWriteItem> items = new ArrayList<>();
        for (Entry victim : victims) {
            ConversationItem item = current.get(victim.sk());
            if (item == null) {
                // Deleted meanwhile (TTL): the delete's condition fails and the writer starts over.
                items.add(table.txDeleteUnchanged(Av.key(pk, victim.sk()), victim.expiresAt(), 0));
            } else {
                items.addAll(eviction(pk, victim, item, now, app));
            }
        }
        return items;
    }

    private List<TransactWriteItem> eviction(String pk, Entry victim, ConversationItem item, long now, AppSettings app) {
        Removal removal = ConversationRows.removalOf(item, RemovalReason.EVICTED, now);
        return List.of(table.txDeleteUnchanged(Av.key(pk, victim.sk()), victim.expiresAt(), ConversationRows.version(item)),
                table.txPut(ConversationRows.removalRecord(pk, removal, now, app)),
                ShownIn.remove(table, pk, removal.conversationId()));
    }

    private Map<String, ConversationItem> currentItems(String pk, List<Entry> entries) {
        Map<String, Map<String, AttributeValue>> got = table.batchGet(entries.stream().map(e -> Av.key(pk, e.sk())).toList());
        Map<String, ConversationItem> bySk = new HashMap<>();
        got.values().forEach(raw -> bySk.put(raw.get(SK).s(), ConversationRows.conversation(raw)));
        return bySk;
    }

    /**
     * Makes the bookkeeping exact again (after TTL deletions) and evicts any excess over the app's
     * current limit. Idempotent: what a DynamoDB Streams consumer runs for a TTL deletion.
     */
    public Plan reconcile(String appId, String userId) {
        return enforceLimit(userPk(appId, userId), settings.get(appId));
    }

    /**
     * Evicts what a lowered limit left over, by the app's settings as this instance holds them: what a
     * user's read that found the list over the limit does before it answers.
     */
    public void trimToLimit(String appId, String userId) {
        enforceLimit(userPk(appId, userId), settings.cached(appId));
    }

    Plan enforceLimit(String pk, AppSettings app) {
        Map<String, AttributeValue> metaKey = Av.key(pk, META_SK);
        return Attempts.untilDone(attempt -> {
            ListMetaItem meta = meta(table.get(metaKey));
            long now = clock.millis();
            Plan plan = CapPlanner.plan(entries(pk), app.conversationLimit(), 0, now / 1000);
            if (CapPlanner.isExact(plan, meta.slotSet(), meta.pinned())) {
                return Optional.of(plan);
            }
            try {
                if (trimStep(pk, plan, meta.revision(), app, now)) {
                    return Optional.of(plan);
                }
            } catch (TransactionCanceledException raced) {
                // another writer changed the list; read again
            }
            return Optional.empty();
        });
    }

    public ListState state(String appId, String userId) {
        String pk = userPk(appId, userId);
        ListMetaItem meta = meta(table.get(Av.key(pk, META_SK)));
        List<Entry> entries = entries(pk);
        long nowSecond = clock.millis() / 1000;
        return new ListState(meta.slotSet().size(), (int) meta.pinned(), entries.size(),
                (int) entries.stream().filter(x -> x.liveAt(nowSecond)).count());
    }

    /**
     * Applies (a transaction's worth of) a plan's evictions, with their removal records and the
     * bookkeeping that results.
     *
     * @return true if that was the whole plan
     */
    private boolean trimStep(String pk, Plan plan, long rev, AppSettings app, long nowMillis) {
        int room = (TableRequests.TRANSACTION_MAX_ITEMS - 1) / ITEMS_PER_VICTIM;
        List<Entry> now = plan.victims().subList(0, Math.min(plan.victims().size(), room));
        Set<Integer> slotsAfter = new HashSet<>(plan.slots());
        plan.victims().subList(now.size(), plan.victims().size()).forEach(v -> slotsAfter.add(v.slot()));
        List<TransactWriteItem> tx = new ArrayList<>(evictions(pk, now, app, nowMillis));
        tx.add(replaceBookkeeping(Av.key(pk, META_SK), slotsAfter, plan.pinnedCount(), rev));
        table.transact(tx);
        return now.size() == plan.victims().size();
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
        String condition = rev == 0 ? e.where("attribute_not_exists(#REV)") : e.where("#REV = :rev", "rev", rev);
        return table.txUpdate(metaKey, e, condition);
    }

    /** The whole list's bookkeeping attributes: one Query of its conversation items (per 1 MB page). */
    private List<Entry> entries(String pk) {
        return table.partOfList(pk, CONVERSATION_SK_PREFIX, new Expr(), null, SK, SLOT, ORDER_KEY, PINNED, EXPIRES_AT).stream()
                .map(ConversationRows::conversation)
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
