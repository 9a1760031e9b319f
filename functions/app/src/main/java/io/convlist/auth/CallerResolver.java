package io.convlist.auth;

import java.util.Set;

import org.eclipse.microprofile.jwt.JsonWebToken;

import io.convlist.domain.ErrorCode;
import io.convlist.domain.Ids;
import io.convlist.domain.ServiceException;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;

/**
 * Turns the request's bearer JWT (verified by smallrye-jwt: signature, issuer, expiry) into a
 * {@link Caller}. Claims: {@code sub} the user or service name, {@value #APP_CLAIM} the app ID,
 * {@code groups} containing {@value #USER_ROLE} or {@value #SERVICE_ROLE}.
 */
@RequestScoped
public class CallerResolver {
    public static final String APP_CLAIM = "app";
    public static final String USER_ROLE = "user";
    public static final String SERVICE_ROLE = "service";

    @Inject
    SecurityIdentity identity;

    public Caller caller() {
        try {
            if (identity.isAnonymous() || !(identity.getPrincipal() instanceof JsonWebToken jwt)) {
                throw new ServiceException(ErrorCode.UNAUTHENTICATED, "a bearer token is required");
            }
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
        } catch (AuthenticationFailedException e) {
            throw new ServiceException(ErrorCode.UNAUTHENTICATED, "the bearer token is invalid or expired");
        } catch (ServiceException e) {
            if (e.code() == ErrorCode.INVALID_ARGUMENT) {
                throw new ServiceException(ErrorCode.UNAUTHENTICATED, "the token's claims are malformed: " + e.getMessage());
            }
            throw e;
        }
    }
}
