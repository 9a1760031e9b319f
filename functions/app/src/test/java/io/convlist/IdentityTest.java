package io.convlist;

import static io.convlist.testing.Api.*;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.convlist.testkit.DevTokens;
import io.convlist.testkit.DynamoDbTestResource;
import io.convlist.testkit.MutableClock;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;

/** Identity from verified tokens only: apps and users are isolated. */
@QuarkusTest
@QuarkusTestResource(DynamoDbTestResource.class)
class IdentityTest {
    @Inject
    MutableClock clock;

    /** A time before the test on the application's clock, taken as it starts: the tests' messages are sent from here on. */
    long t0;

    @BeforeEach
    void takeTheTestsStartingTime() {
        t0 = clock.millis();
    }

    static void assertError(Response r, int status, String code) {
        assertThat(r.statusCode()).as(r.asString()).isEqualTo(status);
        assertThat(r.jsonPath().getString("code")).isEqualTo(code);
        assertThat(r.jsonPath().getString("message")).isNotBlank();
    }

    @Test
    void noToken_isUnauthenticated_onEveryFunction() {
        for (String fn : List.of("getConversationList", "getConversation", "getConversationListByConversationIds",
                "deleteConversation", "setConversationDraft", "pinConversation", "setReceiveMessageOpt",
                "cleanConversationUnreadMessageCount", "getTotalUnreadMessageCount", "recordMessage", "setUserProfile",
                "setFriendRemark", "setGroupProfile", "addGroupMembers", "removeGroupMembers")) {
            assertError(call(null, fn, Map.of()), 401, "UNAUTHENTICATED");
        }
    }

    @Test
    void invalidTokens_areUnauthenticated() {
        String app = newApp();
        assertError(call("not.a.jwt", "getConversationList", Map.of()), 401, "UNAUTHENTICATED");
        // Signed with another key.
        String forged = DevTokens.token(DevTokens.newKeyPair().getPrivate(), DynamoDbTestResource.ISSUER, app, "u", "user", 3600);
        assertError(call(forged, "getConversationList", Map.of()), 401, "UNAUTHENTICATED");
        // Expired.
        String expired = DevTokens.token(DynamoDbTestResource.KEYS.getPrivate(), DynamoDbTestResource.ISSUER, app, "u", "user", -120);
        assertError(call(expired, "getConversationList", Map.of()), 401, "UNAUTHENTICATED");
        // Another issuer.
        String otherIssuer = DevTokens.token(DynamoDbTestResource.KEYS.getPrivate(), "someone-else", app, "u", "user", 3600);
        assertError(call(otherIssuer, "getConversationList", Map.of()), 401, "UNAUTHENTICATED");
    }

    @Test
    void userToken_cannotReadOrChangeAnotherUsersList() {
        String app = newApp();
        c2c(app, "alice", "bob", 1, t0, "secret");
        String mallory = userToken(app, "mallory");
        assertError(call(mallory, "getConversationList", body("userID", "bob")), 403, "PERMISSION_DENIED");
        assertError(call(mallory, "deleteConversation", body("userID", "bob", "conversationID", "c2c_alice")), 403, "PERMISSION_DENIED");
        // Mallory's own view of c2c_alice does not exist.
        assertError(call(mallory, "getConversation", body("conversationID", "c2c_alice")), 404, "NOT_FOUND");
        assertThat(wholeList(app, "bob", 20)).hasSize(1);
    }

    @Test
    void serviceToken_actsForAnyUserOfItsApp_andMustNameTheUser() {
        String app = newApp();
        c2c(app, "alice", "bob", 1, t0, "hi");
        Response r = ok(serviceToken(app), "getConversationList", body("userID", "bob"));
        assertThat(r.jsonPath().getList("conversationList")).hasSize(1);
        assertError(call(serviceToken(app), "getConversationList", Map.of()), 400, "INVALID_ARGUMENT");
    }

    @Test
    void appsAreIsolated_sameUserIdInTwoAppsSeesOnlyItsOwnApp() {
        String a = newApp();
        String b = newApp();
        c2c(a, "alice", "bob", 1, t0, "in app a");
        assertThat(wholeList(a, "bob", 20)).hasSize(1);
        assertThat(wholeList(b, "bob", 20)).isEmpty();
        assertThat(ok(serviceToken(b), "getConversationList", body("userID", "bob")).jsonPath().getList("conversationList")).isEmpty();
        assertError(call(userToken(b, "bob"), "getConversation", body("conversationID", "c2c_alice")), 404, "NOT_FOUND");
    }

    @Test
    void userToken_cannotCallServiceFunctions() {
        String app = newApp();
        String user = userToken(app, "alice");
        assertError(call(user, "recordMessage", body("type", "C2C", "msgID", "m", "seq", 1, "timestamp", t0,
                "senderID", "alice", "receiverID", "bob", "summary", "spoofed")), 403, "PERMISSION_DENIED");
        assertError(call(user, "setUserProfile", body("userID", "bob", "nickname", "x")), 403, "PERMISSION_DENIED");
        assertError(call(user, "setFriendRemark", body("userID", "bob", "friendUserID", "alice", "remark", "x")), 403, "PERMISSION_DENIED");
        assertError(call(user, "setGroupProfile", body("groupID", "g", "groupName", "x")), 403, "PERMISSION_DENIED");
        assertError(call(user, "addGroupMembers", body("groupID", "g", "groupType", "Work", "seq", 0, "userIDList", List.of("bob"))),
                403, "PERMISSION_DENIED");
        assertError(call(user, "removeGroupMembers", body("groupID", "g", "seq", 0, "userIDList", List.of("bob"))), 403, "PERMISSION_DENIED");
        assertThat(wholeList(app, "bob", 20)).isEmpty();
    }

    static String signed(io.smallrye.jwt.build.JwtClaimsBuilder claims) {
        return claims.issuer(DynamoDbTestResource.ISSUER).sign(DynamoDbTestResource.KEYS.getPrivate());
    }

    @Test
    void tokensWithBadClaimsOrTimes_areRefused_notA500() {
        String app = newApp();
        long now = clock.millis() / 1000;
        // 1. app as a number, an array, an object.
        for (Object badApp : List.of(42, List.of(app), Map.of("id", app))) {
            String token = signed(io.smallrye.jwt.build.Jwt.subject("u").claim("app", badApp).groups("user").issuedAt(now).expiresAt(now + 600));
            assertError(call(token, "getConversationList", Map.of()), 401, "UNAUTHENTICATED");
        }
        // 2. Both roles at once.
        String both = signed(io.smallrye.jwt.build.Jwt.subject("u").claim("app", app).groups(java.util.Set.of("user", "service"))
                .issuedAt(now).expiresAt(now + 600));
        assertError(call(both, "recordMessage", body("type", "C2C", "msgID", "m", "seq", 1, "timestamp", t0, "senderID", "x",
                "receiverID", "u")), 401, "UNAUTHENTICATED");
        // 3. Issued in the future beyond a minute; living longer than 24 h (configurable).
        String future = signed(io.smallrye.jwt.build.Jwt.subject("u").claim("app", app).groups("user").issuedAt(now + 300).expiresAt(now + 900));
        assertError(call(future, "getConversationList", Map.of()), 401, "UNAUTHENTICATED");
        String longLived = signed(io.smallrye.jwt.build.Jwt.subject("u").claim("app", app).groups("user").issuedAt(now).expiresAt(now + 25 * 3600));
        assertError(call(longLived, "getConversationList", Map.of()), 401, "UNAUTHENTICATED");
        String day = signed(io.smallrye.jwt.build.Jwt.subject("u").claim("app", app).groups("user").issuedAt(now).expiresAt(now + 24 * 3600));
        ok(day, "getConversationList", Map.of());
    }

    @Test
    void anyMethodButPost_is405WithTheErrorBody() {
        String token = userToken(newApp(), "u");
        for (String method : List.of("GET", "PUT", "DELETE", "PATCH")) {
            Response r = io.restassured.RestAssured.given().header("Authorization", "Bearer " + token).queryParam("count", 5)
                    .request(method, "/getConversationList");
            assertError(r, 405, "METHOD_NOT_ALLOWED");
            assertThat(r.header("Allow")).isEqualTo("POST");
        }
    }
}
