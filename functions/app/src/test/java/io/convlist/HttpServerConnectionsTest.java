package io.convlist;

import static io.convlist.testing.Api.*;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import io.convlist.testkit.DynamoDbTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;

/**
 * Idle connections cannot pile up: past the connection limit new ones are closed as they arrive, and
 * an idle one is closed after the idle timeout (both lowered here, to 4 and 1 s).
 */
@QuarkusTest
@TestProfile(HttpServerConnectionsTest.FewConnections.class)
@QuarkusTestResource(DynamoDbTestResource.class)
class HttpServerConnectionsTest {
    static final int LIMIT = 4;

    public static class FewConnections implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("quarkus.http.limits.max-connections", String.valueOf(LIMIT), "quarkus.http.idle-timeout", "1S");
        }
    }

    @ConfigProperty(name = "quarkus.http.test-port")
    int port;

    /** True if the server closed this connection within the time given (end of stream or reset). */
    static boolean closedWithin(Socket s, int millis) throws IOException {
        s.setSoTimeout(millis);
        InputStream in = s.getInputStream();
        try {
            return in.read() == -1;
        } catch (SocketException reset) {
            return true;
        } catch (SocketTimeoutException stillOpen) {
            return false;
        }
    }

    /** A connection that has begun a request and stalls in its headers. */
    Socket startRequest() throws IOException {
        Socket s = new Socket("127.0.0.1", port);
        s.getOutputStream().write("POST /getConversationList HTTP/1.1\r\nHost: localhost\r\n".getBytes(StandardCharsets.US_ASCII));
        s.getOutputStream().flush();
        return s;
    }

    @Test
    void pastTheLimit_newConnectionsAreClosed_andAnIdleOneIsClosedAfterTheTimeout() throws Exception {
        List<Socket> open = new ArrayList<>();
        try {
            // Silent connections and ones stalled in their headers count alike.
            for (int i = 0; i <= LIMIT; i++) {
                open.add(i % 2 == 0 ? new Socket("127.0.0.1", port) : startRequest());
            }
            // Well within the 1 s idle timeout, exactly the one past the limit is closed.
            int closedAtOnce = 0;
            for (Socket s : open) {
                closedAtOnce += closedWithin(s, 120) ? 1 : 0;
            }
            assertThat(closedAtOnce).isEqualTo(1);
            // The others go after the idle timeout; then calls are served again.
            for (Socket s : open) {
                assertThat(closedWithin(s, 5000)).isTrue();
            }
        } finally {
            for (Socket s : open) {
                s.close();
            }
        }
        ok(userToken(newApp(), "alice"), "getConversationList", body("count", 1));
    }
}
