package io.convlist.iot;

import java.net.URI;
import java.time.Duration;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * The live channel on AWS IoT Core: environment CONVLIST_LIVE_IOT_ENDPOINT, ... (the deployment sets
 * them; the defaults are in application.properties, beside the variables' names).
 */
@ConfigMapping(prefix = "convlist.live")
public interface IotLiveConfig {

    /** The account's IoT data endpoint (https://…-ats.iot.REGION.amazonaws.com); absent: nothing is published. */
    Optional<URI> iotEndpoint();

    /** {@code arn:aws:iot:REGION:ACCOUNT:}, under which the authorizer's policies name client IDs and topics. */
    String iotArnPrefix();

    /** A user's devices connected at once (1 to 10: one policy names each client ID). */
    int maxConnectionsPerUser();

    /** How long one publish may take; a publish that fails or times out is dropped (sync repairs it). */
    @WithDefault("PT2S")
    Duration publishTimeout();
}
