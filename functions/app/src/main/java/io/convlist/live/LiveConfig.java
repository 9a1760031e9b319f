package io.convlist.live;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** The live channel's limits, and where its events come from when it runs beside the functions. */
@ConfigMapping(prefix = "convlist.live")
public interface LiveConfig {

    /** Connections one user may hold at once; a further one closes the user's oldest (close code 4008). */
    @WithDefault("10")
    int maxConnectionsPerUser();

    /**
     * The web origins whose pages may connect (a browser sends its page's Origin; other clients send
     * none and are not checked); {@code *} allows any. Absent: no browser page may connect.
     */
    Optional<List<String>> allowedOrigins();

    /** Frames a connection may have unsent before it is closed as too slow (close code 4009). */
    @WithDefault("256")
    int maxUnsentFrames();

    /** How often connections are checked for an expired token (close code 4001) and sent a ping. */
    @WithDefault("PT15S")
    Duration sweepInterval();

    /**
     * Read the table's stream in this process and push its changes to the devices connected here (the
     * local run, tests, and one-instance container deployments). Off on AWS, where a stream consumer
     * publishes.
     */
    @WithDefault("false")
    boolean tailStream();

    /** How long the stream tail waits after a read that found nothing. */
    @WithDefault("PT0.1S")
    Duration tailIdle();
}
