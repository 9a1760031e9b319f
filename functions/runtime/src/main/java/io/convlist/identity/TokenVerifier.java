package io.convlist.identity;

import java.time.Clock;
import java.util.Set;

import org.eclipse.microprofile.jwt.JsonWebToken;

import io.convlist.domain.ErrorCode;
import io.convlist.domain.Ids;
import io.convlist.domain.ServiceException;
import io.smallrye.jwt.auth.principal.JWTParser;
import io.smallrye.jwt.auth.principal.ParseException;

/**
 * Verifies a JWT and reads its caller: for the functions' calls, the live channel's connections and
 * the AWS live channel's authorizer alike (each application makes one with its parser).
 * smallrye-jwt's parser checks the signature, issuer, audience and expiry. Claims: {@code sub} the user or service name, {@value #APP_CLAIM}
 * the app ID, {@code groups} containing {@value #USER_ROLE} or {@value #SERVICE_ROLE}.
 */
public class TokenVerifier {
    public static final String APP_CLAIM = "app";
    public static final String USER_ROLE = "user";
    public static final String SERVICE_ROLE = "service";

    private final JWTParser parser;
    private final TokenConfig tokens;
    private final Clock clock;

    /** @param parser smallrye-jwt's, configured with the issuer's keys, issuer and audience */
    public TokenVerifier(JWTParser parser, TokenConfig tokens, Clock clock) {
        this.parser = parser;
        this.tokens = tokens;
        this.clock = clock;
    }

    /** The caller a valid token names, and when the token expires (epoch seconds). */
    public record Verified(Caller caller, long expiresAtSecond) {
    }

    /** UNAUTHENTICATED (or PERMISSION_DENIED for a token with no role) unless the token is valid. */
    public Verified verify(String token) {
        try {
            JsonWebToken jwt = parser.parse(token);
            requireSensibleTimes(jwt);
            Object app = jwt.getClaim(APP_CLAIM);
            String subject = jwt.getSubject();
            if (!(app instanceof String appId) || subject == null) {
                throw new ServiceException(ErrorCode.UNAUTHENTICATED, "the token lacks the app claim (a string) or the sub claim");
            }
            Set<String> groups = jwt.getGroups() == null ? Set.of() : jwt.getGroups();
            Caller.Role role;
            if (groups.contains(SERVICE_ROLE) && groups.contains(USER_ROLE)) {
                throw new ServiceException(ErrorCode.UNAUTHENTICATED, "the token claims both the user and the service role");
            } else if (groups.contains(SERVICE_ROLE)) {
                role = Caller.Role.SERVICE;
            } else if (groups.contains(USER_ROLE)) {
                role = Caller.Role.USER;
                Ids.requireUserId("sub", subject);
            } else {
                throw new ServiceException(ErrorCode.PERMISSION_DENIED, "the token has neither the user nor the service role");
            }
            Ids.requireAppId("app", appId);
            return new Verified(new Caller(appId, subject, role), jwt.getExpirationTime());
        } catch (ParseException e) {
            throw new ServiceException(ErrorCode.UNAUTHENTICATED, "the bearer token is invalid or expired");
        } catch (ServiceException e) {
            if (e.code() == ErrorCode.INVALID_ARGUMENT) {
                throw new ServiceException(ErrorCode.UNAUTHENTICATED, "the token's claims are malformed: " + e.getMessage());
            }
            throw e;
        }
    }

    /** iat is required, not in the future beyond the allowed skew, and the token lives no longer than allowed. */
    private void requireSensibleTimes(JsonWebToken jwt) {
        long issuedAt = jwt.getIssuedAtTime();
        if (issuedAt <= 0) {
            throw new ServiceException(ErrorCode.UNAUTHENTICATED, "the token lacks the iat claim");
        }
        if (issuedAt > clock.instant().plus(tokens.clockSkew()).getEpochSecond()) {
            throw new ServiceException(ErrorCode.UNAUTHENTICATED, "the token is issued in the future");
        }
        if (jwt.getExpirationTime() - issuedAt > tokens.maxLifetime().toSeconds()) {
            throw new ServiceException(ErrorCode.UNAUTHENTICATED, "the token lives longer than " + tokens.maxLifetime().toHours() + " h");
        }
    }
}
