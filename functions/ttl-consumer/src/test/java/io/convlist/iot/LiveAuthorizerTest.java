package io.convlist.iot;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.convlist.domain.AppSettings;
import io.convlist.domain.Edition;
import io.convlist.domain.GroupType;
import io.convlist.domain.message.MembershipChange;
import io.convlist.store.ConversationStore;
import io.convlist.store.app.AppSettingsStore;
import io.convlist.testkit.DevTokens;
import io.convlist.testkit.DynamoDbTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

/**
 * IoT Core's custom authorizer, with real tokens signed by the test issuer's key: a user's token buys
 * exactly its own client IDs and topic until it expires; anything else is refused. The answers are
 * read as IoT reads them: JSON.
 */
@QuarkusTest
@QuarkusTestResource(DynamoDbTestResource.class)
@QuarkusTestResource(IotEndpointTestResource.class)
class LiveAuthorizerTest {
    static final String ARN = "arn:aws:iot:us-east-1:123456789012:";

    @Inject
    LiveAuthorizerHandler handler;

    @Inject
    ObjectMapper json;

    @Inject
    ConversationStore store;

    @Inject
    IotLiveConfig config;

    @Inject
    AppSettingsStore settings;

    String token(String app, String subject, String role, long lifetimeSeconds) {
        return DevTokens.token(DynamoDbTestResource.KEYS.getPrivate(), DynamoDbTestResource.ISSUER, app, subject, role, lifetimeSeconds);
    }

    JsonNode authorize(Map<String, Object> request) throws Exception {
        LiveAuthorizer.Request parsed = json.convertValue(request, LiveAuthorizer.Request.class);
        return json.readTree(json.writeValueAsString(handler.handleRequest(parsed, null)));
    }

    static Map<String, Object> mqtt(String token) {
        return Map.of("protocols", List.of("tls", "mqtt"), "signatureVerified", false, "protocolData", Map.of("mqtt", Map.of(
                "username", "device", "clientId", "a1/alice/0",
                "password", Base64.getEncoder().encodeToString(token.getBytes(StandardCharsets.UTF_8)))));
    }

    @Test
    void aUsersToken_buysItsOwnClientIdsAndTopic_untilItExpires() throws Exception {
        JsonNode answer = authorize(mqtt(token("a1", "alice", "user", 3600)));

        assertThat(answer.get("isAuthenticated").asBoolean()).isTrue();
        assertThat(answer.get("principalId").asText()).matches("[a-zA-Z0-9]{1,128}");
        assertThat(answer.get("disconnectAfterInSeconds").asLong()).isBetween(3590L, 3600L);
        assertThat(answer.get("refreshAfterInSeconds").asLong()).isEqualTo(answer.get("disconnectAfterInSeconds").asLong());
        JsonNode statements = answer.at("/policyDocuments/0/Statement");
        assertThat(statements).hasSize(3);
        Map<String, JsonNode> byAction = new java.util.HashMap<>();
        statements.forEach(s -> byAction.put(s.get("Action").asText(), s.get("Resource")));
        // max-connections-per-user is 3 in the tests: three client IDs, so a fourth device takes one of them over.
        assertThat(byAction.get("iot:Connect")).extracting(JsonNode::asText)
                .containsExactly(ARN + "client/a1/alice/0", ARN + "client/a1/alice/1", ARN + "client/a1/alice/2");
        assertThat(byAction.get("iot:Subscribe").asText()).isEqualTo(ARN + "topicfilter/convlist/a1/user/alice");
        assertThat(byAction.get("iot:Receive").asText()).isEqualTo(ARN + "topic/convlist/a1/user/alice");
        assertThat(answer.toString()).doesNotContain("iot:Publish").doesNotContain("*");

        // The same owner, another device: the same principal. Another app's alice: another one.
        assertThat(authorize(mqtt(token("a1", "alice", "user", 3600))).get("principalId")).isEqualTo(answer.get("principalId"));
        assertThat(authorize(mqtt(token("a2", "alice", "user", 3600))).get("principalId")).isNotEqualTo(answer.get("principalId"));
    }

    /**
     * A member of large groups may also subscribe to and receive those groups' topics (read from the
     * list's bookkeeping at connect), and no other group's.
     */
    @Test
    void aMemberOfLargeGroups_mayAlsoHearThoseGroups() throws Exception {
        String app = "a" + UUID.randomUUID().toString().substring(0, 6);
        settings.put(new AppSettings(app, app, Edition.STANDARD, 100, 7, 2), "test"); // large from 2 members
        for (String group : List.of("g1", "g2")) {
            store.addGroupMembers(app, new MembershipChange(group, GroupType.Work, 0, List.of("alice", "carol")).validated(true));
        }
        store.addGroupMembers(app, new MembershipChange("other", GroupType.Work, 0, List.of("bob", "carol")).validated(true));
        JsonNode answer = authorize(mqtt(token(app, "alice", "user", 3600)));
        assertThat(answer.get("policyDocuments")).hasSize(2);
        JsonNode groups = answer.at("/policyDocuments/1/Statement");
        Map<String, List<String>> byAction = new java.util.HashMap<>();
        groups.forEach(s -> byAction.put(s.get("Action").asText(), java.util.stream.StreamSupport.stream(s.get("Resource").spliterator(), false)
                .map(JsonNode::asText).toList()));
        assertThat(byAction.get("iot:Subscribe")).containsExactly(ARN + "topicfilter/convlist/" + app + "/group/g1",
                ARN + "topicfilter/convlist/" + app + "/group/g2");
        assertThat(byAction.get("iot:Receive")).containsExactly(ARN + "topic/convlist/" + app + "/group/g1",
                ARN + "topic/convlist/" + app + "/group/g2");
        assertThat(answer.toString()).doesNotContain("group/other");
    }

    /** However many large groups, IoT's bounds hold: at most 10 documents of at most 2,048 characters each. */
    @Test
    void manyLargeGroups_fitIoTsPolicyBounds_theFirstByIdKept() throws Exception {
        List<String> groups = java.util.stream.IntStream.range(0, 500).mapToObj(i -> String.format("group-with-a-long-name-%03d", i)).toList();
        List<Map<String, Object>> documents = LivePolicies.largeGroups(config, "app-with-a-long-id", groups);
        assertThat(documents).hasSize(LivePolicies.MAX_POLICY_DOCUMENTS - 1);
        for (Map<String, Object> document : documents) {
            assertThat(json.writeValueAsString(document).length()).isLessThanOrEqualTo(LivePolicies.MAX_POLICY_CHARS);
        }
        String all = json.writeValueAsString(documents);
        assertThat(all).contains("group-with-a-long-name-000").doesNotContain("group-with-a-long-name-499");
    }

    @Test
    void aBrowsersToken_comesInTheWebSocketUrlsQuery() throws Exception {
        String token = token("a1", "bob", "user", 3600);
        JsonNode answer = authorize(Map.of("protocols", List.of("tls", "http", "mqtt"), "protocolData", Map.of("http", Map.of(
                "headers", Map.of("host", "example-ats.iot.us-east-1.amazonaws.com"),
                "queryString", "?x-amz-customauthorizer-name=convlist-live&token=" + token))));
        assertThat(answer.get("isAuthenticated").asBoolean()).isTrue();
        assertThat(answer.toString()).contains("topic/convlist/a1/user/bob");
    }

    @Test
    void everyOtherToken_isRefused_withoutAPolicy() throws Exception {
        String forged = DevTokens.token(DevTokens.newKeyPair().getPrivate(), DynamoDbTestResource.ISSUER, "a1", "alice", "user", 3600);
        Map<String, Map<String, Object>> refused = Map.of(
                "no token", Map.of("protocolData", Map.of("mqtt", Map.of("username", "device"))),
                "forged", mqtt(forged),
                "expired", mqtt(token("a1", "alice", "user", -60)),
                "the app's service token", mqtt(token("a1", "backend", "service", 3600)),
                "expiring before IoT's shortest connection (300 s)", mqtt(token("a1", "alice", "user", 200)),
                "not base64", Map.of("protocolData", Map.of("mqtt", Map.of("password", "%%%"))));
        for (Map.Entry<String, Map<String, Object>> request : refused.entrySet()) {
            JsonNode answer = authorize(request.getValue());
            assertThat(answer.get("isAuthenticated").asBoolean()).as(request.getKey()).isFalse();
            assertThat(answer.has("policyDocuments")).as(request.getKey()).isFalse();
        }
    }
}
