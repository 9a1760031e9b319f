package io.convlist.store.list;

import static io.convlist.store.list.ConversationUpdates.*;
import static io.convlist.store.table.Keys.*;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiFunction;

import io.convlist.domain.AppSettings;
import io.convlist.domain.ConversationId;
import io.convlist.domain.ConversationType;
import io.convlist.domain.ErrorCode;
import io.convlist.domain.Limits;
import io.convlist.domain.OrderKeys;
import io.convlist.domain.Removal;
import io.convlist.domain.RemovalReason;
import io.convlist.domain.ServiceException;
import io.convlist.domain.message.ReadState;
import io.convlist.store.app.StoreContext;
import io.convlist.store.app.StorePart;
import io.convlist.store.item.ConversationItem;
import io.convlist.store.table.Attempts;
import io.convlist.store.table.Av;
import io.convlist.store.table.Expr;
import io.convlist.store.table.TableRequests;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

/**
 * A user's own changes to conversations in the list: draft, pin, read points and deletion. Each is one conditional write (pin and delete: one transaction with the bookkeeping),
 * and each refuses a conversation that is not in the list or has expired.
 */
public final class ConversationEditor extends StorePart {
    private final ListCap cap;

    public ConversationEditor(StoreContext context, ListCap cap) {
        super(context);
        this.cap = cap;
    }

    public void setDraft(String appId, String userId, ConversationId id, String draftText) {
        AppSettings app = settings.cached(appId);
        long now = clock.millis();
        Expr e = new Expr();
        String condition = liveCondition(e, now);
        if (draftText == null || draftText.isEmpty()) {
            // Clearing the draft clears its timestamp and keeps the conversation's place.
            e.remove(DRAFT_TEXT).remove(DRAFT_TIME);
        } else {
            activity(e.set(DRAFT_TEXT, Av.s(draftText)).set(DRAFT_TIME, Av.n(now)), now);
        }
        touch(e, now, app);
        try {
            table.update(key(appId, userId, id), e, condition);
        } catch (ConditionalCheckFailedException missingOrExpired) {
            throw notFound(id);
        }
    }

    /**
     * Pins or unpins in one transaction with the bookkeeping's pinned count, which is capped at 50.
     * The count is an upper bound (TTL may have removed pinned conversations): when it says 50, it
     * is recomputed from the list once before the request is refused.
     */
    public void pin(String appId, String userId, ConversationId id, boolean pinned) {
        Map<String, AttributeValue> metaKey = Av.key(userPk(appId, userId), META_SK);
        Attempts.untilDone(attempt -> {
            AppSettings app = settings.cached(appId);
            long now = clock.millis();
            Expr c = new Expr();
            String condition = liveCondition(c, now) + c.where(" AND #PINNED = :was", "was", !pinned);
            c.set(PINNED, Av.bool(pinned));
            if (pinned) {
                // Pinning moves the conversation to the top: base gains the pin bit, activity is now.
                c.set(c.where("#ORDER_BASE = #ORDER_BASE + :pin", "pin", OrderKeys.PINNED_OFFSET));
                c.set(c.where("#ORDER_KEY = #ORDER_BASE + :pinNow", "pinNow", OrderKeys.PINNED_OFFSET + OrderKeys.activityPart(now)));
            } else {
                c.set(c.where("#ORDER_BASE = #ORDER_BASE - :pin", "pin", OrderKeys.PINNED_OFFSET));
                c.set(c.where("#ORDER_KEY = #ORDER_KEY - :pin", "pin", OrderKeys.PINNED_OFFSET));
            }
            touch(c, now, app);
            Expr b = new Expr();
            b.add(PINNED_COUNT, Av.n(pinned ? 1 : -1));
            String metaCondition = pinned
                    ? b.where("attribute_not_exists(#PINNED_COUNT) OR #PINNED_COUNT < :max", "max", Limits.PINNED_MAX) : null;
            try {
                table.transact(List.of(table.txUpdate(key(appId, userId, id), c, condition),
                        table.txUpdate(metaKey, b, metaCondition)));
                return Attempts.DONE;
            } catch (TransactionCanceledException cancelled) {
                if (TableRequests.failedAt(cancelled, 0)) {
                    ConversationItem old = ConversationRows.conversation(cancelled.cancellationReasons().get(0).item());
                    if (!ConversationRows.isLive(old, now)) {
                        throw notFound(id);
                    }
                    return Attempts.DONE; // already in the requested state
                }
                if (TableRequests.failedAt(cancelled, 1)
                        && (attempt > 0 || cap.reconcile(appId, userId).pinnedCount() >= Limits.PINNED_MAX)) {
                    throw new ServiceException(ErrorCode.PIN_LIMIT_REACHED,
                            "at most " + Limits.PINNED_MAX + " conversations can be pinned");
                }
            }
            return Optional.empty();
        });
    }

    /**
     * Marks one conversation read up to a point: a sequence (groups, or C2C) or, for C2C, a
     * timestamp. No point means everything so far. Messages after the point stay unread, and
     * @-mentions up to it are cleared.
     */
    public void markRead(String appId, String userId, ConversationId id, Long cleanTimestamp, Long cleanSequence) {
        Map<String, AttributeValue> key = key(appId, userId, id);
        boolean bySequence = cleanSequence != null && cleanSequence > 0;
        boolean byTime = !bySequence && cleanTimestamp != null && cleanTimestamp > 0;
        Attempts.untilDone(attempt -> {
            AppSettings app = settings.cached(appId);
            long now = clock.millis();
            Expr e = new Expr();
            String condition = liveCondition(e, now);
            if (bySequence) {
                // Past the last message (and the stored read point): everything is read.
                condition += e.where(" AND #LAST_SEQ <= :point AND #READ_SEQ <= :point", "point", cleanSequence);
                readThrough(e, cleanSequence, e.where("#LAST_TIME"));
            } else if (byTime) {
                condition += e.where(" AND #LAST_TIME <= :point", "point", cleanTimestamp);
                readAll(e, e.where(":point", "point", cleanTimestamp));
            } else {
                readAll(e);
            }
            touch(e, now, app);
            ConversationItem old;
            try {
                table.update(key, e, condition);
                return Attempts.DONE;
            } catch (ConditionalCheckFailedException failed) {
                old = ConversationRows.conversation(failed.hasItem() ? failed.item() : null);
            }
            if (!ConversationRows.isLive(old, now)) {
                throw notFound(id);
            }
            if (byTime) {
                throw new ServiceException(ErrorCode.CONFLICT, "messages newer than cleanTimestamp exist; the service "
                        + "keeps no per-message times, so pass cleanSequence (the last read message's seq) instead");
            }
            if (readUpToBeforeLast(key, old, cleanSequence, app)) {
                return Attempts.DONE;
            }
            return Optional.empty();
        });
    }

    /** The point lies before the last message: those after it stay unread. False if the state changed meanwhile. */
    private boolean readUpToBeforeLast(Map<String, AttributeValue> key, ConversationItem old, long point, AppSettings app) {
        long now = clock.millis();
        ReadState read = ConversationRows.readState(old);
        Optional<ReadState.Update> update = read.readUpTo(point);
        if (update.isEmpty()) {
            return true; // already read past this point
        }
        Expr p = touch(applyRead(new Expr(), update.get()), now, app);
        try {
            table.update(key, p, liveCondition(p, now) + " AND " + unchangedReadState(p, read));
            return true;
        } catch (ConditionalCheckFailedException raced) {
            return false; // a message or another read point arrived; start over
        }
    }

    /**
     * Marks these conversations with unread messages (their keys, as read) read up to their current
     * last message, or only those of one type (null: all).
     */
    public void markAllRead(String appId, List<Map<String, AttributeValue>> withUnread, ConversationType only) {
        AppSettings app = settings.cached(appId);
        List<Runnable> writes = new ArrayList<>();
        for (Map<String, AttributeValue> key : withUnread) {
            if (only != null && ConversationId.parse(key.get(SK).s().substring(CONVERSATION_SK_PREFIX.length())).type() != only) {
                continue;
            }
            writes.add(() -> {
                long now = clock.millis();
                Expr e = new Expr();
                String condition = liveCondition(e, now);
                touch(readAll(e), now, app);
                try {
                    table.update(key, e, condition);
                } catch (ConditionalCheckFailedException goneMeanwhile) {
                    // deleted or expired since the query: nothing left to mark
                }
            });
        }
        parallel.runAll(writes);
    }


    /**
     * Deletes one conversation in one transaction with the bookkeeping, leaving its removal record
     * (which says whether devices are to clear its messages) and taking it out of the "shown in" index.
     */
    public void delete(String appId, String userId, ConversationId id, boolean clearMessages) {
        if (!remove(appId, userId, id, (item, now) -> ConversationRows.removalOf(item, RemovalReason.DELETED, now)
                .clearingMessages(clearMessages))) {
            throw notFound(id);
        }
    }

    /**
     * Removes a live conversation as {@link #delete} does, with the record {@code removal} makes of
     * it (given the item and the time of the removal).
     *
     * @return false if the conversation is not in the list (or has expired)
     */
    public boolean remove(String appId, String userId, ConversationId id, BiFunction<ConversationItem, Long, Removal> removal) {
        Map<String, AttributeValue> key = key(appId, userId, id);
        return Attempts.untilDone(attempt -> {
            AppSettings app = settings.cached(appId);
            ConversationItem item = ConversationRows.conversation(table.get(key));
            long now = clock.millis(); // after the read: a change's time stays close to its commit
            if (!ConversationRows.isLive(item, now)) {
                return Optional.of(false);
            }
            Expr b = new Expr();
            b.delete(SLOTS, Av.ns(List.of(item.getSlot())));
            b.set(b.where("#REV = if_not_exists(#REV, :zero) + :one", "zero", 0, "one", 1));
            if (Boolean.TRUE.equals(item.getPinned())) {
                b.add(PINNED_COUNT, Av.n(-1));
            }
            List<TransactWriteItem> tx = List.of(table.txDeleteUnchanged(key, ConversationRows.expiresAt(item), ConversationRows.version(item)),
                    table.txUpdate(Av.key(userPk(appId, userId), META_SK), b, null),
                    table.txPut(ConversationRows.removalRecord(userPk(appId, userId), removal.apply(item, now), now, app)),
                    ShownIn.remove(table, userPk(appId, userId), id));
            try {
                table.transact(tx);
                return Optional.of(true);
            } catch (TransactionCanceledException raced) {
                // changed meanwhile; read again
            }
            return Optional.empty();
        });
    }

    private static Map<String, AttributeValue> key(String appId, String userId, ConversationId id) {
        return Av.key(userPk(appId, userId), conversationSk(id));
    }

    public static ServiceException notFound(ConversationId id) {
        return ServiceException.notFound("conversation " + id + " is not in the list");
    }
}
