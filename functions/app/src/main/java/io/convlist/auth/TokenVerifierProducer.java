package io.convlist.auth;

import java.time.Clock;

import io.convlist.identity.TokenVerifier;
import io.convlist.identity.TokenConfig;
import io.smallrye.jwt.auth.principal.JWTParser;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;

/** The functions' token verifier, on the parser smallrye-jwt configures from mp.jwt.verify.*. */
@ApplicationScoped
public class TokenVerifierProducer {

    @Produces
    @ApplicationScoped
    TokenVerifier tokenVerifier(JWTParser parser, TokenConfig tokens, Clock clock) {
        return new TokenVerifier(parser, tokens, clock);
    }
}
