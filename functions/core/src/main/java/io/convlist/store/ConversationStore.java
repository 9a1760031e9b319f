package io.convlist.store;

import static io.convlist.store.Keys.*;

import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.IntFunction;

import io.convlist.domain.AppSettings;
import io.convlist.domain.Conversation;
import io.convlist.domain.ConversationId;
import io.convlist.domain.ConversationPage;
import io.convlist.domain.ConversationType;
import io.convlist.domain.DisplayNames;
import io.convlist.domain.ErrorCode;
import io.convlist.domain.GroupAtInfo;
import io.convlist.domain.GroupProfile;
import io.convlist.domain.GroupType;
import io.convlist.domain.LastMessage;
import io.convlist.domain.Limits;
import io.convlist.domain.MessageEvent;
import io.convlist.domain.OrderKeys;
import io.convlist.domain.ServiceException;
import io.convlist.domain.StoredConversation;
import io.convlist.domain.UserProfile;
import io.convlist.store.ListBookkeeping.Entry;
import io.convlist.store.ListBookkeeping.Plan;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbEnhancedClient;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbIndex;
import software.amazon.awssdk.enhanced.dynamodb.Expression;
import software.amazon.awssdk.enhanced.dynamodb.Key;
import software.amazon.awssdk.enhanced.dynamodb.TableSchema;
import software.amazon.awssdk.enhanced.dynamodb.model.Page;
import software.amazon.awssdk.enhanced.dynamodb.model.QueryConditional;
import software.amazon.awssdk.enhanced.dynamodb.model.QueryEnhancedRequest;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchGetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.CancellationReason;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.Delete;
import software.amazon.awssdk.services.dynamodb.model.KeysAndAttributes;
import software.amazon.awssdk.services.dynamodb.model.Put;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.ReturnValuesOnConditionCheckFailure;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;
import software.amazon.awssdk.services.dynamodb.model.Update;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemRequest;

/**
 * Each user's cloud conversation list in DynamoDB. Every rule-enforcing write is conditional or a
 * transaction with conditions; nothing here takes a lock. See {@link ListBookkeeping} for the cap.
 *
 * <p>Request budget (counted in the tests): a message into an existing conversation is one
 * conditional UpdateItem per affected user; pin, draft, recvOpt and marking one conversation read
 * are one conditional write each; a list page is one Query plus one BatchGetItem.
 */
public final class ConversationStore {
    /** Optimistic writes retry this often when concurrent writers win, then answer THROTTLED. */
    private static final int MAX_ATTEMPTS = 12;
    /** DynamoDB's item limit per transaction. */
    private static final int TRANSACTION_MAX_ITEMS = 100;
    private static final long DAY_SECONDS = 86_400;
    private static final String CONDITION_FAILED = "ConditionalCheckFailed";

    private final DynamoDbClient ddb;
    private final String table;
    private final Clock clock;
    private final AppSettingsStore settings;
    private final Executor fanOut;
    private final TableSchema<ConversationItem> schema = Schemas.CONVERSATION;
    private final TableSchema<LastMessageItem> lastMessageSchema = Schemas.LAST_MESSAGE;
    private final DynamoDbIndex<ConversationItem> byOrder;

    public ConversationStore(DynamoDbClient ddb, String table, Clock clock, AppSettingsStore settings, Executor fanOut) {
        this.ddb = ddb;
        this.table = table;
        this.clock = clock;
        this.settings = settings;
        this.fanOut = fanOut;
        this.byOrder = DynamoDbEnhancedClient.builder().dynamoDbClient(ddb).build()
                .table(table, schema).index(INDEX_BY_ORDER);
    }

    // ---------------------------------------------------------------------------------------------
    // Messages

    /**
     * Records one message in the sender's and every recipient's list, the writes running in
     * parallel on the fan-out executor. Each write is idempotent and independent of arrival order,
     * so a partial failure is healed by the pipeline's redelivery.
     */
    public void recordMessage(String appId, MessageEvent m) {
        List<Runnable> writes = new ArrayList<>();
        if (m.type() == ConversationType.C2C) {
            writes.add(() -> applyMessage(appId, m.senderID(), ConversationId.c2c(m.receiverID()), m, true));
            writes.add(() -> applyMessage(appId, m.receiverID(), ConversationId.c2c(m.senderID()), m, false));
        } else {
            ConversationId group = ConversationId.group(m.groupID());
            writes.add(() -> applyMessage(appId, m.senderID(), group, m, true));
            for (String member : m.recipients()) {
                writes.add(() -> applyMessage(appId, member, group, m, false));
            }
        }
        runAll(writes);
    }

    private void runAll(List<Runnable> tasks) {
        if (tasks.size() == 1) {
            tasks.get(0).run();
            return;
        }
        CompletableFuture<?>[] futures = tasks.stream()
                .map(t -> CompletableFuture.runAsync(t, fanOut)).toArray(CompletableFuture[]::new);
        try {
            CompletableFuture.allOf(futures).join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            throw e;
        }
    }

    private void applyMessage(String appId, String owner, ConversationId id, MessageEvent m, boolean sender) {
        Map<String, AttributeValue> key = conversationKey(appId, owner, id);
        boolean keepsUnread = !sender && (m.type() == ConversationType.C2C || m.groupType().keepsUnreadCount());
        int atType = keepsUnread && m.type() == ConversationType.GROUP ? m.atTypeFor(owner) : 0;
        for (int attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
            backoff(attempt);
            AppSettings app = settings.cached(appId);
            long now = clock.millis();
            Expr e = new Expr();
            String condition = liveCondition(e, now) + " AND " + e.n(LAST_SEQ) + " < " + e.v(m.seq());
            e.set(LAST_SEQ, Av.n(m.seq()))
                    .set(LAST_TIME, Av.n(m.timestamp()))
                    .set(LAST_MSG, lastMessageValue(m))
                    .set(e.n(ORDER_KEY) + " = " + e.n(ORDER_BASE) + " + " + e.v(OrderKeys.activityPart(m.timestamp())));
            touch(e, now, app);
            if (sender) {
                e.set(READ_SEQ, Av.n(m.seq())).set(READ_EXPLICIT, Av.bool(true)).set(UNREAD, Av.n(0))
                        .set(AT_INFO, Av.emptyMap());
            } else if (keepsUnread) {
                e.set(e.n(UNREAD) + " = " + e.v(m.seq()) + " - " + e.n(READ_SEQ));
            }
            if (atType != 0) {
                e.set(e.n(AT_INFO) + "." + e.n(Long.toString(m.seq())) + " = " + e.v(atType));
            }
            Map<String, AttributeValue> old;
            try {
                update(key, e, condition);
                return;
            } catch (ConditionalCheckFailedException failed) {
                old = failed.hasItem() ? failed.item() : Map.of();
            }
            boolean done;
            if (old.isEmpty()) {
                done = create(appId, owner, id, m, sender, keepsUnread, atType);
            } else if (Av.num(old, EXPIRES_AT, 0) <= now / 1000) {
                done = recreateExpired(appId, owner, id, m, sender, keepsUnread, atType, old);
            } else {
                done = applyLateMessage(key, old, m, sender, keepsUnread, atType, app);
            }
            if (done) {
                return;
            }
        }
        throw contention();
    }

    /**
     * A message whose sequence is not above the stored last one: a duplicate or a late arrival.
     * The unread count already covers it (unread = lastSeq - readSeq), except when readSeq is only
     * the baseline assumed at creation: then a late message lowers it. A late @-mention that is
     * still unread is added. The sender's read point moves up to its own message.
     */
    private boolean applyLateMessage(Map<String, AttributeValue> key, Map<String, AttributeValue> old,
            MessageEvent m, boolean sender, boolean keepsUnread, int atType, AppSettings app) {
        long lastSeq = Av.num(old, LAST_SEQ, 0);
        long readSeq = Av.num(old, READ_SEQ, 0);
        boolean explicit = old.containsKey(READ_EXPLICIT) && Boolean.TRUE.equals(old.get(READ_EXPLICIT).bool());
        Set<String> atSeqs = old.containsKey(AT_INFO) && old.get(AT_INFO).hasM() ? old.get(AT_INFO).m().keySet() : Set.of();
        long now = clock.millis();
        Expr e = new Expr();
        boolean changed = false;
        long newReadSeq = readSeq;
        if (sender && readSeq < m.seq()) {
            newReadSeq = m.seq();
            e.set(READ_SEQ, Av.n(newReadSeq)).set(READ_EXPLICIT, Av.bool(true))
                    .set(UNREAD, Av.n(Math.max(0, lastSeq - newReadSeq)));
            Map<String, AttributeValue> remaining = new HashMap<>(old.get(AT_INFO) == null ? Map.of() : old.get(AT_INFO).m());
            final long cut = newReadSeq;
            remaining.keySet().removeIf(s -> Long.parseLong(s) <= cut);
            e.set(AT_INFO, AttributeValue.fromM(remaining));
            changed = true;
        } else if (keepsUnread) {
            if (!explicit && m.seq() <= readSeq) {
                newReadSeq = m.seq() - 1;
                e.set(READ_SEQ, Av.n(newReadSeq)).set(UNREAD, Av.n(lastSeq - newReadSeq));
                changed = true;
            }
            if (atType != 0 && m.seq() > newReadSeq && !atSeqs.contains(Long.toString(m.seq()))) {
                e.set(e.n(AT_INFO) + "." + e.n(Long.toString(m.seq())) + " = " + e.v(atType));
                changed = true;
            }
        }
        if (!changed) {
            return true;
        }
        touch(e, now, app);
        String condition = liveCondition(e, now) + " AND " + e.n(LAST_SEQ) + " = " + e.v(lastSeq)
                + " AND " + e.n(READ_SEQ) + " = " + e.v(readSeq);
        try {
            update(key, e, condition);
            return true;
        } catch (ConditionalCheckFailedException raced) {
            return false;
        }
    }

    /**
     * Creates a conversation under the cap. Below the limit: one consistent BatchGetItem (bookkeeping,
     * settings, remark) and one transaction that adds a free slot on the condition that the set is
     * still below the limit. At the limit: also one Query of the small byExpiry index, and the
     * transaction evicts, replaces the slot set with the exact one and is conditioned on the
     * bookkeeping's revision.
     *
     * @return false if the conversation appeared meanwhile (the caller goes back to updating it)
     */
    private boolean create(String appId, String owner, ConversationId id, MessageEvent m, boolean sender,
            boolean keepsUnread, int atType) {
        String pk = userPk(appId, owner);
        Map<String, AttributeValue> metaKey = Av.key(pk, META_SK);
        Map<String, AttributeValue> remarkKey = Av.key(pk, remarkSk(id.targetId()));
        List<Map<String, AttributeValue>> keys = new ArrayList<>(List.of(metaKey, AppSettingsStore.key(appId)));
        if (id.type() == ConversationType.C2C) {
            keys.add(remarkKey);
        }
        Map<String, Map<String, AttributeValue>> got = batchGet(keys);
        AppSettings app = settings.remember(AppSettingsStore.fromItem(appId, got.get(keyString(AppSettingsStore.key(appId)))));
        Map<String, AttributeValue> meta = got.get(keyString(metaKey));
        String remark = Av.str(got.get(keyString(remarkKey)), REMARK);
        Set<Integer> slots = new HashSet<>(Av.intSet(meta, SLOTS));
        long rev = Av.num(meta, REV, 0);
        long now = clock.millis();
        List<TransactWriteItem> tx = new ArrayList<>();
        if (slots.size() < app.conversationLimit()) {
            int slot = ListBookkeeping.freeSlot(slots, ThreadLocalRandom.current());
            tx.add(putNew(freshItem(pk, id, m, sender, keepsUnread, atType, slot, remark, now, app)));
            Expr e = new Expr();
            e.add(SLOTS, Av.ns(List.of(slot))).set(e.n(REV) + " = if_not_exists(" + e.n(REV) + ", " + e.v(0) + ") + " + e.v(1));
            String condition = "attribute_not_exists(" + e.n(SLOTS) + ") OR (size(" + e.n(SLOTS) + ") < "
                    + e.v(app.conversationLimit()) + " AND NOT contains(" + e.n(SLOTS) + ", " + e.v(slot) + "))";
            tx.add(TransactWriteItem.builder().update(txUpdate(metaKey, e, condition)).build());
        } else {
            List<Entry> stored = readEntries(pk);
            if (stored.size() == app.conversationLimit() && ListBookkeeping.inSync(stored, slots)) {
                return swapIntoVictimSlot(pk, stored, now,
                        slot -> freshItem(pk, id, m, sender, keepsUnread, atType, slot, remark, now, app));
            }
            Plan plan = ListBookkeeping.plan(stored, app.conversationLimit(), 1, now / 1000);
            if (plan.victims().size() > TRANSACTION_MAX_ITEMS - 2) {
                // A lowered limit left more excess than one transaction holds: trim a part first.
                try {
                    trimStep(pk, plan, rev);
                } catch (TransactionCanceledException raced) {
                    // another writer changed the list; the caller starts over either way
                }
                return false;
            }
            int slot = ListBookkeeping.freeSlot(plan.slots(), ThreadLocalRandom.current());
            tx.add(putNew(freshItem(pk, id, m, sender, keepsUnread, atType, slot, remark, now, app)));
            plan.victims().forEach(v -> tx.add(deleteUnchanged(pk, v)));
            Set<Integer> after = new HashSet<>(plan.slots());
            after.add(slot);
            tx.add(replaceBookkeeping(metaKey, after, plan.pinnedCount(), rev));
        }
        try {
            transact(tx);
            return true;
        } catch (TransactionCanceledException cancelled) {
            return false; // the conversation exists now, or the bookkeeping changed: start over
        }
    }

    /** How many eviction candidates one creation at the limit tries before reading the list again. */
    private static final int SWAP_CANDIDATES = 4;

    /**
     * The common case at the limit: the bookkeeping is exact and the list exactly full. The new
     * conversation takes the slot of the conversation it evicts, in one transaction that puts the
     * one and deletes the other (if unchanged since read). The count and the slot set stay as they
     * are, so the bookkeeping is not written, and concurrent creators contend only when they choose
     * the same victim: the loser moves on to the next candidate without reading again.
     *
     * @return true once created; false if the conversation appeared meanwhile or every candidate tried was taken
     */
    private boolean swapIntoVictimSlot(String pk, List<Entry> stored, long now, IntFunction<ConversationItem> itemInSlot) {
        List<Entry> candidates = ListBookkeeping.evictionOrder(stored, now / 1000).stream()
                .filter(e -> !e.pinned()).limit(SWAP_CANDIDATES).toList();
        for (Entry victim : candidates) {
            try {
                transact(List.of(putNew(itemInSlot.apply(victim.slot())), deleteUnchanged(pk, victim)));
                return true;
            } catch (TransactionCanceledException cancelled) {
                if (failedAt(cancelled, 0)) {
                    return false; // the conversation exists now
                }
                // the victim changed or a concurrent creator evicted it: try the next one
            }
        }
        return false;
    }

    /** An expired conversation (not yet deleted by TTL) that gets a message starts afresh in its slot. */
    private boolean recreateExpired(String appId, String owner, ConversationId id, MessageEvent m, boolean sender,
            boolean keepsUnread, int atType, Map<String, AttributeValue> old) {
        AppSettings app = settings.cached(appId);
        int slot = (int) Av.num(old, SLOT, 0);
        ConversationItem item = freshItem(userPk(appId, owner), id, m, sender, keepsUnread, atType, slot,
                Av.str(old, REMARK), clock.millis(), app);
        Expr e = new Expr();
        String condition = e.n(EXPIRES_AT) + " = " + e.v(Av.num(old, EXPIRES_AT, 0));
        try {
            Dynamo.call(() -> ddb.putItem(PutItemRequest.builder().tableName(table).item(schema.itemToMap(item, true))
                    .conditionExpression(condition).expressionAttributeNames(e.names())
                    .expressionAttributeValues(e.values()).build()));
            return true;
        } catch (ConditionalCheckFailedException raced) {
            return false;
        }
    }

    private ConversationItem freshItem(String pk, ConversationId id, MessageEvent m, boolean sender,
            boolean keepsUnread, int atType, int slot, String remark, long now, AppSettings app) {
        ConversationItem item = new ConversationItem();
        item.setPk(pk);
        item.setSk(conversationSk(id));
        item.setType(id.type().name());
        item.setTarget(id.targetId());
        item.setGroupType(m.groupType() == null ? null : m.groupType().name());
        item.setLastSeq(m.seq());
        item.setLastTime(m.timestamp());
        item.setLastMsg(lastMessageItem(m));
        // A recipient's read point starts just below the first message seen; a late earlier
        // message lowers it (see applyLateMessage).
        item.setReadSeq(keepsUnread ? m.seq() - 1 : m.seq());
        item.setReadExplicit(sender);
        item.setUnread(keepsUnread ? 1L : 0L);
        item.setRecvOpt(0);
        item.setAtInfo(atType == 0 ? new HashMap<>() : new HashMap<>(Map.of(Long.toString(m.seq()), atType)));
        item.setPinned(false);
        item.setSlot(slot);
        item.setOrderBase(OrderKeys.basePart(false, slot));
        item.setOrderKey(OrderKeys.of(false, slot, m.timestamp()));
        item.setRemark(remark);
        item.setLastChange(now);
        item.setExpiresAt(expiresAt(now, app));
        return item;
    }

    // ---------------------------------------------------------------------------------------------
    // User operations on one conversation

    public void setDraft(String appId, String userId, ConversationId id, String draftText) {
        AppSettings app = settings.cached(appId);
        long now = clock.millis();
        Expr e = new Expr();
        String condition = liveCondition(e, now);
        if (draftText == null || draftText.isEmpty()) {
            // Clearing the draft clears its timestamp and keeps the conversation's place.
            e.remove(DRAFT_TEXT).remove(DRAFT_TIME);
        } else {
            e.set(DRAFT_TEXT, Av.s(draftText)).set(DRAFT_TIME, Av.n(now))
                    .set(e.n(ORDER_KEY) + " = " + e.n(ORDER_BASE) + " + " + e.v(OrderKeys.activityPart(now)));
        }
        touch(e, now, app);
        updateExisting(conversationKey(appId, userId, id), e, condition, id);
    }

    /**
     * Pins or unpins in one transaction with the bookkeeping's pinned count, which is capped at 50.
     * The count is an upper bound (TTL may have removed pinned conversations): when it says 50, it
     * is recomputed from the list once before the request is refused.
     */
    public void pin(String appId, String userId, ConversationId id, boolean pinned) {
        String pk = userPk(appId, userId);
        Map<String, AttributeValue> metaKey = Av.key(pk, META_SK);
        for (int attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
            backoff(attempt);
            AppSettings app = settings.cached(appId);
            long now = clock.millis();
            Expr c = new Expr();
            String condition = liveCondition(c, now) + " AND " + c.n(PINNED) + " = " + c.v(Av.bool(!pinned));
            long activity = OrderKeys.activityPart(now);
            c.set(PINNED, Av.bool(pinned));
            if (pinned) {
                // Pinning moves the conversation to the top: base gains the pin bit, activity is now.
                c.set(c.n(ORDER_BASE) + " = " + c.n(ORDER_BASE) + " + " + c.v(OrderKeys.PINNED_OFFSET));
                c.set(c.n(ORDER_KEY) + " = " + c.n(ORDER_BASE) + " + " + c.v(OrderKeys.PINNED_OFFSET + activity));
            } else {
                c.set(c.n(ORDER_BASE) + " = " + c.n(ORDER_BASE) + " - " + c.v(OrderKeys.PINNED_OFFSET));
                c.set(c.n(ORDER_KEY) + " = " + c.n(ORDER_KEY) + " - " + c.v(OrderKeys.PINNED_OFFSET));
            }
            touch(c, now, app);
            Expr b = new Expr();
            b.add(PINNED_COUNT, Av.n(pinned ? 1 : -1));
            String metaCondition = pinned ? "attribute_not_exists(" + b.n(PINNED_COUNT) + ") OR " + b.n(PINNED_COUNT)
                    + " < " + b.v(Limits.PINNED_MAX) : null;
            List<TransactWriteItem> tx = List.of(
                    TransactWriteItem.builder().update(txUpdate(conversationKey(appId, userId, id), c, condition)).build(),
                    TransactWriteItem.builder().update(txUpdate(metaKey, b, metaCondition)).build());
            try {
                transact(tx);
                return;
            } catch (TransactionCanceledException cancelled) {
                if (failedAt(cancelled, 0)) {
                    Map<String, AttributeValue> old = cancelled.cancellationReasons().get(0).item();
                    if (old == null || old.isEmpty() || Av.num(old, EXPIRES_AT, 0) <= now / 1000) {
                        throw notFound(id);
                    }
                    return; // already in the requested state
                }
                if (failedAt(cancelled, 1)) {
                    if (attempt > 0 || reconcile(appId, userId).pinnedCount() >= Limits.PINNED_MAX) {
                        throw new ServiceException(ErrorCode.PIN_LIMIT_REACHED,
                                "at most " + Limits.PINNED_MAX + " conversations can be pinned");
                    }
                }
            }
        }
        throw contention();
    }

    /** Sets recvOpt on each listed conversation; returns the IDs that are not in the list. */
    public List<String> setReceiveOpt(String appId, String userId, List<ConversationId> ids, int opt) {
        AppSettings app = settings.cached(appId);
        List<String> notFound = java.util.Collections.synchronizedList(new ArrayList<>());
        List<Runnable> writes = new ArrayList<>();
        for (ConversationId id : ids) {
            writes.add(() -> {
                long now = clock.millis();
                Expr e = new Expr();
                String condition = liveCondition(e, now);
                e.set(RECV_OPT, Av.n(opt));
                touch(e, now, app);
                try {
                    update(conversationKey(appId, userId, id), e, condition);
                } catch (ConditionalCheckFailedException missing) {
                    notFound.add(id.toString());
                }
            });
        }
        runAll(writes);
        return List.copyOf(notFound);
    }

    /**
     * Marks one conversation read up to a point: a sequence (groups, or C2C) or, for C2C, a
     * timestamp. No point means everything so far. Messages after the point stay unread, and
     * @-mentions up to it are cleared.
     */
    public void markRead(String appId, String userId, ConversationId id, Long cleanTimestamp, Long cleanSequence) {
        Map<String, AttributeValue> key = conversationKey(appId, userId, id);
        boolean bySequence = cleanSequence != null && cleanSequence > 0;
        boolean byTime = !bySequence && cleanTimestamp != null && cleanTimestamp > 0;
        for (int attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
            backoff(attempt);
            AppSettings app = settings.cached(appId);
            long now = clock.millis();
            Expr e = new Expr();
            String condition = liveCondition(e, now);
            if (bySequence) {
                condition += " AND " + e.n(LAST_SEQ) + " <= " + e.v(cleanSequence) + " AND " + e.n(READ_SEQ) + " <= " + e.v(cleanSequence);
                e.set(READ_SEQ, Av.n(cleanSequence));
            } else {
                if (byTime) {
                    condition += " AND " + e.n(LAST_TIME) + " <= " + e.v(cleanTimestamp);
                }
                e.set(e.n(READ_SEQ) + " = " + e.n(LAST_SEQ));
            }
            e.set(READ_EXPLICIT, Av.bool(true)).set(UNREAD, Av.n(0)).set(AT_INFO, Av.emptyMap());
            touch(e, now, app);
            Map<String, AttributeValue> old;
            try {
                update(key, e, condition);
                return;
            } catch (ConditionalCheckFailedException failed) {
                old = failed.hasItem() ? failed.item() : Map.of();
            }
            if (old.isEmpty() || Av.num(old, EXPIRES_AT, 0) <= now / 1000) {
                throw notFound(id);
            }
            if (byTime) {
                throw new ServiceException(ErrorCode.CONFLICT, "messages newer than cleanTimestamp exist; the service "
                        + "keeps no per-message times, so pass cleanSequence (the last read message's seq) instead");
            }
            long lastSeq = Av.num(old, LAST_SEQ, 0);
            long readSeq = Av.num(old, READ_SEQ, 0);
            if (readSeq >= cleanSequence) {
                return; // already read past this point
            }
            // The point lies before the last message: those after it stay unread.
            Expr p = new Expr();
            Map<String, AttributeValue> remaining = new HashMap<>(old.get(AT_INFO) == null ? Map.of() : old.get(AT_INFO).m());
            remaining.keySet().removeIf(s -> Long.parseLong(s) <= cleanSequence);
            p.set(READ_SEQ, Av.n(cleanSequence)).set(READ_EXPLICIT, Av.bool(true))
                    .set(UNREAD, Av.n(lastSeq - cleanSequence)).set(AT_INFO, AttributeValue.fromM(remaining));
            touch(p, now, app);
            String partial = liveCondition(p, now) + " AND " + p.n(LAST_SEQ) + " = " + p.v(lastSeq)
                    + " AND " + p.n(READ_SEQ) + " = " + p.v(readSeq);
            try {
                update(key, p, partial);
                return;
            } catch (ConditionalCheckFailedException raced) {
                // a message or another read point arrived; start over
            }
        }
        throw contention();
    }

    /** Marks every conversation with unread messages read up to its current last message. */
    public void markAllRead(String appId, String userId) {
        String pk = userPk(appId, userId);
        AppSettings app = settings.cached(appId);
        List<Runnable> writes = new ArrayList<>();
        for (Map<String, AttributeValue> entry : unreadEntries(pk, clock.millis() / 1000, false)) {
            Map<String, AttributeValue> key = Av.key(pk, entry.get(SK).s());
            writes.add(() -> {
                long now = clock.millis();
                Expr e = new Expr();
                String condition = liveCondition(e, now);
                e.set(e.n(READ_SEQ) + " = " + e.n(LAST_SEQ)).set(READ_EXPLICIT, Av.bool(true)).set(UNREAD, Av.n(0))
                        .set(AT_INFO, Av.emptyMap());
                touch(e, now, app);
                try {
                    update(key, e, condition);
                } catch (ConditionalCheckFailedException goneMeanwhile) {
                    // deleted or expired since the query: nothing left to mark
                }
            });
        }
        runAll(writes);
    }

    /** Deletes a conversation and frees its slot, in one transaction. */
    public void delete(String appId, String userId, ConversationId id) {
        String pk = userPk(appId, userId);
        Map<String, AttributeValue> key = conversationKey(appId, userId, id);
        for (int attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
            backoff(attempt);
            long now = clock.millis();
            Map<String, AttributeValue> item = batchGet(List.of(key)).get(keyString(key));
            if (item == null || Av.num(item, EXPIRES_AT, 0) <= now / 1000) {
                throw notFound(id);
            }
            Expr d = new Expr();
            String condition = d.n(EXPIRES_AT) + " = " + d.v(Av.num(item, EXPIRES_AT, 0));
            Expr b = new Expr();
            b.delete(SLOTS, Av.ns(List.of((int) Av.num(item, SLOT, 0))));
            b.set(b.n(REV) + " = if_not_exists(" + b.n(REV) + ", " + b.v(0) + ") + " + b.v(1));
            if (item.containsKey(PINNED) && Boolean.TRUE.equals(item.get(PINNED).bool())) {
                b.add(PINNED_COUNT, Av.n(-1));
            }
            try {
                transact(List.of(
                        TransactWriteItem.builder().delete(Delete.builder().tableName(table).key(key)
                                .conditionExpression(condition).expressionAttributeNames(d.names())
                                .expressionAttributeValues(d.values()).build()).build(),
                        TransactWriteItem.builder().update(txUpdate(Av.key(pk, META_SK), b, null)).build()));
                return;
            } catch (TransactionCanceledException raced) {
                // changed meanwhile; read again
            }
        }
        throw contention();
    }

    // ---------------------------------------------------------------------------------------------
    // Reads

    /**
     * One page in list order: pinned first, then the most recent activity. nextSeq 0 starts at the
     * top; a page continues strictly below the previous page's last orderKey, which is unique per
     * conversation, so paging neither skips nor repeats. If the app's limit was lowered below what
     * the list holds, the excess is evicted first, so no read shows more than the limit.
     */
    public ConversationPage list(String appId, String userId, long nextSeq, int count) {
        String pk = userPk(appId, userId);
        for (int attempt = 0; attempt < 3; attempt++) {
            long now = clock.millis();
            List<ConversationItem> live = queryInOrder(pk, nextSeq, count + 1, now / 1000);
            boolean finished = live.size() <= count;
            List<ConversationItem> page = finished ? live : live.subList(0, count);
            Map<String, AttributeValue> metaKey = Av.key(pk, META_SK);
            List<Map<String, AttributeValue>> keys = new ArrayList<>(List.of(metaKey, AppSettingsStore.key(appId)));
            page.forEach(item -> keys.add(profileKey(appId, toId(item))));
            Map<String, Map<String, AttributeValue>> got = batchGet(keys);
            AppSettings app = settings.remember(AppSettingsStore.fromItem(appId, got.get(keyString(AppSettingsStore.key(appId)))));
            if (Av.intSet(got.get(keyString(metaKey)), SLOTS).size() > app.conversationLimit()) {
                enforceLimit(pk, app.conversationLimit());
                continue;
            }
            List<Conversation> out = page.stream().map(item -> present(appId, item, got)).toList();
            long last = page.isEmpty() ? 0 : page.get(page.size() - 1).getOrderKey();
            return new ConversationPage(out, finished ? 0 : last, finished);
        }
        throw contention();
    }

    public Conversation get(String appId, String userId, ConversationId id) {
        List<Conversation> found = getMany(appId, userId, List.of(id));
        if (found.isEmpty()) {
            throw notFound(id);
        }
        return found.get(0);
    }

    /** The listed conversations that exist, in the order asked; one BatchGetItem per 100 keys. */
    public List<Conversation> getMany(String appId, String userId, List<ConversationId> ids) {
        List<Map<String, AttributeValue>> keys = new ArrayList<>();
        for (ConversationId id : ids) {
            keys.add(conversationKey(appId, userId, id));
            keys.add(profileKey(appId, id));
        }
        Map<String, Map<String, AttributeValue>> got = batchGet(keys);
        long nowSecond = clock.millis() / 1000;
        List<Conversation> out = new ArrayList<>();
        for (ConversationId id : ids) {
            Map<String, AttributeValue> item = got.get(keyString(conversationKey(appId, userId, id)));
            if (item != null && Av.num(item, EXPIRES_AT, 0) > nowSecond) {
                out.add(present(appId, schema.mapToItem(item), got));
            }
        }
        return out;
    }

    /**
     * The total unread count over conversations with recvOpt 0: one Query of the byUnread index,
     * which holds only the few attributes needed and reads only conversations with unread messages.
     */
    public long totalUnread(String appId, String userId) {
        long total = 0;
        for (Map<String, AttributeValue> entry : unreadEntries(userPk(appId, userId), clock.millis() / 1000, true)) {
            total += Av.num(entry, UNREAD, 0);
        }
        return total;
    }

    /** The stored bookkeeping next to what is stored: for tests, the console and operators. */
    public record ListState(int bookkeptSlots, int pinnedCount, int stored, int live) {
    }

    public ListState state(String appId, String userId) {
        String pk = userPk(appId, userId);
        Map<String, AttributeValue> metaKey = Av.key(pk, META_SK);
        Map<String, AttributeValue> meta = batchGet(List.of(metaKey)).get(keyString(metaKey));
        List<Entry> entries = readEntries(pk);
        long nowSecond = clock.millis() / 1000;
        return new ListState(Av.intSet(meta, SLOTS).size(), (int) Av.num(meta, PINNED_COUNT, 0), entries.size(),
                (int) entries.stream().filter(x -> x.liveAt(nowSecond)).count());
    }

    /**
     * Makes the bookkeeping exact again (after TTL deletions) and evicts any excess over the app's
     * current limit. Idempotent: what a DynamoDB Streams consumer runs for a TTL deletion.
     */
    public Plan reconcile(String appId, String userId) {
        return enforceLimit(userPk(appId, userId), settings.get(appId).conversationLimit());
    }

    private Plan enforceLimit(String pk, int limit) {
        Map<String, AttributeValue> metaKey = Av.key(pk, META_SK);
        for (int attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
            backoff(attempt);
            Map<String, AttributeValue> meta = batchGet(List.of(metaKey)).get(keyString(metaKey));
            long rev = Av.num(meta, REV, 0);
            Plan plan = ListBookkeeping.plan(readEntries(pk), limit, 0, clock.millis() / 1000);
            boolean exact = plan.victims().isEmpty() && plan.slots().equals(new HashSet<>(Av.intSet(meta, SLOTS)))
                    && plan.pinnedCount() == Av.num(meta, PINNED_COUNT, 0);
            if (exact) {
                return plan;
            }
            try {
                trimStep(pk, plan, rev);
                if (plan.victims().size() <= TRANSACTION_MAX_ITEMS - 1) {
                    return plan;
                }
            } catch (TransactionCanceledException raced) {
                // another writer changed the list; read again
            }
        }
        throw contention();
    }

    /** Applies (a transaction's worth of) a plan's evictions with the bookkeeping that results. */
    private void trimStep(String pk, Plan plan, long rev) {
        List<Entry> now = plan.victims().subList(0, Math.min(plan.victims().size(), TRANSACTION_MAX_ITEMS - 1));
        Set<Integer> slotsAfter = new HashSet<>(plan.slots());
        plan.victims().subList(now.size(), plan.victims().size()).forEach(v -> slotsAfter.add(v.slot()));
        List<TransactWriteItem> tx = new ArrayList<>();
        now.forEach(v -> tx.add(deleteUnchanged(pk, v)));
        tx.add(replaceBookkeeping(Av.key(pk, META_SK), slotsAfter, plan.pinnedCount(), rev));
        transact(tx);
    }

    // ---------------------------------------------------------------------------------------------
    // Profiles (service functions)

    public void putUserProfile(String appId, UserProfile p) {
        Map<String, String> attributes = new HashMap<>();
        attributes.put(NICKNAME, p.nickname());
        attributes.put(FACE_URL, p.faceUrl());
        putProfile(Keys.userProfilePk(appId, p.userId()), attributes);
    }

    public void putGroupProfile(String appId, GroupProfile p) {
        Map<String, String> attributes = new HashMap<>();
        attributes.put(GROUP_NAME, p.groupName());
        attributes.put(FACE_URL, p.faceUrl());
        attributes.put(GROUP_TYPE, p.groupType() == null ? null : p.groupType().name());
        putProfile(Keys.groupProfilePk(appId, p.groupId()), attributes);
    }

    private void putProfile(String pk, Map<String, String> attributes) {
        Map<String, AttributeValue> item = new HashMap<>(Av.key(pk, PROFILE_SK));
        attributes.forEach((k, v) -> {
            if (v != null && !v.isEmpty()) {
                item.put(k, Av.s(v));
            }
        });
        Dynamo.call(() -> ddb.putItem(PutItemRequest.builder().tableName(table).item(item).build()));
    }

    /**
     * The owner's remark for a friend: kept on its own item (copied into conversations created
     * later) and on the owner's existing C2C conversation, so that a list page needs no extra read.
     */
    public void setFriendRemark(String appId, String owner, String friend, String remark) {
        String pk = userPk(appId, owner);
        boolean clear = remark == null || remark.isEmpty();
        Map<String, AttributeValue> remarkItem = new HashMap<>(Av.key(pk, remarkSk(friend)));
        if (!clear) {
            remarkItem.put(REMARK, Av.s(remark));
        }
        Dynamo.call(() -> ddb.putItem(PutItemRequest.builder().tableName(table).item(remarkItem).build()));
        Expr e = new Expr();
        String condition = "attribute_exists(" + e.n(PK) + ")";
        if (clear) {
            e.remove(REMARK);
        } else {
            e.set(REMARK, Av.s(remark));
        }
        try {
            update(conversationKey(appId, owner, ConversationId.c2c(friend)), e, condition);
        } catch (ConditionalCheckFailedException noConversation) {
            // no conversation yet: it will copy the remark when it is created
        }
    }

    // ---------------------------------------------------------------------------------------------
    // Helpers

    private Conversation present(String appId, ConversationItem item, Map<String, Map<String, AttributeValue>> got) {
        ConversationId id = toId(item);
        Map<String, AttributeValue> profile = got.get(keyString(profileKey(appId, id)));
        UserProfile peer = null;
        GroupProfile group = null;
        if (profile != null) {
            if (id.type() == ConversationType.C2C) {
                peer = new UserProfile(id.userId(), Av.str(profile, NICKNAME), Av.str(profile, FACE_URL));
            } else {
                String type = Av.str(profile, GROUP_TYPE);
                group = new GroupProfile(id.groupId(), Av.str(profile, GROUP_NAME), Av.str(profile, FACE_URL),
                        type == null || type.isEmpty() ? null : GroupType.parse(type));
            }
        }
        return DisplayNames.present(toStored(item), peer, group);
    }

    private static ConversationId toId(ConversationItem item) {
        return ConversationType.valueOf(item.getType()) == ConversationType.C2C
                ? new ConversationId(ConversationType.C2C, item.getTarget())
                : new ConversationId(ConversationType.GROUP, item.getTarget());
    }

    static StoredConversation toStored(ConversationItem item) {
        LastMessageItem lm = item.getLastMsg();
        LastMessage last = lm == null ? null
                : new LastMessage(lm.getMsgID(), lm.getSeq(), lm.getSenderID(), lm.getSummary(), lm.getTimestamp());
        List<GroupAtInfo> at = new ArrayList<>();
        if (item.getAtInfo() != null) {
            item.getAtInfo().forEach((seq, type) -> at.add(new GroupAtInfo(Long.parseLong(seq), type)));
            at.sort(java.util.Comparator.comparingLong(GroupAtInfo::seq));
        }
        return new StoredConversation(toId(item),
                item.getGroupType() == null ? null : GroupType.parse(item.getGroupType()),
                Math.max(0, item.getUnread() == null ? 0 : item.getUnread()),
                item.getRecvOpt() == null ? 0 : item.getRecvOpt(), last, at, item.getDraftText(), item.getDraftTime(),
                Boolean.TRUE.equals(item.getPinned()), item.getOrderKey(), item.getRemark(),
                item.getLastChange() == null ? 0 : item.getLastChange(),
                item.getExpiresAt() == null ? 0 : item.getExpiresAt());
    }

    private List<ConversationItem> queryInOrder(String pk, long nextSeq, int want, long nowSecond) {
        QueryConditional where = nextSeq > 0
                ? QueryConditional.sortLessThan(Key.builder().partitionValue(pk).sortValue(nextSeq).build())
                : QueryConditional.keyEqualTo(Key.builder().partitionValue(pk).build());
        Expression live = Expression.builder().expression("#e > :now")
                .putExpressionName("#e", EXPIRES_AT).putExpressionValue(":now", Av.n(nowSecond)).build();
        QueryEnhancedRequest request = QueryEnhancedRequest.builder().queryConditional(where).scanIndexForward(false)
                .consistentRead(true).limit(want).filterExpression(live).build();
        List<ConversationItem> out = new ArrayList<>();
        for (Page<ConversationItem> page : Dynamo.call(() -> byOrder.query(request))) {
            out.addAll(page.items());
            if (out.size() >= want || page.lastEvaluatedKey() == null) {
                break;
            }
        }
        return out.size() > want ? out.subList(0, want) : out;
    }

    private List<Entry> readEntries(String pk) {
        List<Entry> entries = new ArrayList<>();
        Map<String, AttributeValue> start = null;
        do {
            QueryResponse r = query(QueryRequest.builder().tableName(table).indexName(INDEX_BY_EXPIRY).consistentRead(true)
                    .keyConditionExpression("#pk = :pk").expressionAttributeNames(Map.of("#pk", PK))
                    .expressionAttributeValues(Map.of(":pk", Av.s(pk))).exclusiveStartKey(start).build());
            for (Map<String, AttributeValue> it : r.items()) {
                entries.add(new Entry(it.get(SK).s(), (int) Av.num(it, SLOT, 0), Av.num(it, ORDER_KEY, 0),
                        it.containsKey(PINNED) && Boolean.TRUE.equals(it.get(PINNED).bool()), Av.num(it, EXPIRES_AT, 0)));
            }
            start = r.hasLastEvaluatedKey() && !r.lastEvaluatedKey().isEmpty() ? r.lastEvaluatedKey() : null;
        } while (start != null);
        return entries;
    }

    private List<Map<String, AttributeValue>> unreadEntries(String pk, long nowSecond, boolean receiveOnly) {
        Expr e = new Expr();
        String key = e.n(PK) + " = " + e.v(pk) + " AND " + e.n(UNREAD) + " > " + e.v(0);
        String filter = e.n(EXPIRES_AT) + " > " + e.v(nowSecond);
        if (receiveOnly) {
            filter += " AND (attribute_not_exists(" + e.n(RECV_OPT) + ") OR " + e.n(RECV_OPT) + " = " + e.v(0) + ")";
        }
        List<Map<String, AttributeValue>> out = new ArrayList<>();
        Map<String, AttributeValue> start = null;
        do {
            QueryResponse r = query(QueryRequest.builder().tableName(table).indexName(INDEX_BY_UNREAD).consistentRead(true)
                    .keyConditionExpression(key).filterExpression(filter).expressionAttributeNames(e.names())
                    .expressionAttributeValues(e.values()).exclusiveStartKey(start).build());
            out.addAll(r.items());
            start = r.hasLastEvaluatedKey() && !r.lastEvaluatedKey().isEmpty() ? r.lastEvaluatedKey() : null;
        } while (start != null);
        return out;
    }

    private QueryResponse query(QueryRequest request) {
        return Dynamo.call(() -> ddb.query(request));
    }

    /** Consistent BatchGetItem in chunks of 100 keys, retrying unprocessed keys; items by key. */
    private Map<String, Map<String, AttributeValue>> batchGet(List<Map<String, AttributeValue>> keys) {
        Map<String, Map<String, AttributeValue>> unique = new LinkedHashMap<>();
        keys.forEach(k -> unique.put(keyString(k), k));
        List<Map<String, AttributeValue>> all = new ArrayList<>(unique.values());
        Map<String, Map<String, AttributeValue>> found = new HashMap<>();
        for (int from = 0; from < all.size(); from += 100) {
            List<Map<String, AttributeValue>> chunk = all.subList(from, Math.min(all.size(), from + 100));
            Map<String, KeysAndAttributes> request = Map.of(table,
                    KeysAndAttributes.builder().keys(chunk).consistentRead(true).build());
            for (int round = 0; !request.isEmpty(); round++) {
                final Map<String, KeysAndAttributes> ask = request;
                BatchGetItemResponse r = Dynamo.call(() -> ddb.batchGetItem(b -> b.requestItems(ask)));
                r.responses().getOrDefault(table, List.of()).forEach(item -> found.put(keyString(item), item));
                request = r.hasUnprocessedKeys() ? r.unprocessedKeys() : Map.of();
                if (round > MAX_ATTEMPTS) {
                    throw contention();
                }
            }
        }
        return found;
    }

    private static String keyString(Map<String, AttributeValue> itemOrKey) {
        return itemOrKey.get(PK).s() + "\u0000" + itemOrKey.get(SK).s();
    }

    private static Map<String, AttributeValue> conversationKey(String appId, String userId, ConversationId id) {
        return Av.key(userPk(appId, userId), conversationSk(id));
    }

    private static Map<String, AttributeValue> profileKey(String appId, ConversationId id) {
        return id.type() == ConversationType.C2C
                ? Av.key(Keys.userProfilePk(appId, id.userId()), PROFILE_SK)
                : Av.key(Keys.groupProfilePk(appId, id.groupId()), PROFILE_SK);
    }

    /** The conversation exists and has not expired (TTL deletes late; reads and writes must not wait for it). */
    private static String liveCondition(Expr e, long nowMillis) {
        return "attribute_exists(" + e.n(PK) + ") AND " + e.n(EXPIRES_AT) + " > " + e.v(nowMillis / 1000);
    }

    /** Every change refreshes the conversation's retention. */
    private static void touch(Expr e, long nowMillis, AppSettings app) {
        e.set(LAST_CHANGE, Av.n(nowMillis)).set(EXPIRES_AT, Av.n(expiresAt(nowMillis, app)));
    }

    private static long expiresAt(long nowMillis, AppSettings app) {
        return nowMillis / 1000 + app.retentionDays() * DAY_SECONDS;
    }

    private LastMessageItem lastMessageItem(MessageEvent m) {
        LastMessageItem lm = new LastMessageItem();
        lm.setMsgID(m.msgID());
        lm.setSeq(m.seq());
        lm.setSenderID(m.senderID());
        lm.setSummary(m.summary());
        lm.setTimestamp(m.timestamp());
        return lm;
    }

    private AttributeValue lastMessageValue(MessageEvent m) {
        return AttributeValue.fromM(lastMessageSchema.itemToMap(lastMessageItem(m), true));
    }

    private TransactWriteItem putNew(ConversationItem item) {
        return TransactWriteItem.builder().put(Put.builder().tableName(table).item(schema.itemToMap(item, true))
                .conditionExpression("attribute_not_exists(#pk)").expressionAttributeNames(Map.of("#pk", PK))
                .build()).build();
    }

    /** Deletes an eviction victim only if it has not changed since the list was read. */
    private TransactWriteItem deleteUnchanged(String pk, Entry victim) {
        return TransactWriteItem.builder().delete(Delete.builder().tableName(table).key(Av.key(pk, victim.sk()))
                .conditionExpression("#e = :e").expressionAttributeNames(Map.of("#e", EXPIRES_AT))
                .expressionAttributeValues(Map.of(":e", Av.n(victim.expiresAt()))).build()).build();
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
        return TransactWriteItem.builder().update(txUpdate(metaKey, e, condition)).build();
    }

    private Update txUpdate(Map<String, AttributeValue> key, Expr e, String condition) {
        return Update.builder().tableName(table).key(key).updateExpression(e.update()).conditionExpression(condition)
                .expressionAttributeNames(e.names()).expressionAttributeValues(e.values())
                .returnValuesOnConditionCheckFailure(ReturnValuesOnConditionCheckFailure.ALL_OLD).build();
    }

    /** One conditional UpdateItem; on a failed condition, DynamoDB returns the old item with the exception. */
    private void update(Map<String, AttributeValue> key, Expr e, String condition) {
        Dynamo.call(() -> ddb.updateItem(UpdateItemRequest.builder().tableName(table).key(key)
                .updateExpression(e.update()).conditionExpression(condition).expressionAttributeNames(e.names())
                .expressionAttributeValues(e.values())
                .returnValuesOnConditionCheckFailure(ReturnValuesOnConditionCheckFailure.ALL_OLD).build()));
    }

    private void updateExisting(Map<String, AttributeValue> key, Expr e, String condition, ConversationId id) {
        try {
            update(key, e, condition);
        } catch (ConditionalCheckFailedException missingOrExpired) {
            throw notFound(id);
        }
    }

    private void transact(List<TransactWriteItem> items) {
        Dynamo.call(() -> ddb.transactWriteItems(b -> b.transactItems(items)));
    }

    private static boolean failedAt(TransactionCanceledException e, int index) {
        List<CancellationReason> reasons = e.hasCancellationReasons() ? e.cancellationReasons() : List.of();
        return index < reasons.size() && CONDITION_FAILED.equals(reasons.get(index).code());
    }

    private static ServiceException notFound(ConversationId id) {
        return ServiceException.notFound("conversation " + id + " is not in the list");
    }

    /**
     * Before retrying an optimistic write that lost to a concurrent writer: a short random pause,
     * growing with the attempt, so that writers contending for one list spread out.
     */
    private static void backoff(int attempt) {
        if (attempt == 0) {
            return;
        }
        try {
            Thread.sleep(ThreadLocalRandom.current().nextLong(1, 5L << Math.min(attempt, 3)));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw contention();
        }
    }

    private static ServiceException contention() {
        return new ServiceException(ErrorCode.THROTTLED, "too many concurrent changes to this list; retry shortly");
    }
}
