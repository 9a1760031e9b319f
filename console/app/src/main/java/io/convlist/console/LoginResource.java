package io.convlist.console;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Optional;

import io.convlist.console.session.ConsoleConfig;
import io.convlist.console.session.ConsoleSessions;
import io.convlist.console.session.OidcSessions;
import io.convlist.console.session.SessionCookie;
import io.convlist.console.session.SessionIdentityProvider;
import io.convlist.console.session.SignInAttempts;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.credential.PasswordCredential;
import io.quarkus.security.identity.IdentityProviderManager;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.UsernamePasswordAuthenticationRequest;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.net.SocketAddress;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * Sign-in with a local account and sign-out. Each sign-in attempt is counted per account and per
 * client address before the password is checked ({@link SignInAttempts}); a correct one starts a
 * server-side session ({@link ConsoleSessions}) whose secret is the session cookie. Signing out ends
 * the session on every replica (OIDC sessions too).
 */
@Path("/")
public class LoginResource {
    /** Longer names are no account's (and would only make the attempt counters' keys costly). */
    static final int USER_NAME_MAX = 256;
    private static final DateTimeFormatter CLOCK_TIME = DateTimeFormatter.ofPattern("HH:mm 'UTC'").withZone(ZoneOffset.UTC);

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance login(String error);
    }

    @Inject
    IdentityProviderManager identities;

    @Inject
    SignInAttempts attempts;

    @Inject
    ConsoleSessions sessions;

    @Inject
    ConsoleConfig config;

    @Inject
    Clock clock;

    @Inject
    SecurityIdentity identity;

    @Context
    HttpServerRequest request;

    @GET
    public Response home() {
        return Response.seeOther(URI.create("/apps")).build();
    }

    @GET
    @Path("login")
    @Produces(MediaType.TEXT_HTML)
    public TemplateInstance login(@QueryParam("error") String error) {
        return Templates.login(error == null ? null : "The user name or password is wrong.");
    }

    @POST
    @Path("login")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_HTML)
    public Response signIn(@FormParam("username") String username, @FormParam("password") String password) {
        if (username == null || username.isEmpty() || password == null || password.isEmpty()
                || username.length() > USER_NAME_MAX) {
            return Response.status(400).entity(Templates.login("Enter a user name and a password.")).build();
        }
        String client = clientAddress();
        Optional<Instant> lockedUntil = attempts.take(username, client);
        if (lockedUntil.isPresent()) {
            long seconds = Math.max(1, Duration.between(clock.instant(), lockedUntil.get()).toSeconds());
            return Response.status(429).header("Retry-After", seconds).entity(Templates.login(
                    "Too many sign-in attempts: try again after " + CLOCK_TIME.format(lockedUntil.get()) + ".")).build();
        }
        SecurityIdentity who;
        try {
            who = identities.authenticateBlocking(
                    new UsernamePasswordAuthenticationRequest(username, new PasswordCredential(password.toCharArray())));
        } catch (AuthenticationFailedException wrong) {
            return Response.seeOther(URI.create("/login?error=1")).build();
        }
        attempts.succeeded(username, client);
        String secret = sessions.open(who.getPrincipal().getName(), who.getRoles());
        return Response.seeOther(URI.create("/apps")).cookie(SessionCookie.issue(secret, secure())).build();
    }

    @POST
    @Path("logout")
    public Response logout() {
        String secret = identity.getAttribute(SessionIdentityProvider.SECRET);
        if (secret == null) {
            secret = OidcSessions.idToken(identity);
        }
        if (secret != null) {
            sessions.end(secret);
        }
        return Response.seeOther(URI.create("/login"))
                .cookie(SessionCookie.expired(SessionCookie.NAME, secure()), SessionCookie.expired(SessionCookie.OIDC_NAME, secure()))
                .build();
    }

    private boolean secure() {
        return SessionCookie.secure(request, config);
    }

    /** The caller's address (behind a proxy, the forwarded one where quarkus.http.proxy is set to trust it). */
    private String clientAddress() {
        SocketAddress remote = request.remoteAddress();
        return remote == null || remote.hostAddress() == null ? "unknown" : remote.hostAddress();
    }
}
