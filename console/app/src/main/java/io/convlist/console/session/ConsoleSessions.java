package io.convlist.console.session;

import static io.convlist.store.table.Keys.*;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import io.convlist.store.table.Av;
import io.convlist.store.table.Expr;
import io.convlist.store.table.TableRequests;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;

/**
 * Operators' console sessions, one item each, checked on every request: signing out or timing out
 * ends a session on every replica at once. A session ends after {@code idle} without a request, at
 * {@code absolute} after it started, or when signed out. The item's key is a digest of the session's
 * secret (the cookie's random value, or the OIDC ID token), so the table never holds a usable
 * credential; an ended session's item stays until its absolute end, so replaying its secret finds it
 * ended. DynamoDB's TTL removes dead items.
 */
public final class ConsoleSessions {
    /** A request refreshes the session's last-seen time at most this often (a write per request would cost more than the precision is worth). */
    static final Duration TOUCH_EVERY = Duration.ofMinutes(1);
    private static final SecureRandom RANDOM = new SecureRandom();

    public record Timeouts(Duration idle, Duration absolute) {
    }

    /** A live session: who, with which roles, and when it ends at the latest. */
    public record Session(String operator, Set<String> roles, long endsAtMillis) {
    }

    private final TableRequests table;
    private final Clock clock;
    private final Timeouts timeouts;

    public ConsoleSessions(DynamoDbClient ddb, String table, Clock clock, Timeouts timeouts) {
        this.table = new TableRequests(ddb, table);
        this.clock = clock;
        this.timeouts = timeouts;
    }

    /** Starts a session and answers its secret (the cookie's value). */
    public String open(String operator, Set<String> roles) {
        byte[] random = new byte[32];
        RANDOM.nextBytes(random);
        String secret = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
        put(secret, operator, roles, Long.MAX_VALUE);
        return secret;
    }

    /** The live session of this secret, its last-seen time refreshed; empty if unknown, ended or timed out. */
    public Optional<Session> resume(String secret) {
        return live(table.get(key(secret)), secret);
    }

    /**
     * For a secret issued elsewhere (an OIDC ID token valid until {@code notAfterMillis}): its live
     * session, started on first sight; empty once it ended, even if the token is still valid.
     */
    public Optional<Session> resumeOrOpen(String secret, String operator, Set<String> roles, long notAfterMillis) {
        Map<String, AttributeValue> item = table.get(key(secret));
        if (item != null) {
            return live(item, secret);
        }
        try {
            return Optional.of(put(secret, operator, roles, notAfterMillis));
        } catch (ConditionalCheckFailedException startedMeanwhile) {
            return live(table.get(key(secret)), secret);
        }
    }

    /** Signs the session out: ended from now on, on every replica. Unknown secrets are ignored. */
    public void end(String secret) {
        Map<String, AttributeValue> item = table.get(key(secret));
        if (item != null) {
            end(secret, Av.num(item, ENDS_AT, 0));
        }
    }

    /** Marks the item ended and keeps it until the session's absolute end, so its secret stays refused. */
    private void end(String secret, long endsAtMillis) {
        Expr e = new Expr().set(ENDED, Av.bool(true)).set(EXPIRES_AT, Av.n(endsAtMillis / 1000 + 1));
        try {
            table.update(key(secret), e, e.where("attribute_exists(#PK)"));
        } catch (ConditionalCheckFailedException goneMeanwhile) {
            // TTL removed it: nothing left to end.
        }
    }

    private Session put(String secret, String operator, Set<String> roles, long notAfterMillis) {
        long now = clock.millis();
        long endsAt = Math.min(notAfterMillis, now + timeouts.absolute().toMillis());
        Map<String, AttributeValue> item = new HashMap<>(key(secret));
        item.put(NAME, Av.s(operator));
        if (!roles.isEmpty()) {
            item.put(ROLES, AttributeValue.fromSs(roles.stream().toList()));
        }
        item.put(STARTED_AT, Av.n(now));
        item.put(LAST_SEEN, Av.n(now));
        item.put(ENDS_AT, Av.n(endsAt));
        item.put(EXPIRES_AT, Av.n(expiresAt(now, endsAt)));
        Expr e = new Expr();
        table.putIf(item, e, e.where("attribute_not_exists(#PK)"));
        return new Session(operator, Set.copyOf(roles), endsAt);
    }

    private Optional<Session> live(Map<String, AttributeValue> item, String secret) {
        if (item == null || (item.get(ENDED) != null && Boolean.TRUE.equals(item.get(ENDED).bool()))) {
            return Optional.empty();
        }
        long now = clock.millis();
        long lastSeen = Av.num(item, LAST_SEEN, 0);
        long endsAt = Av.num(item, ENDS_AT, 0);
        if (now >= endsAt || now - lastSeen >= timeouts.idle().toMillis()) {
            end(secret, endsAt);
            return Optional.empty();
        }
        if (now - lastSeen >= TOUCH_EVERY.toMillis()) {
            Expr e = new Expr().set(LAST_SEEN, Av.n(now)).set(EXPIRES_AT, Av.n(expiresAt(now, endsAt)));
            try {
                table.update(key(secret), e, e.where("attribute_exists(#PK) AND attribute_not_exists(#ENDED)"));
            } catch (ConditionalCheckFailedException endedMeanwhile) {
                return Optional.empty();
            }
        }
        AttributeValue roles = item.get(ROLES);
        return Optional.of(new Session(item.get(NAME).s(), roles == null ? Set.of() : Set.copyOf(roles.ss()), endsAt));
    }

    /** TTL (epoch seconds): the idle timeout from the last request, at most the absolute end. */
    private long expiresAt(long lastSeenMillis, long endsAtMillis) {
        return Math.min(lastSeenMillis + timeouts.idle().toMillis(), endsAtMillis) / 1000 + 1;
    }

    private static Map<String, AttributeValue> key(String secret) {
        return Av.key(consoleSessionPk(sha256(secret)), SESSION_SK);
    }

    /** Hex SHA-256 of a secret, for keys that must not reveal it. */
    static String sha256(String secret) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
