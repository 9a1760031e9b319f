package io.convlist.console.session;

import java.util.Optional;

import io.vertx.core.http.Cookie;
import io.vertx.core.http.HttpServerRequest;
import jakarta.ws.rs.core.NewCookie;

/** The console's session cookie: the session's secret, HttpOnly, SameSite=Strict, Secure over HTTPS. */
public final class SessionCookie {
    public static final String NAME = "convlist-session";
    /** OIDC's session cookie (the ID token), ended with the console's own. */
    public static final String OIDC_NAME = "q_session";

    private SessionCookie() {
    }

    static Optional<String> secret(HttpServerRequest request) {
        Cookie c = request.getCookie(NAME);
        return c == null || c.getValue().isEmpty() ? Optional.empty() : Optional.of(c.getValue());
    }

    public static boolean secure(HttpServerRequest request, ConsoleConfig config) {
        return config.cookiesSecure() || request.isSSL();
    }

    public static NewCookie issue(String secret, boolean secure) {
        return builder(NAME, secret, secure).build();
    }

    public static NewCookie expired(String name, boolean secure) {
        return builder(name, "", secure).maxAge(0).build();
    }

    private static NewCookie.Builder builder(String name, String value, boolean secure) {
        return new NewCookie.Builder(name).value(value).path("/").httpOnly(true).secure(secure)
                .sameSite(NewCookie.SameSite.STRICT);
    }
}
