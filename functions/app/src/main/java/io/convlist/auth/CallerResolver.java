package io.convlist.auth;

import java.util.Set;

import org.eclipse.microprofile.jwt.JsonWebToken;

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

    private Caller resolved;

    public Caller caller() {
        if (resolved == null) {
            resolved = resolve();
        }
        return resolved;
    }

    /** The list a user function acts on; a user token may name only itself. */
    /** The app of a service caller; PERMISSION_DENIED for a user token. */
    public String serviceApp() {
        Caller caller = caller();
        caller.requireService();
        return caller.appId();
    }

    public ListOwner owner(String requestedUserId) {
        Caller caller = caller();
        return new ListOwner(caller.appId(), caller.ownerFor(requestedUserId));
    }

    private Caller resolve() {
        String header = request.getCurrent() == null ? null : request.getCurrent().request().getHeader("Authorization");
        if (header == null || !header.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            throw new ServiceException(ErrorCode.UNAUTHENTICATED, "a bearer token is required");
        }
        try {
            JsonWebToken jwt = parser.parse(header.substring(BEARER.length()).trim());
            String app = jwt.getClaim(APP_CLAIM);
            String subject = jwt.getSubject();
            if (app == null || subject == null) {
                throw new ServiceException(ErrorCode.UNAUTHENTICATED, "the token lacks the app or sub claim");
            }
            Set<String> groups = jwt.getGroups();
            Caller.Role role;
            if (groups.contains(SERVICE_ROLE)) {
                role = Caller.Role.SERVICE;
            } else if (groups.contains(USER_ROLE)) {
                role = Caller.Role.USER;
                Ids.requireUserId("sub", subject);
            } else {
                throw new ServiceException(ErrorCode.PERMISSION_DENIED, "the token has neither the user nor the service role");
            }
            Ids.requireAppId("app", app);
            return new Caller(app, subject, role);
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
