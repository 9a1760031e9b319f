package io.convlist.store.list;

import static io.convlist.store.table.Keys.*;

import java.util.HashMap;
import java.util.Map;

import io.convlist.domain.AppSettings;
import io.convlist.domain.OrderKeys;
import io.convlist.domain.message.ReadState;
import io.convlist.store.table.Av;
import io.convlist.store.table.Expr;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** Clauses every conditional write of a conversation shares. */
public final class ConversationUpdates {
    private ConversationUpdates() {
    }

    /** The conversation exists and has not expired (TTL deletes late; reads and writes must not wait for it). */
    public static String liveCondition(Expr e, long nowMillis) {
        return e.where("attribute_exists(#PK) AND #EXPIRES_AT > :now", "now", nowMillis / 1000);
    }

    /** The read state is still the one the decision was made on. */
    public static String unchangedReadState(Expr e, ReadState read) {
        String excluded = read.excluded().isEmpty() ? e.where("attribute_not_exists(#EXCLUDED)")
                : e.where("size(#EXCLUDED) = :n", "n", read.excluded().size());
        return e.where("#LAST_SEQ = :last AND #READ_SEQ = :read", "last", read.lastSeq(), "read", read.readSeq()) + " AND " + excluded;
    }

    /** Every change refreshes the conversation's retention and raises its version (Keys.VERSION). */
    public static Expr touch(Expr e, long nowMillis, AppSettings app) {
        return e.set(LAST_CHANGE, Av.n(nowMillis)).set(EXPIRES_AT, Av.n(ConversationRows.expiresAt(nowMillis, app)))
                .add(VERSION, Av.n(1));
    }

    /** Marks everything up to the last message read, whatever it is when the write applies. */
    public static Expr readAll(Expr e) {
        return readAll(e, e.where("#LAST_TIME"));
    }

    /** As {@link #readAll(Expr)}, with the read time given (an operand: a value or an attribute). */
    public static Expr readAll(Expr e, String readTime) {
        return e.set(e.where("#READ_SEQ = #LAST_SEQ")).set(e.where("#UNREAD_BASE = #LAST_SEQ"))
                .set(e.where("#READ_TIME") + " = " + readTime).remove(EXCLUDED)
                .set(READ_EXPLICIT, Av.bool(true)).remove(UNREAD).set(AT_INFO, Av.emptyMap());
    }

    /** Marks everything up to {@code seq} read, at or past the last message (nothing excluded stays above it). */
    public static Expr readThrough(Expr e, long seq, String readTime) {
        return e.set(READ_SEQ, Av.n(seq)).set(UNREAD_BASE, Av.n(seq)).set(e.where("#READ_TIME") + " = " + readTime).remove(EXCLUDED)
                .set(READ_EXPLICIT, Av.bool(true)).remove(UNREAD).set(AT_INFO, Av.emptyMap());
    }

    /** The unread count when a message with this sequence is the last: one subtraction, see Keys.UNREAD_BASE. */
    public static String unreadAt(Expr e, long seq) {
        return e.where("#UNREAD = :seq - if_not_exists(#UNREAD_BASE, #READ_SEQ)", "seq", seq);
    }

    /** Moves the activity part of the order key to this time, keeping the pin bit and slot. */
    public static Expr activity(Expr e, long activityMillis) {
        return e.set(e.where("#ORDER_KEY = #ORDER_BASE + :activity", "activity", OrderKeys.activityPart(activityMillis)));
    }

    public static Expr addAt(Expr e, long seq, int atType) {
        return e.set(e.where("#AT_INFO") + "." + e.n(Long.toString(seq)) + e.where(" = :type", "type", atType));
    }

    /** The clauses of a read-state decision made in the domain. */
    public static Expr applyRead(Expr e, ReadState.Update u) {
        if (u.readSeq() != null) {
            e.set(READ_SEQ, Av.n(u.readSeq()));
        }
        if (u.markExplicit()) {
            e.set(READ_EXPLICIT, Av.bool(true));
        }
        if (u.unread() != null && u.unread() == 0) {
            e.remove(UNREAD);
        } else if (u.unread() != null) {
            e.set(UNREAD, Av.n(u.unread()));
        }
        if (u.atInfo() != null) {
            Map<String, AttributeValue> at = new HashMap<>();
            u.atInfo().forEach((seq, type) -> at.put(Long.toString(seq), Av.n(type)));
            e.set(AT_INFO, AttributeValue.fromM(at));
        }
        if (u.addAt() != null) {
            addAt(e, u.addAt().seq(), u.addAt().atType());
        }
        if (u.excluded() != null && u.excluded().isEmpty()) {
            e.remove(EXCLUDED);
        } else if (u.excluded() != null) {
            e.set(EXCLUDED, AttributeValue.fromNs(u.excluded().stream().map(String::valueOf).toList()));
        }
        if (u.unreadBase() != null) {
            e.set(UNREAD_BASE, Av.n(u.unreadBase()));
        }
        return e;
    }
}
