package io.convlist.console.session;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.IdentityProvider;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.runtime.QuarkusPrincipal;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/** The operator of a session cookie, from the session's item (read on a worker thread). */
@ApplicationScoped
public class SessionIdentityProvider implements IdentityProvider<SessionCookieRequest> {
    /** The identity's attribute holding the session's secret, for signing out. */
    public static final String SECRET = "convlist.session";

    @Inject
    ConsoleSessions sessions;

    @Override
    public Class<SessionCookieRequest> getRequestType() {
        return SessionCookieRequest.class;
    }

    @Override
    public Uni<SecurityIdentity> authenticate(SessionCookieRequest request, AuthenticationRequestContext context) {
        return context.runBlocking(() -> sessions.resume(request.secret())
                .map(s -> (SecurityIdentity) QuarkusSecurityIdentity.builder().setPrincipal(new QuarkusPrincipal(s.operator()))
                        .addRoles(s.roles()).addAttribute(SECRET, request.secret()).build())
                .orElseThrow(() -> new AuthenticationFailedException("the session ended")));
    }
}
