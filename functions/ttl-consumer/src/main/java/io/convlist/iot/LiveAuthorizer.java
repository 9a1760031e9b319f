package io.convlist.iot;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.jboss.logging.Logger;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

import io.convlist.identity.Caller;
import io.convlist.identity.TokenVerifier;
import io.convlist.domain.ServiceException;
import io.convlist.view.LiveTopics;

/**
 * Who may connect to IoT Core's live channel, and to what: a device's user token, checked as the
 * functions check it, buys a policy that lets it connect under its own client IDs
 * ({@link LiveTopics#clientId}) and subscribe to its own list's topic and its large groups' topics
 * only, until the token expires.
 * Service tokens and bad tokens are refused; so is a token with less than IoT's shortest connection
 * ({@value #MIN_SECONDS} s) to live, which could otherwise outlive its token.
 */
public class LiveAuthorizer {
    private static final Logger LOG = Logger.getLogger(LiveAuthorizer.class);
    /** IoT Core's bounds on disconnectAfterInSeconds and refreshAfterInSeconds. */
    static final long MIN_SECONDS = 300;
    static final long MAX_SECONDS = 86_400;
    static final String TOKEN_PARAMETER = "token";

    /** The large groups a user is a member of (app, user): one GetItem of the list's bookkeeping. */
    public interface LargeGroups {
        Set<String> of(String appId, String userId);
    }

    private final TokenVerifier tokens;
    private final IotLiveConfig config;
    private final Clock clock;
    private final LargeGroups largeGroups;

    public LiveAuthorizer(TokenVerifier tokens, IotLiveConfig config, Clock clock, LargeGroups largeGroups) {
        this.tokens = tokens;
        this.config = config;
        this.clock = clock;
        this.largeGroups = largeGroups;
    }

    /** IoT Core's request: the token where the device put it (MQTT password, or the WebSocket URL's query). */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Request(String token, ProtocolData protocolData) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record ProtocolData(Http http, Mqtt mqtt) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Http(Map<String, String> headers, String queryString) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Mqtt(String username, String password, String clientId) {
    }

    /** IoT Core's answer; a refusal carries no policy. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Response(@JsonProperty("isAuthenticated") boolean isAuthenticated, String principalId,
            Long disconnectAfterInSeconds, Long refreshAfterInSeconds, List<Map<String, Object>> policyDocuments) {
        static Response refused() {
            return new Response(false, "refused", null, null, null);
        }
    }

    public Response authorize(Request request) {
        String token = tokenOf(request);
        if (token == null) {
            return Response.refused();
        }
        TokenVerifier.Verified verified;
        try {
            verified = tokens.verify(token);
        } catch (ServiceException e) {
            return Response.refused();
        }
        Caller caller = verified.caller();
        long lifetime = Math.min(verified.expiresAtSecond() - clock.instant().getEpochSecond(), MAX_SECONDS);
        if (caller.role() != Caller.Role.USER || lifetime < MIN_SECONDS) {
            return Response.refused();
        }
        List<Map<String, Object>> policies = new ArrayList<>();
        policies.add(LivePolicies.ownList(config, caller.appId(), caller.subject()));
        policies.addAll(LivePolicies.largeGroups(config, caller.appId(), groupsOf(caller)));
        return new Response(true, principalId(caller), lifetime, lifetime, policies);
    }

    private List<String> groupsOf(Caller caller) {
        try {
            return largeGroups.of(caller.appId(), caller.subject()).stream().sorted().toList();
        } catch (RuntimeException e) {
            LOG.warnf("reading %s/%s's large groups failed (%s): connected without their topics", caller.appId(), caller.subject(),
                    e.getMessage());
            return List.of();
        }
    }

    private static String tokenOf(Request request) {
        if (request.token() != null && !request.token().isBlank()) {
            return request.token();
        }
        ProtocolData data = request.protocolData();
        if (data != null && data.mqtt() != null && data.mqtt().password() != null) {
            try {
                return new String(Base64.getDecoder().decode(data.mqtt().password()), StandardCharsets.UTF_8);
            } catch (IllegalArgumentException e) {
                return null;
            }
        }
        if (data != null && data.http() != null && data.http().queryString() != null) {
            for (String pair : data.http().queryString().replaceFirst("^\\?", "").split("&")) {
                if (pair.startsWith(TOKEN_PARAMETER + "=")) {
                    return java.net.URLDecoder.decode(pair.substring(TOKEN_PARAMETER.length() + 1), StandardCharsets.UTF_8);
                }
            }
        }
        return null;
    }

    /** IoT wants 1 to 128 letters and digits: a digest of the list's owner, the same for each connection. */
    private static String principalId(Caller caller) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest((caller.appId() + "/" + caller.subject()).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
