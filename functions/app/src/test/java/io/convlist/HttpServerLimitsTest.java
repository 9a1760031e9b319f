package io.convlist;

import static io.convlist.testing.Api.*;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import io.convlist.testkit.DynamoDbTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

/** The HTTP server's own limits answer with the error body, and a caller that hangs up is no error. */
@QuarkusTest
@QuarkusTestResource(DynamoDbTestResource.class)
class HttpServerLimitsTest {

    @ConfigProperty(name = "quarkus.http.test-port")
    int port;

    @Test
    void aTooLongUri_is414_withTheErrorBody() {
        Response r = given().header("Authorization", "Bearer " + userToken(newApp(), "alice")).contentType("application/json")
                .body("{}").post("/getConversationList?" + "x".repeat(9000));
        assertThat(r.statusCode()).isEqualTo(414);
        assertThat(r.jsonPath().getString("code")).isEqualTo("URI_TOO_LONG");
        assertThat(r.jsonPath().getString("message")).contains("8192");
    }

    @Test
    void tooLargeHeaders_are431_withTheErrorBody() {
        Response r = given().header("Authorization", "Bearer " + userToken(newApp(), "alice")).header("X-Padding", "y".repeat(40_000))
                .contentType("application/json").body("{}").post("/getConversationList");
        assertThat(r.statusCode()).isEqualTo(431);
        assertThat(r.jsonPath().getString("code")).isEqualTo("HEADERS_TOO_LARGE");
    }

    static boolean hangUpLine(LogRecord r) {
        return r.getMessage() != null && r.getMessage().contains("hung up");
    }

    @Test
    void aCallerHangingUpMidRequest_isLoggedOnceBelowWarning() throws Exception {
        List<LogRecord> records = new CopyOnWriteArrayList<>();
        Handler capture = new Handler() {
            @Override
            public void publish(LogRecord r) {
                records.add(r);
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        java.util.logging.Logger root = java.util.logging.Logger.getLogger("");
        root.addHandler(capture);
        try {
            String token = userToken(newApp(), "alice");
            try (Socket s = new Socket("127.0.0.1", port)) {
                OutputStream out = s.getOutputStream();
                out.write(("POST /getConversationList HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
                        + "Authorization: Bearer " + token + "\r\nContent-Length: 1000\r\n\r\n{\"count\":").getBytes(StandardCharsets.US_ASCII));
                out.flush();
            }
            // Hung-up connections are noticed on the event loop; wait for the line, at most 10 s.
            for (int i = 0; i < 200 && records.stream().noneMatch(HttpServerLimitsTest::hangUpLine); i++) {
                Thread.sleep(50);
            }
            assertThat(records.stream().filter(HttpServerLimitsTest::hangUpLine)).hasSize(1)
                    .allMatch(r -> r.getLevel().intValue() == Level.INFO.intValue() && r.getThrown() == null);
            assertThat(records).noneMatch(r -> r.getLevel().intValue() >= Level.WARNING.intValue());
            ok(token, "getConversationList", body("count", 1));
        } finally {
            root.removeHandler(capture);
        }
    }
}
