package io.convlist.live;

import java.net.URI;

import io.convlist.testkit.MutableClock;
import io.quarkus.test.common.http.TestHTTPResource;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;

/** What the live channel's tests share: the channel's address on the running functions, and their clock, reset after each test. */
abstract class LiveChannelTest {
    @TestHTTPResource("/live")
    URI http;

    @Inject
    MutableClock clock;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    /** The channel's ws:// URI. */
    URI live() {
        return URI.create(http.toString().replaceFirst("^http", "ws"));
    }
}
