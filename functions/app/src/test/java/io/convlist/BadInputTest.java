package io.convlist;

import static io.convlist.testing.Api.*;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.convlist.testing.DynamoDbTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;

/** Every documented limit, violated: 400 with {code, message}, and the stored data read back unchanged. */
@QuarkusTest
@QuarkusTestResource(DynamoDbTestResource.class)
class BadInputTest {
    static final long T0 = System.currentTimeMillis() - 60_000;
    String app;
    String user;
    String service;

    @BeforeEach
    void seed() {
        app = newApp();
        user = userToken(app, "bob");
        service = serviceToken(app);
        c2c(app, "alice", "bob", 1, T0, "hello");
        group(app, "g1", "Work", "carol", List.of("bob"), 1, T0, "hi all", List.of(), false);
        ok(user, "setConversationDraft", body("conversationID", "group_g1", "draftText", "draft"));
    }

    /** Everything a rejected request could have touched: bob's list and the senders' lists. */
    List<Object> snapshot() {
        List<Object> state = new ArrayList<>();
        for (String u : List.of("bob", "alice", "carol", "dave")) {
            state.add(wholeList(app, u, 100));
            state.add(totalUnread(app, u));
        }
        return state;
    }

    void assertRejected(String token, String function, Object body) {
        Response r = call(token, function, body);
        assertThat(r.statusCode()).as(function + " " + body + " -> " + r.asString()).isEqualTo(400);
        assertThat(r.jsonPath().getString("code")).isEqualTo("INVALID_ARGUMENT");
        assertThat(r.jsonPath().getString("message")).isNotBlank();
    }

    static String repeat(String s, int n) {
        return String.join("", Collections.nCopies(n, s));
    }

    @Test
    void everyLimitViolated_gives400_andWritesNothing() {
        List<Object> before = snapshot();
        String user33 = repeat("u", 33);
        String group49 = repeat("g", 49);
        // 1. userID longer than 32 bytes, as sender, receiver, recipient and conversation peer.
        assertRejected(service, "recordMessage", body("type", "C2C", "msgID", "m", "seq", 2, "timestamp", T0, "senderID", user33, "receiverID", "bob"));
        assertRejected(service, "recordMessage", body("type", "C2C", "msgID", "m", "seq", 2, "timestamp", T0, "senderID", "alice", "receiverID", user33));
        assertRejected(service, "recordMessage", body("type", "GROUP", "msgID", "m", "seq", 2, "timestamp", T0, "senderID", "carol",
                "groupID", "g1", "groupType", "Work", "recipients", List.of("bob", user33)));
        assertRejected(user, "getConversation", body("conversationID", "c2c_" + user33));
        // 2. groupID longer than 48 bytes.
        assertRejected(service, "recordMessage", body("type", "GROUP", "msgID", "m", "seq", 2, "timestamp", T0, "senderID", "carol",
                "groupID", group49, "groupType", "Work", "recipients", List.of("bob")));
        assertRejected(user, "pinConversation", body("conversationID", "group_" + group49, "isPinned", true));
        // 3. Characters outside the ID set (the key separator '#', spaces, non-ASCII).
        assertRejected(service, "recordMessage", body("type", "C2C", "msgID", "m", "seq", 2, "timestamp", T0, "senderID", "al#ice", "receiverID", "bob"));
        assertRejected(user, "deleteConversation", body("conversationID", "c2c_a b"));
        assertRejected(service, "setUserProfile", body("userID", "bób", "nickname", "x"));
        // 4. conversationID that does not match its type.
        for (String bad : List.of("alice", "c2c_", "group_", "grp_g1", "C2C_alice", "")) {
            assertRejected(user, "setConversationDraft", body("conversationID", bad, "draftText", "x"));
        }
        // 5. draftText over 8 KB (bytes, not characters: 2731 three-byte characters = 8193 bytes).
        assertRejected(user, "setConversationDraft", body("conversationID", "group_g1", "draftText", repeat("x", 8193)));
        assertRejected(user, "setConversationDraft", body("conversationID", "group_g1", "draftText", repeat("\u4e2d", 2731)));
        // 6. Page count outside 1..100; negative nextSeq.
        assertRejected(user, "getConversationList", body("count", 0));
        assertRejected(user, "getConversationList", body("count", 101));
        assertRejected(user, "getConversationList", body("nextSeq", -1));
        // 7. ID lists over 100.
        List<String> ids101 = new ArrayList<>();
        for (int i = 0; i < 101; i++) {
            ids101.add("c2c_p" + i);
        }
        assertRejected(user, "getConversationListByConversationIds", body("conversationIDList", ids101));
        assertRejected(user, "setReceiveMessageOpt", body("conversationIDList", ids101, "opt", 1));
        assertRejected(user, "setReceiveMessageOpt", body("conversationIDList", List.of(), "opt", 1));
        // 8. Recipients over 1000.
        List<String> recipients = new ArrayList<>();
        for (int i = 0; i < 1001; i++) {
            recipients.add("r" + i);
        }
        recipients.set(0, "bob");
        assertRejected(service, "recordMessage", body("type", "GROUP", "msgID", "m", "seq", 2, "timestamp", T0, "senderID", "carol",
                "groupID", "g1", "groupType", "Work", "recipients", recipients));
        // 9. recvOpt outside 0..4.
        assertRejected(user, "setReceiveMessageOpt", body("conversationIDList", List.of("c2c_alice"), "opt", 5));
        assertRejected(user, "setReceiveMessageOpt", body("conversationIDList", List.of("c2c_alice"), "opt", -1));
        // 10. Malformed messages: no seq, no time, unknown type or group type, sender = receiver.
        assertRejected(service, "recordMessage", body("type", "C2C", "msgID", "m", "timestamp", T0, "senderID", "alice", "receiverID", "bob"));
        assertRejected(service, "recordMessage", body("type", "C2C", "msgID", "m", "seq", 2, "senderID", "alice", "receiverID", "bob"));
        assertRejected(service, "recordMessage", body("type", "P2P", "msgID", "m", "seq", 2, "timestamp", T0, "senderID", "alice", "receiverID", "bob"));
        assertRejected(service, "recordMessage", body("type", "GROUP", "msgID", "m", "seq", 2, "timestamp", T0, "senderID", "carol",
                "groupID", "g1", "groupType", "Party", "recipients", List.of("bob")));
        assertRejected(service, "recordMessage", body("type", "C2C", "msgID", "m", "seq", 2, "timestamp", T0, "senderID", "bob", "receiverID", "bob"));
        // 11. Read points: negative, or a timestamp for a group.
        assertRejected(user, "cleanConversationUnreadMessageCount", body("conversationID", "c2c_alice", "cleanSequence", -1));
        assertRejected(user, "cleanConversationUnreadMessageCount", body("conversationID", "group_g1", "cleanTimestamp", T0));
        assertRejected(user, "cleanConversationUnreadMessageCount", body("conversationID", "", "cleanSequence", 3));
        // 12. Bodies that are not the function's JSON.
        Response notJson = io.restassured.RestAssured.given().contentType(ContentType.JSON).header("Authorization", "Bearer " + user)
                .body("{not json").post("/getConversationList");
        assertThat(notJson.statusCode()).isEqualTo(400);
        assertThat(notJson.jsonPath().getString("code")).isEqualTo("INVALID_ARGUMENT");
        assertRejected(user, "getConversationList", Map.of("count", "abc"));
        assertRejected(user, "pinConversation", body("conversationID", "group_g1"));

        assertThat(snapshot()).isEqualTo(before);
    }

    @Test
    void longSummary_isCutTo1KbOnACharacterBoundary() {
        // 400 four-byte characters (1600 bytes): the cut keeps 256 whole characters (1024 bytes).
        String emoji = repeat("\uD83D\uDE00", 400);
        group(app, "g2", "Work", "carol", List.of("bob"), 1, T0, emoji, List.of(), false);
        String summary = ok(user, "getConversation", body("conversationID", "group_g2")).jsonPath().getString("lastMessage.summary");
        assertThat(summary.getBytes(java.nio.charset.StandardCharsets.UTF_8)).hasSize(1024);
        assertThat(summary).isEqualTo(repeat("\uD83D\uDE00", 256));
    }

    @Test
    void unknownFunction_is404WithBody() {
        Response r = call(user, "noSuchFunction", Map.of());
        assertThat(r.statusCode()).isEqualTo(404);
        assertThat(r.jsonPath().getString("code")).isEqualTo("NOT_FOUND");
    }
}
