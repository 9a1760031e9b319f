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
import io.restassured.response.Response;
import jakarta.inject.Inject;

/** cleanConversationUnreadMessageCount and the read fields as Tencent's: scopes, seconds, c2cReadTimestamp, groupReadSequence. */
@QuarkusTest
@QuarkusTestResource(DynamoDbTestResource.class)
class ReadApiParityTest {
    @Inject
    MutableClock clock;

    /** A minute before the test on the application's clock, with milliseconds (250). */
    long t0;

    @BeforeEach
    void takeTheTestsStartingTime() {
        t0 = (clock.millis() - 60_000) / 1000 * 1000 + 250;
    }

    static long unread(String app, String conversationId) {
        return ((Number) conversation(app, "u", conversationId).get("unreadCount")).longValue();
    }

    @Test
    void scopes_c2cAndGroup_markOnlyThatType() {
        String app = newApp();
        String u = userToken(app, "u");
        c2c(app, "bob", "u", 3, t0, "hi");
        group(app, "g1", "Work", "carol", List.of("u"), 5, t0, "hi", List.of(), false);
        ok(u, "cleanConversationUnreadMessageCount", body("conversationID", "c2c"));
        assertThat(unread(app, "c2c_bob")).isZero();
        assertThat(unread(app, "group_g1")).isEqualTo(1);
        c2c(app, "bob", "u", 4, t0 + 1, "again");
        ok(u, "cleanConversationUnreadMessageCount", body("conversationID", "group"));
        assertThat(unread(app, "group_g1")).isZero();
        assertThat(unread(app, "c2c_bob")).isEqualTo(1);
        Response withPoint = call(u, "cleanConversationUnreadMessageCount", body("conversationID", "c2c", "cleanSequence", 4));
        assertThat(withPoint.statusCode()).isEqualTo(400);
        assertThat(unread(app, "c2c_bob")).isEqualTo(1);
    }

    @Test
    void cleanTimestamp_inSeconds_asTencent_millisecondsStillAccepted_andShownAsC2cReadTimestamp() {
        String app = newApp();
        String u = userToken(app, "u");
        c2c(app, "bob", "u", 1, t0, "hi");
        long seconds = t0 / 1000;
        // 1. Seconds: t0 has milliseconds past its second, so the second itself is before the message.
        Response before = call(u, "cleanConversationUnreadMessageCount", body("conversationID", "c2c_bob", "cleanTimestamp", seconds));
        assertThat(before.statusCode()).isEqualTo(409);
        ok(u, "cleanConversationUnreadMessageCount", body("conversationID", "c2c_bob", "cleanTimestamp", seconds + 1));
        Map<String, Object> conversation = conversation(app, "u", "c2c_bob");
        assertThat(conversation.get("unreadCount")).isEqualTo(0);
        assertThat(((Number) conversation.get("c2cReadTimestamp")).longValue()).isEqualTo(seconds + 1);
        assertThat(conversation.get("groupReadSequence")).isEqualTo(0);
        // 2. Milliseconds (10^11 and up) as before; marking all read shows the last message's time.
        c2c(app, "bob", "u", 2, t0 + 5_000, "later");
        ok(u, "cleanConversationUnreadMessageCount", body("conversationID", "c2c_bob", "cleanTimestamp", t0 + 5_000));
        assertThat(((Number) conversation(app, "u", "c2c_bob").get("c2cReadTimestamp")).longValue()).isEqualTo((t0 + 5_000) / 1000);
        c2c(app, "bob", "u", 3, t0 + 9_000, "latest");
        ok(u, "cleanConversationUnreadMessageCount", body("conversationID", ""));
        assertThat(((Number) conversation(app, "u", "c2c_bob").get("c2cReadTimestamp")).longValue()).isEqualTo((t0 + 9_000) / 1000);
        // 3. The user's own message is read up to its time.
        c2c(app, "u", "bob", 4, t0 + 20_000, "mine");
        assertThat(((Number) conversation(app, "u", "c2c_bob").get("c2cReadTimestamp")).longValue()).isEqualTo((t0 + 20_000) / 1000);
    }

    @Test
    void groupReadSequence_isTheReadPoint_andRecvOpt4IsLeftOutOfTheTotal() {
        String app = newApp();
        String u = userToken(app, "u");
        for (int seq = 1; seq <= 6; seq++) {
            group(app, "g1", "Work", "carol", List.of("u"), seq, t0 + seq, "m" + seq, List.of(), false);
        }
        ok(u, "cleanConversationUnreadMessageCount", body("conversationID", "group_g1", "cleanSequence", 4));
        Map<String, Object> conversation = conversation(app, "u", "group_g1");
        assertThat(conversation.get("groupReadSequence")).isEqualTo(4);
        assertThat(conversation.get("c2cReadTimestamp")).isEqualTo(0);
        assertThat(totalUnread(app, "u")).isEqualTo(2);
        ok(u, "setGroupReceiveMessageOpt", body("groupID", "g1", "opt", 4));
        assertThat(totalUnread(app, "u")).isZero();
    }
}
