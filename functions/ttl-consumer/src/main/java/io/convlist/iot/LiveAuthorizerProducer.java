package io.convlist.iot;

import java.time.Clock;
import java.util.Optional;
import java.util.Set;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.convlist.identity.TokenVerifier;
import io.convlist.identity.TokenConfig;
import io.convlist.store.ConversationStore;
import io.smallrye.jwt.auth.principal.DefaultJWTParser;
import io.smallrye.jwt.auth.principal.JWTAuthContextInfo;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

/**
 * The authorizer's token checks: the functions' own ({@link TokenVerifier}), on smallrye-jwt's parser
 * configured from the same mp.jwt.verify.* settings (the issuer's keys, issuer, audience), and the
 * user's large groups from the table.
 */
@Singleton
public class LiveAuthorizerProducer {

    @Produces
    @Singleton
    LiveAuthorizer liveAuthorizer(@ConfigProperty(name = "mp.jwt.verify.publickey.location") String keys,
            @ConfigProperty(name = "mp.jwt.verify.issuer") String issuer,
            @ConfigProperty(name = "mp.jwt.verify.audiences") Optional<Set<String>> audiences,
            TokenConfig tokens, IotLiveConfig config, Clock clock, ConversationStore store) {
        JWTAuthContextInfo verification = new JWTAuthContextInfo(keys, issuer);
        audiences.ifPresent(verification::setExpectedAudience);
        return new LiveAuthorizer(new TokenVerifier(new DefaultJWTParser(verification), tokens, clock), config, clock,
                store::largeGroupsOf);
    }
}
