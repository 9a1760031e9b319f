package io.convlist;

import static io.convlist.testing.Api.*;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.convlist.testkit.DynamoDbTestResource;
import io.convlist.testkit.MutableClock;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;

/** recordMessage: unread counts, lastMessage, @-mentions, at-least-once and out-of-order delivery. */
@QuarkusTest
@QuarkusTestResource(DynamoDbTestResource.class)
class MessageRecordingTest {
    @Inject
    MutableClock clock;

    /** Message times an hour ago, so that drafts and pins (now) are the most recent activity. */
    long t0;

    @BeforeEach
    void takeTheTestsStartingTime() {
        t0 = clock.millis() - 3_600_000;
    }

    @Test
    void recordMessage_c2c_createsBothSidesWithUnreadOnlyForReceiver() {
        String app = newApp();
        c2c(app, "alice", "bob", 1, t0, "hi bob");
        c2c(app, "alice", "bob", 2, t0 + 1000, "are you there?");
        Map<String, Object> bobs = conversation(app, "bob", "c2c_alice");
        assertThat(bobs).containsEntry("type", "C2C").containsEntry("userID", "alice").containsEntry("unreadCount", 2);
        assertThat(map(bobs.get("lastMessage"))).containsEntry("summary", "are you there?").containsEntry("seq", 2);
        assertThat(conversation(app, "alice", "c2c_bob")).containsEntry("unreadCount", 0);
        assertThat(totalUnread(app, "bob")).isEqualTo(2);
    }

    @Test
    void recordMessage_sameMessageTwice_endsInSameState() {
        String app = newApp();
        c2c(app, "alice", "bob", 1, t0, "one");
        c2c(app, "alice", "bob", 2, t0 + 1, "two");
        Map<String, Object> once = conversation(app, "bob", "c2c_alice");
        c2c(app, "alice", "bob", 2, t0 + 1, "two");
        c2c(app, "alice", "bob", 1, t0, "one");
        Map<String, Object> twice = conversation(app, "bob", "c2c_alice");
        assertThat(twice.get("unreadCount")).isEqualTo(2);
        assertThat(twice.get("lastMessage")).isEqualTo(once.get("lastMessage"));
        assertThat(twice.get("orderKey")).isEqualTo(once.get("orderKey"));
    }

    @Test
    void recordMessage_reverseOrder_endsInSameStateAsForward() {
        String forward = newApp();
        String reverse = newApp();
        for (int seq = 1; seq <= 3; seq++) {
            group(forward, "g1", "Work", "carol", List.of("dave"), seq, t0 + seq, "m" + seq, seq == 2 ? List.of("dave") : List.of(), false);
        }
        for (int seq = 3; seq >= 1; seq--) {
            group(reverse, "g1", "Work", "carol", List.of("dave"), seq, t0 + seq, "m" + seq, seq == 2 ? List.of("dave") : List.of(), false);
        }
        Map<String, Object> f = conversation(forward, "dave", "group_g1");
        Map<String, Object> r = conversation(reverse, "dave", "group_g1");
        assertThat(f.get("unreadCount")).isEqualTo(3);
        for (String field : List.of("unreadCount", "lastMessage", "groupAtInfoList")) {
            assertThat(r.get(field)).as(field).isEqualTo(f.get(field));
        }
        // The order key's activity part is the last message's time in both; the slot differs per list.
        assertThat(((Number) r.get("orderKey")).longValue() >> 10).isEqualTo(((Number) f.get("orderKey")).longValue() >> 10);
        assertThat(list(f.get("groupAtInfoList"))).containsExactly(Map.of("seq", 2, "atType", 1));
    }

    @Test
    void recordMessage_atAllAndAtMe_giveAtTypes_andMarkReadClearsThem() {
        String app = newApp();
        group(app, "g2", "Public", "erin", List.of("frank", "gina"), 1, t0, "all", List.of(), true);
        group(app, "g2", "Public", "erin", List.of("frank", "gina"), 2, t0 + 1, "frank", List.of("frank"), true);
        assertThat(list(conversation(app, "frank", "group_g2").get("groupAtInfoList")))
                .containsExactly(Map.of("seq", 1, "atType", 2), Map.of("seq", 2, "atType", 3));
        assertThat(list(conversation(app, "gina", "group_g2").get("groupAtInfoList")))
                .containsExactly(Map.of("seq", 1, "atType", 2), Map.of("seq", 2, "atType", 2));
        // The sender's own conversation has no @-info and no unread.
        assertThat(conversation(app, "erin", "group_g2")).containsEntry("unreadCount", 0);

        ok(userToken(app, "frank"), "cleanConversationUnreadMessageCount", body("conversationID", "group_g2", "cleanSequence", 1));
        Map<String, Object> frank = conversation(app, "frank", "group_g2");
        assertThat(frank.get("unreadCount")).isEqualTo(1);
        assertThat(list(frank.get("groupAtInfoList"))).containsExactly(Map.of("seq", 2, "atType", 3));

        ok(userToken(app, "frank"), "cleanConversationUnreadMessageCount", body("conversationID", "group_g2"));
        frank = conversation(app, "frank", "group_g2");
        assertThat(frank.get("unreadCount")).isEqualTo(0);
        assertThat(list(frank.get("groupAtInfoList"))).isEmpty();
        // Messages after the read point stay unread.
        group(app, "g2", "Public", "erin", List.of("frank"), 3, t0 + 2, "later", List.of(), false);
        assertThat(conversation(app, "frank", "group_g2").get("unreadCount")).isEqualTo(1);
    }

    @Test
    void recordMessage_avChatRoom_keepsNoUnreadCount() {
        String app = newApp();
        for (int seq = 1; seq <= 3; seq++) {
            group(app, "live1", "AVChatRoom", "host", List.of("viewer"), seq, t0 + seq, "m" + seq, List.of("viewer"), false);
        }
        Map<String, Object> c = conversation(app, "viewer", "group_live1");
        assertThat(c).containsEntry("unreadCount", 0).containsEntry("groupType", "AVChatRoom");
        assertThat(map(c.get("lastMessage"))).containsEntry("seq", 3);
        assertThat(totalUnread(app, "viewer")).isZero();
    }

    @Test
    void cleanUnread_c2cByTimestamp_marksReadUpToIt_andRefusesAPointBeforeTheLastMessage() {
        String app = newApp();
        c2c(app, "alice", "bob", 1, t0, "one");
        c2c(app, "alice", "bob", 2, t0 + 1000, "two");
        var early = call(userToken(app, "bob"), "cleanConversationUnreadMessageCount",
                body("conversationID", "c2c_alice", "cleanTimestamp", t0 + 500));
        assertThat(early.statusCode()).isEqualTo(409);
        assertThat(conversation(app, "bob", "c2c_alice").get("unreadCount")).isEqualTo(2);
        ok(userToken(app, "bob"), "cleanConversationUnreadMessageCount", body("conversationID", "c2c_alice", "cleanSequence", 1));
        assertThat(conversation(app, "bob", "c2c_alice").get("unreadCount")).isEqualTo(1);
        ok(userToken(app, "bob"), "cleanConversationUnreadMessageCount",
                body("conversationID", "c2c_alice", "cleanTimestamp", t0 + 1000));
        assertThat(conversation(app, "bob", "c2c_alice").get("unreadCount")).isEqualTo(0);
    }

    @Test
    void cleanUnread_emptyId_marksEveryConversationRead() {
        String app = newApp();
        c2c(app, "alice", "bob", 1, t0, "one");
        c2c(app, "carol", "bob", 1, t0, "two");
        group(app, "g3", "Work", "dave", List.of("bob"), 5, t0, "three", List.of("bob"), false);
        assertThat(totalUnread(app, "bob")).isEqualTo(3);
        ok(userToken(app, "bob"), "cleanConversationUnreadMessageCount", body("conversationID", ""));
        assertThat(totalUnread(app, "bob")).isZero();
        assertThat(list(conversation(app, "bob", "group_g3").get("groupAtInfoList"))).isEmpty();
    }

    @Test
    void totalUnread_leavesOutEveryConversationWhoseRecvOptIsNotZero() {
        String app = newApp();
        for (int opt = 0; opt <= 4; opt++) {
            c2c(app, "peer" + opt, "me", 1, t0, "hi");
            c2c(app, "peer" + opt, "me", 2, t0 + 1, "hi again");
            ok(userToken(app, "me"), "setReceiveMessageOpt", body("conversationIDList", List.of("c2c_peer" + opt), "opt", opt));
        }
        assertThat(totalUnread(app, "me")).isEqualTo(2);
        assertThat(conversation(app, "me", "c2c_peer3").get("recvOpt")).isEqualTo(3);
        ok(userToken(app, "me"), "setReceiveMessageOpt", body("conversationIDList", List.of("c2c_peer3"), "opt", 0));
        assertThat(totalUnread(app, "me")).isEqualTo(4);
    }

    @Test
    void recordMessage_senderReadsUpToItsOwnMessage() {
        String app = newApp();
        c2c(app, "alice", "bob", 1, t0, "hi");
        c2c(app, "alice", "bob", 2, t0 + 1, "hi");
        c2c(app, "bob", "alice", 3, t0 + 2, "hello");
        assertThat(conversation(app, "bob", "c2c_alice").get("unreadCount")).isEqualTo(0);
        assertThat(conversation(app, "alice", "c2c_bob").get("unreadCount")).isEqualTo(1);
    }
}
