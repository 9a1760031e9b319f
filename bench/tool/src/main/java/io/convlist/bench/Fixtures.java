package io.convlist.bench;

import java.util.List;
import java.util.Set;

import io.convlist.domain.ConversationType;
import io.convlist.domain.GroupType;
import io.convlist.domain.message.MessageEvent;
import io.convlist.store.ConversationStore;

/** The messages the benchmarks send, through the store and as the functions' JSON, built one way. */
final class Fixtures {
    /**
     * Message times start an hour before the cost benchmark's clock, so every conversation is well
     * inside its retention; like that clock's, their digits are the same in every run.
     */
    static final long T0 = StillClock.pastTheHour().millis() - 3_600_000;

    private Fixtures() {
    }

    /** A summary of 100 bytes, as a short text message's. */
    static final String SUMMARY = "Are we still on for lunch tomorrow? I booked the place by the river, the one with the green door. ok";

    static MessageEvent c2c(String sender, String receiver, long seq) {
        return new MessageEvent(ConversationType.C2C, "c" + seq, seq, T0 + seq, sender, receiver, null, null, List.of(), SUMMARY,
                Set.of(), false).validated();
    }

    static String c2cJson(String sender, String receiver, long seq) {
        return "{\"type\":\"C2C\",\"msgID\":\"c" + seq + "\",\"seq\":" + seq + ",\"timestamp\":" + (T0 + seq)
                + ",\"senderID\":\"" + sender + "\",\"receiverID\":\"" + receiver + "\",\"summary\":\"" + SUMMARY + "\"}";
    }

    static MessageEvent group(String sender, String groupId, long seq, List<String> recipients) {
        return new MessageEvent(ConversationType.GROUP, groupId + "-" + seq, seq, T0 + seq, sender, null, groupId, GroupType.Work,
                recipients, SUMMARY, Set.of(), false).validated();
    }

    /** Gives the user conversations g0..g(n-1), each with one message the user sent (nothing unread). */
    static void fill(ConversationStore store, String app, String user, int conversations) {
        for (int i = 0; i < conversations; i++) {
            store.recordMessage(app, group(user, "g" + i, 1, List.of()));
        }
    }

    /** Gives the user conversations u0..u(n-1), each with one unread message from someone else. */
    static void fillUnread(ConversationStore store, String app, String user, int conversations) {
        for (int i = 0; i < conversations; i++) {
            store.recordMessage(app, group("s" + i, "u" + i, 1, List.of(user)));
        }
    }
}
