package io.convlist.console.session;

import io.quarkus.security.identity.request.BaseAuthenticationRequest;

/** A request carrying the console's session cookie, for {@link SessionIdentityProvider}. */
public final class SessionCookieRequest extends BaseAuthenticationRequest {
    private final String secret;

    SessionCookieRequest(String secret) {
        this.secret = secret;
    }

    String secret() {
        return secret;
    }
}
