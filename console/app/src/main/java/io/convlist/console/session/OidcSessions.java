package io.convlist.console.session;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.AuthenticationRedirectException;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.SecurityIdentityAugmentor;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.Cookie;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Sessions signed in through OIDC get the same server-side record as local ones, keyed by their ID
 * token: started on first sight, refused once signed out or timed out, although the token in the
 * cookie is still valid (the provider is then asked to sign the operator in again).
 */
@ApplicationScoped
public class OidcSessions implements SecurityIdentityAugmentor {
    @Inject
    ConsoleSessions sessions;

    /** The ID token an OIDC identity was signed in with; null for other identities. */
    public static String idToken(SecurityIdentity identity) {
        return identity.getPrincipal() instanceof JsonWebToken jwt ? jwt.getRawToken() : null;
    }

    @Override
    public Uni<SecurityIdentity> augment(SecurityIdentity identity, AuthenticationRequestContext context) {
        String token = identity.isAnonymous() ? null : idToken(identity);
        if (token == null) {
            return Uni.createFrom().item(identity);
        }
        JsonWebToken jwt = (JsonWebToken) identity.getPrincipal();
        return context.runBlocking(() -> sessions.resumeOrOpen(token, jwt.getName(), identity.getRoles(), jwt.getExpirationTime() * 1000)
                .map(live -> identity)
                .orElseThrow(() -> signInAgain(identity.getAttribute(RoutingContext.class.getName()))));
    }

    /** Drops the ended session's cookie and sends the browser back to the page, which then asks the provider. */
    private static RuntimeException signInAgain(RoutingContext request) {
        if (request == null) {
            return new AuthenticationFailedException("the session ended");
        }
        request.response().addCookie(Cookie.cookie(SessionCookie.OIDC_NAME, "").setPath("/").setMaxAge(0));
        return new AuthenticationRedirectException(302, request.request().uri());
    }
}
