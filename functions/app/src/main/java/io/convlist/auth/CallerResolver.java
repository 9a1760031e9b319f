package io.convlist.auth;

import java.time.Clock;
import java.util.Set;

import org.eclipse.microprofile.jwt.JsonWebToken;

import io.convlist.calls.CallRecord;
import io.convlist.config.TokenConfig;
import io.convlist.domain.ErrorCode;
import io.convlist.domain.Ids;
import io.convlist.domain.ServiceException;
import io.quarkus.vertx.http.runtime.CurrentVertxRequest;
import io.smallrye.jwt.auth.principal.JWTParser;
import io.smallrye.jwt.auth.principal.ParseException;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;

/**
 * Turns the request's bearer JWT into a {@link Caller}. smallrye-jwt's parser verifies it
 * (signature, issuer, audience, expiry) with the mp.jwt.verify.* configuration. The functions call
 * this themselves rather than through an HTTP authentication mechanism, so that a missing or bad
 * token takes the same error path, and the same {code, message} body, as every other failure. Claims: {@code sub} the user or service name, {@value #APP_CLAIM} the app ID,
 * {@code groups} containing {@value #USER_ROLE} or {@value #SERVICE_ROLE}.
 */
@RequestScoped
public class CallerResolver {
    public static final String APP_CLAIM = "app";
    public static final String USER_ROLE = "user";
    public static final String SERVICE_ROLE = "service";

    private static final String BEARER = "Bearer ";

    @Inject
    CurrentVertxRequest request;

    @Inject
    JWTParser parser;

    @Inject
    TokenConfig tokens;

    @Inject
    Clock clock;

    private Caller resolved;

    public Caller caller() {
        if (resolved == null) {
            resolved = resolve();
            CallRecord.of(request.getCurrent()).ifPresent(call -> call.app(resolved.appId()));
        }
        return resolved;
    }

    /** The app of a service caller; PERMISSION_DENIED for a user token. */
    public String serviceApp() {
        Caller caller = caller();
        caller.requireService();
        return caller.appId();
    }

    /** The list a user function acts on; a user token may name only itself. */
    public ListOwner owner(String requestedUserId) {
        Caller caller = caller();
        return new ListOwner(caller.appId(), caller.ownerFor(requestedUserId));
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

    private Caller resolve() {
        String header = request.getCurrent() == null ? null : request.getCurrent().request().getHeader("Authorization");
        if (header == null || !header.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            throw new ServiceException(ErrorCode.UNAUTHENTICATED, "a bearer token is required");
        }
        try {
            JsonWebToken jwt = parser.parse(header.substring(BEARER.length()).trim());
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
            return new Caller(appId, subject, role);
        } catch (ParseException e) {
            throw new ServiceException(ErrorCode.UNAUTHENTICATED, "the bearer token is invalid or expired");
        } catch (ServiceException e) {
            if (e.code() == ErrorCode.INVALID_ARGUMENT) {
                throw new ServiceException(ErrorCode.UNAUTHENTICATED, "the token's claims are malformed: " + e.getMessage());
            }
            throw e;
        }
    }
}
