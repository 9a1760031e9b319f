package io.convlist.auth;

import io.convlist.identity.TokenVerifier;
import io.convlist.identity.Caller;
import io.convlist.calls.CallRecord;
import io.convlist.domain.ErrorCode;
import io.convlist.domain.ServiceException;
import io.quarkus.vertx.http.runtime.CurrentVertxRequest;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;

/**
 * Turns the request's bearer JWT into a {@link Caller} ({@link TokenVerifier} checks it). The
 * functions call this themselves rather than through an HTTP authentication mechanism, so that a
 * missing or bad token takes the same error path, and the same {code, message} body, as every other failure.
 */
@RequestScoped
public class CallerResolver {
    private static final String BEARER = "Bearer ";

    @Inject
    CurrentVertxRequest request;

    @Inject
    TokenVerifier tokens;

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

    private Caller resolve() {
        String header = request.getCurrent() == null ? null : request.getCurrent().request().getHeader("Authorization");
        if (header == null || !header.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            throw new ServiceException(ErrorCode.UNAUTHENTICATED, "a bearer token is required");
        }
        return tokens.verify(header.substring(BEARER.length()).trim()).caller();
    }
}
