package io.convlist.testing;

import static io.restassured.RestAssured.given;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.convlist.testkit.DevTokens;
import io.convlist.testkit.DynamoDbTestResource;
import io.restassured.http.ContentType;
import io.restassured.response.Response;

/** Calls the functions over HTTP as a client would, with tokens signed by the test key. */
public final class Api {
    private Api() {
    }

    /** A fresh app ID, so that every test works on its own tenant. */
    public static String newApp() {
        return "app" + UUID.randomUUID().toString().substring(0, 8);
    }

    public static String userToken(String app, String user) {
        return DevTokens.token(DynamoDbTestResource.KEYS.getPrivate(), DynamoDbTestResource.ISSUER, app, user, "user", 3600);
    }

    public static String serviceToken(String app) {
        return DevTokens.token(DynamoDbTestResource.KEYS.getPrivate(), DynamoDbTestResource.ISSUER, app, "backend", "service", 3600);
    }

    public static Response call(String token, String function, Object body) {
        var request = given().contentType(ContentType.JSON);
        if (token != null) {
            request = request.header("Authorization", "Bearer " + token);
        }
        return request.body(body == null ? Map.of() : body).post("/" + function);
    }

    /** Calls and expects 200; returns the response for reading. */
    public static Response ok(String token, String function, Object body) {
        Response r = call(token, function, body);
        if (r.statusCode() != 200) {
            throw new AssertionError(function + " answered " + r.statusCode() + ": " + r.asString());
        }
        return r;
    }

    public static Map<String, Object> body(Object... keysAndValues) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            m.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return m;
    }

    public static void c2c(String app, String from, String to, long seq, long timestamp, String summary) {
        ok(serviceToken(app), "recordMessage", body("type", "C2C", "msgID", from + "-" + to + "-" + seq, "seq", seq,
                "timestamp", timestamp, "senderID", from, "receiverID", to, "summary", summary));
    }

    public static void group(String app, String groupId, String groupType, String from, List<String> recipients,
            long seq, long timestamp, String summary, List<String> atUsers, boolean atAll) {
        ok(serviceToken(app), "recordMessage", body("type", "GROUP", "msgID", groupId + "-" + seq, "seq", seq,
                "timestamp", timestamp, "senderID", from, "groupID", groupId, "groupType", groupType,
                "recipients", recipients, "summary", summary, "atUserList", atUsers, "atAll", atAll));
    }

    /** The whole list of a user, every page of {@code pageSize}. */
    public static List<Map<String, Object>> wholeList(String app, String user, int pageSize) {
        List<Map<String, Object>> all = new ArrayList<>();
        long next = 0;
        for (int guard = 0; guard < 1000; guard++) {
            Response r = ok(userToken(app, user), "getConversationList", body("nextSeq", next, "count", pageSize));
            all.addAll(r.jsonPath().getList("conversationList"));
            if (r.jsonPath().getBoolean("isFinished")) {
                return all;
            }
            next = r.jsonPath().getLong("nextSeq");
        }
        throw new AssertionError("paging did not finish");
    }

    @SuppressWarnings("unchecked")
    public static List<Object> list(Object value) {
        return (List<Object>) value;
    }

    @SuppressWarnings("unchecked")
    public static Map<String, Object> map(Object value) {
        return (Map<String, Object>) value;
    }

    public static List<String> ids(List<Map<String, Object>> conversations) {
        return conversations.stream().map(c -> (String) c.get("conversationID")).toList();
    }

    /** One conversation as the user sees it (getConversation). */
    public static Map<String, Object> conversation(String app, String user, String conversationId) {
        return ok(userToken(app, user), "getConversation", body("conversationID", conversationId)).jsonPath().getMap("");
    }

    public static long totalUnread(String app, String user) {
        return ok(userToken(app, user), "getTotalUnreadMessageCount", Map.of()).jsonPath().getLong("totalUnreadCount");
    }
}
