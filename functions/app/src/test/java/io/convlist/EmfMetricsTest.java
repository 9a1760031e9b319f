package io.convlist;

import static io.convlist.testing.Api.*;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.convlist.testkit.DynamoDbTestResource;
import io.convlist.testkit.MutableClock;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.vertx.core.json.JsonObject;
import jakarta.inject.Inject;

/** On Lambda each call's figures go out as one Embedded Metric Format line (CloudWatch reads it; no API call). */
@QuarkusTest
@QuarkusTestResource(DynamoDbTestResource.class)
@TestProfile(EmfMetricsTest.OnLambda.class)
class EmfMetricsTest {
    @Inject
    MutableClock clock;

    public static class OnLambda implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("convlist.metrics.emf-namespace", "ConvListTest");
        }
    }

    @Test
    void eachCall_writesOneEmfLine_withItsFunctionCodeLatencyAndRequests() throws Exception {
        String app = newApp();
        c2c(app, "alice", "bob", 1, clock.millis() - 60_000, "hi");
        PrintStream stdout = System.out;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
        List<JsonObject> lines;
        try {
            ok(userToken(app, "bob"), "setConversationDraft", body("conversationID", "c2c_alice", "draftText", "x"));
            lines = List.of();
            for (int attempt = 0; attempt < 100 && lines.isEmpty(); attempt++) {
                Thread.sleep(20); // the line follows the answer by a moment
                lines = captured.toString(StandardCharsets.UTF_8).lines().filter(l -> l.startsWith("{") && l.contains("\"_aws\""))
                        .map(JsonObject::new).filter(j -> "setConversationDraft".equals(j.getString("function"))).toList();
            }
        } finally {
            System.setOut(stdout);
        }
        assertThat(lines).hasSize(1);
        JsonObject line = lines.get(0);
        assertThat(line.getString("code")).isEqualTo("OK");
        assertThat(line.getDouble("calls")).isEqualTo(1.0);
        assertThat(line.getDouble("dynamoDbRequests")).isEqualTo(1.0);
        assertThat(line.getDouble("latency")).isPositive();
        JsonObject directive = line.getJsonObject("_aws").getJsonArray("CloudWatchMetrics").getJsonObject(0);
        assertThat(directive.getString("Namespace")).isEqualTo("ConvListTest");
        // By function and code, and by code alone (what the stack's alarm on INTERNAL watches).
        assertThat(directive.getJsonArray("Dimensions").getList()).contains(List.of("function", "code"), List.of("code"));
    }
}
