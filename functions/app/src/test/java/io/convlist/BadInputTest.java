package io.convlist;

import static io.convlist.testing.Api.*;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import io.convlist.testkit.DynamoDbTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;

/** Every documented limit, violated: 400 with {code, message}, and the stored data read back unchanged. */
@QuarkusTest
@QuarkusTestResource(DynamoDbTestResource.class)
class BadInputTest {
    /**
     * The cases are built before the application's clock can be injected, so they take the time from
     * the same source: the application's clock here is real time (this class never moves it).
     */
    static final Clock CASES_CLOCK = Clock.systemUTC();
    static final long T0 = CASES_CLOCK.millis() - 60_000;
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

    /** Whose token a case sends: the list owner's (bob) or the app's backend. */
    enum As {
        USER, SERVICE
    }

    /** One documented limit, violated. */
    record Case(String name, As as, String function, Object body) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Case user(String name, String function, Object body) {
        return new Case(name, As.USER, function, body);
    }

    static Case service(String name, String function, Object body) {
        return new Case(name, As.SERVICE, function, body);
    }

    static String repeat(String s, int n) {
        return String.join("", Collections.nCopies(n, s));
    }

    static Map<String, Object> c2cMessage(Object... overrides) {
        Map<String, Object> m = body("type", "C2C", "msgID", "m", "seq", 2, "timestamp", T0, "senderID", "alice", "receiverID", "bob");
        m.putAll(body(overrides));
        return m;
    }

    static Map<String, Object> groupMessage(Object... overrides) {
        Map<String, Object> m = body("type", "GROUP", "msgID", "m", "seq", 2, "timestamp", T0, "senderID", "carol",
                "groupID", "g1", "groupType", "Work", "recipients", List.of("bob"));
        m.putAll(body(overrides));
        return m;
    }

    static Map<String, Object> without(Map<String, Object> m, String key) {
        m.remove(key);
        return m;
    }

    static List<String> numbered(String prefix, int n) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            out.add(prefix + i);
        }
        return out;
    }

    static Stream<Case> limitsViolated() {
        String user33 = repeat("u", 33);
        String group49 = repeat("g", 49);
        List<String> ids101 = numbered("c2c_p", 101);
        List<String> recipients1001 = numbered("r", 1001);
        List<Case> cases = new ArrayList<>(List.of(
                // userID longer than 32 bytes, as sender, receiver, recipient and conversation peer
                service("sender over 32 bytes", "recordMessage", c2cMessage("senderID", user33)),
                service("receiver over 32 bytes", "recordMessage", c2cMessage("receiverID", user33)),
                service("recipient over 32 bytes", "recordMessage", groupMessage("recipients", List.of("bob", user33))),
                user("peer over 32 bytes", "getConversation", body("conversationID", "c2c_" + user33)),
                // groupID longer than 48 bytes
                service("groupID over 48 bytes", "recordMessage", groupMessage("groupID", group49)),
                user("group conversation over 48 bytes", "pinConversation", body("conversationID", "group_" + group49, "isPinned", true)),
                // characters outside the ID set (the key separator '#', spaces, non-ASCII)
                service("key separator in a userID", "recordMessage", c2cMessage("senderID", "al#ice")),
                user("space in a conversationID", "deleteConversation", body("conversationID", "c2c_a b")),
                service("non-ASCII userID", "setUserProfile", body("userID", "b\u00f3b", "nickname", "x")),
                // draftText over 8 KB, counted in bytes (2731 three-byte characters = 8193 bytes)
                user("draft of 8193 ASCII bytes", "setConversationDraft", body("conversationID", "group_g1", "draftText", repeat("x", 8193))),
                user("draft of 8193 UTF-8 bytes", "setConversationDraft", body("conversationID", "group_g1", "draftText", repeat("\u4e2d", 2731))),
                // page count outside 1..100; negative nextSeq
                user("page count 0", "getConversationList", body("count", 0)),
                user("page count 101", "getConversationList", body("count", 101)),
                user("negative nextSeq", "getConversationList", body("nextSeq", -1)),
                // ID lists of 0 or over 100
                user("101 IDs to read", "getConversationListByConversationIds", body("conversationIDList", ids101)),
                user("101 IDs to mute", "setReceiveMessageOpt", body("conversationIDList", ids101, "opt", 1)),
                user("no IDs to mute", "setReceiveMessageOpt", body("conversationIDList", List.of(), "opt", 1)),
                // recipients over 1000
                service("1001 recipients", "recordMessage", groupMessage("recipients", recipients1001)),
                // recvOpt outside 0..4
                user("recvOpt 5", "setReceiveMessageOpt", body("conversationIDList", List.of("c2c_alice"), "opt", 5)),
                user("recvOpt -1", "setReceiveMessageOpt", body("conversationIDList", List.of("c2c_alice"), "opt", -1)),
                // malformed messages
                service("message without seq", "recordMessage", without(c2cMessage(), "seq")),
                service("message without timestamp", "recordMessage", without(c2cMessage(), "timestamp")),
                service("unknown message type", "recordMessage", c2cMessage("type", "P2P")),
                service("unknown group type", "recordMessage", groupMessage("groupType", "Party")),
                service("sender is receiver", "recordMessage", c2cMessage("senderID", "bob")),
                // read points: negative, a timestamp for a group, a point for every conversation
                user("negative cleanSequence", "cleanConversationUnreadMessageCount", body("conversationID", "c2c_alice", "cleanSequence", -1)),
                user("cleanTimestamp for a group", "cleanConversationUnreadMessageCount", body("conversationID", "group_g1", "cleanTimestamp", T0)),
                user("a read point for every conversation", "cleanConversationUnreadMessageCount", body("conversationID", "", "cleanSequence", 3)),
                user("a read point for every C2C conversation", "cleanConversationUnreadMessageCount", body("conversationID", "c2c", "cleanSequence", 3)),
                // marks, custom data, conversation groups, filters, batch delete (on listed conversations, so a write would show)
                user("mark bit 0x10", "markConversation", body("conversationIDList", List.of("c2c_alice"), "markType", 16, "enableMark", true)),
                user("mark bit 1<<31", "markConversation", body("conversationIDList", List.of("c2c_alice"), "markType", 1L << 31, "enableMark", true)),
                user("markType 0", "markConversation", body("conversationIDList", List.of("c2c_alice"), "markType", 0, "enableMark", true)),
                user("mark without enableMark", "markConversation", body("conversationIDList", List.of("c2c_alice"), "markType", 1)),
                user("101 IDs to mark", "markConversation", body("conversationIDList", ids101, "markType", 1, "enableMark", true)),
                user("custom data of 257 bytes", "setConversationCustomData", body("conversationIDList", List.of("c2c_alice"),
                        "customData", java.util.Base64.getEncoder().encodeToString(new byte[257]))),
                user("custom data not base64", "setConversationCustomData", body("conversationIDList", List.of("c2c_alice"), "customData", "%%%")),
                user("group name of 33 bytes", "createConversationGroup", body("groupName", repeat("n", 33), "conversationIDList", List.of("c2c_alice"))),
                user("group name of 33 UTF-8 bytes", "createConversationGroup", body("groupName", repeat("\u4e2d", 11), "conversationIDList", List.of("c2c_alice"))),
                user("group without conversations", "createConversationGroup", body("groupName", "Work", "conversationIDList", List.of())),
                user("group without a name", "addConversationsToGroup", body("conversationIDList", List.of("c2c_alice"))),
                user("filter type 3", "getConversationListByFilter", body("filter", Map.of("type", 3))),
                user("no filter", "getUnreadMessageCountByFilter", body()),
                user("101 IDs to delete", "deleteConversationList", body("conversationIDList", ids101)),
                user("no IDs to delete", "deleteConversationList", body("conversationIDList", List.of())),
                service("recall without msgID", "recallMessage", body("type", "C2C", "senderID", "alice", "receiverID", "bob")),
                service("edit of an unknown message type", "modifyMessage", body("type", "P2P", "msgID", "m", "summary", "x")),
                service("clear history of a bad conversationID", "clearConversationHistory", body("userID", "bob", "conversationID", "bob")),
                // issue 12: values that used to crash or to look retryable
                service("a null in atUserList", "recordMessage", groupMessage("atUserList", java.util.Arrays.asList("bob", null))),
                service("a null recipient", "recordMessage", groupMessage("recipients", java.util.Arrays.asList("bob", null))),
                service("a lone surrogate in the summary", "recordMessage", c2cMessage("summary", "hi \uD83D there")),
                service("a lone surrogate in a nickname", "setUserProfile", body("userID", "bob", "nickname", "\uDE00")),
                user("a lone surrogate in a draft", "setConversationDraft", body("conversationID", "group_g1", "draftText", "x\uD800")),
                service("a timestamp before 2000", "recordMessage", c2cMessage("timestamp", 946_684_799_999L)),
                service("a timestamp in microseconds", "recordMessage", c2cMessage("timestamp", T0 * 1000)),
                service("a timestamp two days ahead", "recordMessage", c2cMessage("timestamp", CASES_CLOCK.millis() + 2 * 86_400_000L)),
                service("seq above 2^53", "recordMessage", c2cMessage("seq", (1L << 53) + 1)),
                // bodies that are not the function's JSON
                user("count is not a number", "getConversationList", Map.of("count", "abc")),
                user("pin without isPinned", "pinConversation", body("conversationID", "group_g1"))));
        // conversationIDs that do not match their type
        for (String bad : List.of("alice", "c2c_", "group_", "grp_g1", "C2C_alice", "")) {
            cases.add(user("conversationID '" + bad + "'", "setConversationDraft", body("conversationID", bad, "draftText", "x")));
        }
        return cases.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("limitsViolated")
    void limitViolated_gives400_andWritesNothing(Case c) {
        List<Object> before = snapshot();
        Response r = call(c.as() == As.USER ? user : service, c.function(), c.body());
        assertThat(r.statusCode()).as(c.function() + " " + c.body() + " -> " + r.asString()).isEqualTo(400);
        assertThat(r.jsonPath().getString("code")).isEqualTo("INVALID_ARGUMENT");
        assertThat(r.jsonPath().getString("message")).isNotBlank();
        assertThat(snapshot()).isEqualTo(before);
    }

    @Test
    void bodyThatIsNotJson_gives400WithBody() {
        Response notJson = io.restassured.RestAssured.given().contentType(ContentType.JSON).header("Authorization", "Bearer " + user)
                .body("{not json").post("/getConversationList");
        assertThat(notJson.statusCode()).isEqualTo(400);
        assertThat(notJson.jsonPath().getString("code")).isEqualTo("INVALID_ARGUMENT");
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
