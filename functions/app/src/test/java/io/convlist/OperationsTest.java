package io.convlist;

import static io.convlist.testing.Api.*;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.convlist.readiness.TableReadiness;
import io.convlist.runtime.StoreConfig;
import io.convlist.testkit.DynamoDbTestResource;
import io.convlist.testkit.FaultInjector;
import io.convlist.testkit.MutableClock;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.vertx.core.json.JsonObject;
import jakarta.inject.Inject;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/** What an operator sees: one JSON log line per call, the request ID, and readiness. */
@QuarkusTest
@QuarkusTestResource(DynamoDbTestResource.class)
class OperationsTest {
    static final Path LOG = Path.of("target/functions-test.log");
    @Inject
    MutableClock clock;

    /** A time before the test on the application's clock, taken as it starts: the tests' messages are sent from here on. */
    long t0;

    @BeforeEach
    void takeTheTestsStartingTime() {
        t0 = clock.millis() - 60_000;
    }

    @Inject
    DynamoDbClient ddb;

    @Inject
    FaultInjector faults;

    Response post(String token, String requestId, String function, Object body) {
        var request = given().contentType(ContentType.JSON);
        if (token != null) {
            request = request.header("Authorization", "Bearer " + token);
        }
        if (requestId != null) {
            request = request.header("X-Request-Id", requestId);
        }
        return request.body(body).post("/" + function);
    }

    @Test
    void everyCall_logsOneJsonLine_withItsOutcomeAndRequests_andNeitherTokensNorTexts() throws Exception {
        String app = newApp();
        String service = serviceToken(app);
        String user = userToken(app, "bob");
        String summary = "summary-" + UUID.randomUUID();
        String draft = "draft-" + UUID.randomUUID();
        c2c(app, "alice", "bob", 1, t0, summary);

        String messageId = "req-" + UUID.randomUUID();
        Response message = post(service, messageId, "recordMessage", body("type", "C2C", "msgID", "m2", "seq", 2, "timestamp", t0 + 1,
                "senderID", "alice", "receiverID", "bob", "summary", summary));
        assertThat(message.statusCode()).isEqualTo(200);
        assertThat(message.header("X-Request-Id")).isEqualTo(messageId);
        Response drafted = post(user, null, "setConversationDraft", body("conversationID", "c2c_alice", "draftText", draft));
        assertThat(drafted.statusCode()).isEqualTo(200);
        String draftId = drafted.header("X-Request-Id");
        assertThat(UUID.fromString(draftId)).isNotNull(); // none given: a new one
        // A caller's ID that is not a plain token is replaced.
        assertThat(post(user, "bad id\u00e9", "getTotalUnreadMessageCount", Map.of()).header("X-Request-Id")).isNotEqualTo("bad id\u00e9");
        String badId = "req-" + UUID.randomUUID();
        assertThat(post(user, badId, "setConversationDraft", body("conversationID", "nope", "draftText", draft)).statusCode()).isEqualTo(400);
        // A body that is not JSON: refused, and its text stays out of the log (Funqy logs what it cannot parse).
        String bareWord = "secret" + UUID.randomUUID().toString().replace("-", ""); // the parser would quote it whole
        String malformed = "{\"type\":\"C2C\",\"summary\":\"" + summary + "\",\"seq\": " + bareWord + " }";
        assertThat(given().contentType(ContentType.JSON).header("Authorization", "Bearer " + service).body(malformed)
                .post("/recordMessage").statusCode()).isEqualTo(400);
        String anonymousId = "req-" + UUID.randomUUID();
        assertThat(post(null, anonymousId, "getConversationList", Map.of()).statusCode()).isEqualTo(401);

        // A C2C message into existing conversations: 2 UpdateItem; a draft: 1 UpdateItem.
        assertThat(line(messageId)).containsEntry("function", "recordMessage").containsEntry("app", app).containsEntry("status", "200")
                .containsEntry("code", "OK").containsEntry("dynamoDbRequests", "2").containsKey("durationMs");
        assertThat(line(draftId)).containsEntry("function", "setConversationDraft").containsEntry("status", "200")
                .containsEntry("dynamoDbRequests", "1");
        assertThat(line(badId)).containsEntry("status", "400").containsEntry("code", "INVALID_ARGUMENT")
                .containsEntry("dynamoDbRequests", "0");
        assertThat(line(anonymousId)).containsEntry("status", "401").containsEntry("code", "UNAUTHENTICATED").containsEntry("app", "");
        String everything = Files.readString(LOG);
        assertThat(everything).doesNotContain(service).doesNotContain(user).doesNotContain(summary).doesNotContain(draft)
                .doesNotContain(bareWord);
    }

    /** The call line of that request, as its JSON "mdc" fields; it is written once the answer is sent. */
    static Map<String, Object> line(String requestId) throws IOException, InterruptedException {
        for (int attempt = 0; attempt < 100; attempt++) {
            List<Map<String, Object>> lines = Files.readAllLines(LOG).stream().filter(l -> l.contains(requestId))
                    .map(l -> new JsonObject(l)).filter(j -> j.getString("message", "").startsWith("call "))
                    .map(j -> j.getJsonObject("mdc").getMap()).toList();
            if (!lines.isEmpty()) {
                assertThat(lines).hasSize(1);
                assertThat(lines.get(0)).containsEntry("requestId", requestId);
                return lines.get(0);
            }
            Thread.sleep(20); // the line follows the answer by a moment
        }
        throw new AssertionError("no call line for " + requestId);
    }

    @Test
    void metrics_countCallsByFunctionAndCode_andTheirDynamoDbRequests() {
        String app = newApp();
        String user = userToken(app, "bob");
        c2c(app, "alice", "bob", 1, t0, "hi");
        double okBefore = metric("convlist_calls_seconds_count", "code=\"OK\",function=\"setConversationDraft\"");
        double badBefore = metric("convlist_calls_seconds_count", "code=\"INVALID_ARGUMENT\",function=\"setConversationDraft\"");
        double requestsBefore = metric("convlist_calls_dynamodb_requests_sum", "function=\"setConversationDraft\"");
        double unknownBefore = metric("convlist_calls_seconds_count", "code=\"NOT_FOUND\",function=\"unknown\"");
        for (int i = 0; i < 3; i++) {
            ok(user, "setConversationDraft", body("conversationID", "c2c_alice", "draftText", "d" + i));
        }
        assertThat(call(user, "setConversationDraft", body("conversationID", "nope", "draftText", "d")).statusCode()).isEqualTo(400);
        for (int i = 0; i < 2; i++) { // paths that name no function share one meter
            assertThat(call(user, "noSuchFunction" + UUID.randomUUID(), Map.of()).statusCode()).isEqualTo(404);
        }
        awaitMetric("convlist_calls_seconds_count", "code=\"OK\",function=\"setConversationDraft\"", okBefore + 3);
        awaitMetric("convlist_calls_seconds_count", "code=\"INVALID_ARGUMENT\",function=\"setConversationDraft\"", badBefore + 1);
        awaitMetric("convlist_calls_dynamodb_requests_sum", "function=\"setConversationDraft\"", requestsBefore + 3); // 1 UpdateItem each
        awaitMetric("convlist_calls_seconds_count", "code=\"NOT_FOUND\",function=\"unknown\"", unknownBefore + 2);
        assertThat(given().get("/q/metrics").asString()).doesNotContain("noSuchFunction");
    }

    @Test
    void aWriteThatKeepsLosingToConcurrentWriters_countsItsRetries_andTheThrottledAnswer_forItsApp() throws Exception {
        String app = newApp();
        c2c(app, "alice", "bob", 1, t0, "hi");
        String requestId = "req-" + UUID.randomUUID();
        faults.arm(FaultInjector.Fault.TRANSACTION_CONFLICT, 1, 1); // every transaction loses
        try {
            Response pin = post(userToken(app, "bob"), requestId, "pinConversation", body("conversationID", "c2c_alice", "isPinned", true));
            assertThat(pin.statusCode()).isEqualTo(429);
        } finally {
            faults.disarm();
        }
        // Tried 12 times (Attempts.MAX): 11 retries, then THROTTLED.
        assertThat(line(requestId)).containsEntry("code", "THROTTLED").containsEntry("retries", "11");
        awaitMetric("convlist_app_retries_total", "app=\"" + app + "\"", 11);
        awaitMetric("convlist_app_calls_total", "app=\"" + app + "\",code=\"THROTTLED\"", 1);
        awaitMetric("convlist_app_calls_total", "app=\"" + app + "\",code=\"OK\"", 1); // the message before
    }

    /** The value of a Prometheus sample whose labels include {@code labels}; 0 if there is none yet. */
    static double metric(String name, String labels) {
        for (String line : given().get("/q/metrics").asString().split("\n")) {
            if (line.startsWith(name + "{") && line.contains(labels)) {
                return Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
            }
        }
        return 0;
    }

    /** Metrics are recorded once the answer is sent: a moment after the client has it. */
    static void awaitMetric(String name, String labels, double expected) {
        double seen = 0;
        for (int attempt = 0; attempt < 100 && (seen = metric(name, labels)) != expected; attempt++) {
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
        }
        assertThat(seen).as(name + "{" + labels + "}").isEqualTo(expected);
    }

    @Test
    void readiness_isUpWithTheTable_andDownWithoutIt() {
        given().get("/q/health/ready").then().statusCode(200);
        assertThat(given().get("/q/health/ready").jsonPath().getString("checks[0].data.status")).isEqualTo("ACTIVE");
        var missing = new TableReadiness(ddb, new TableOnly("no-such-table")).call();
        assertThat(missing.getStatus().name()).isEqualTo("DOWN");
        assertThat(missing.getData().orElseThrow()).containsEntry("error", "ResourceNotFoundException");
    }

    /** The one setting the readiness check reads. */
    record TableOnly(String table) implements StoreConfig {
        @Override
        public boolean createTable() {
            return false;
        }

        @Override
        public Optional<List<String>> createApps() {
            return Optional.empty();
        }

        @Override
        public DynamoDb dynamodb() {
            throw new UnsupportedOperationException();
        }

        @Override
        public int settingsCacheSeconds() {
            return 0;
        }

        @Override
        public int fanOutParallelism() {
            return 0;
        }
    }
}
