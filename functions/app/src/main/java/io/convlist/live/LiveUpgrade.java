package io.convlist.live;

import java.util.List;

import io.convlist.identity.Caller;
import io.convlist.identity.TokenVerifier;
import io.convlist.domain.ErrorCode;
import io.convlist.domain.ServiceException;
import io.quarkus.websockets.next.HttpUpgradeCheck;
import io.quarkus.websockets.next.UserData;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpServerRequest;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * Checks a connection before it opens: a user token (the Authorization header, or the
 * {@code access_token} query parameter for clients that cannot set headers, browsers among them)
 * and, for a browser, its page's origin. A refused upgrade is answered 401 (no valid token), 403
 * (a service token, or an origin not allowed) and never opens.
 */
@ApplicationScoped
public class LiveUpgrade implements HttpUpgradeCheck {
    static final UserData.TypedKey<String> APP = UserData.TypedKey.forString("convlist.app");
    static final UserData.TypedKey<String> USER = UserData.TypedKey.forString("convlist.user");
    static final UserData.TypedKey<Long> EXPIRES_AT_SECOND = UserData.TypedKey.forLong("convlist.exp");

    private static final String BEARER = "Bearer ";

    @Inject
    TokenVerifier tokens;

    @Inject
    LiveConfig config;

    @Override
    public boolean appliesTo(String endpointId) {
        return LiveSocket.class.getName().equals(endpointId);
    }

    @Override
    public Uni<CheckResult> perform(HttpUpgradeContext context) {
        HttpServerRequest request = context.httpRequest();
        if (!originAllowed(request.getHeader("Origin"))) {
            return CheckResult.rejectUpgrade(403);
        }
        String token = token(request);
        if (token == null) {
            return CheckResult.rejectUpgrade(401);
        }
        TokenVerifier.Verified verified;
        try {
            verified = tokens.verify(token);
        } catch (ServiceException refused) {
            return CheckResult.rejectUpgrade(refused.code() == ErrorCode.PERMISSION_DENIED ? 403 : 401);
        }
        if (verified.caller().role() != Caller.Role.USER) {
            return CheckResult.rejectUpgrade(403);
        }
        context.userData().put(APP, verified.caller().appId());
        context.userData().put(USER, verified.caller().subject());
        context.userData().put(EXPIRES_AT_SECOND, verified.expiresAtSecond());
        return CheckResult.permitUpgrade();
    }

    private boolean originAllowed(String origin) {
        if (origin == null) {
            return true;
        }
        List<String> allowed = config.allowedOrigins().orElse(List.of());
        return allowed.contains("*") || allowed.contains(origin);
    }

    private static String token(HttpServerRequest request) {
        String header = request.getHeader("Authorization");
        if (header != null && header.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            return header.substring(BEARER.length()).trim();
        }
        String param = request.getParam("access_token");
        return param == null || param.isBlank() ? null : param;
    }
}
