package io.convlist.identity;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** What a bearer token may claim about time, beyond smallrye-jwt's own checks (signature, issuer, expiry). */
@ConfigMapping(prefix = "convlist.tokens")
public interface TokenConfig {

    /** The longest a token may live (exp − iat); a longer-lived one is refused. */
    @WithDefault("PT24H")
    Duration maxLifetime();

    /** How far in the future iat may be (the issuer's clock may run ahead of this one). */
    @WithDefault("PT1M")
    Duration clockSkew();
}
