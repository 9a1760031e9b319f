package io.convlist.console.session;

import java.util.Set;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.IdentityProviderManager;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.AuthenticationRequest;
import io.quarkus.vertx.http.runtime.security.ChallengeData;
import io.quarkus.vertx.http.runtime.security.HttpAuthenticationMechanism;
import io.quarkus.vertx.http.runtime.security.HttpCredentialTransport;
import io.quarkus.vertx.http.runtime.security.HttpSecurityUtils;
import io.smallrye.mutiny.Uni;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Console sign-in with local accounts (scheme "form"): the session cookie names a server-side session
 * ({@link ConsoleSessions}), checked on every request. Without a live session the
 * caller is anonymous, and sent to the sign-in page where a page needs an operator.
 */
@ApplicationScoped
public class SessionCookieMechanism implements HttpAuthenticationMechanism {
    /** The name the path permissions select this mechanism by (CONSOLE_AUTH_MECHANISM). */
    public static final String SCHEME = "form";
    static final String SIGN_IN_PAGE = "/login";

    @Override
    public Uni<SecurityIdentity> authenticate(RoutingContext context, IdentityProviderManager identities) {
        return SessionCookie.secret(context.request())
                .map(secret -> identities.authenticate(HttpSecurityUtils.setRoutingContextAttribute(new SessionCookieRequest(secret), context))
                        .onFailure(AuthenticationFailedException.class).recoverWithNull())
                .orElseGet(() -> Uni.createFrom().nullItem());
    }

    @Override
    public Uni<ChallengeData> getChallenge(RoutingContext context) {
        return Uni.createFrom().item(new ChallengeData(302, "Location", SIGN_IN_PAGE));
    }

    @Override
    public Set<Class<? extends AuthenticationRequest>> getCredentialTypes() {
        return Set.of(SessionCookieRequest.class);
    }

    @Override
    public Uni<HttpCredentialTransport> getCredentialTransport(RoutingContext context) {
        return Uni.createFrom().item(new HttpCredentialTransport(HttpCredentialTransport.Type.COOKIE, SessionCookie.NAME, SCHEME));
    }
}
