package io.convlist.console.session;

import static io.convlist.store.table.Keys.*;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import io.convlist.store.table.Attempts;
import io.convlist.store.table.Av;
import io.convlist.store.table.Expr;
import io.convlist.store.table.TableRequests;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;

/**
 * Throttles console sign-in per account and per client address, on every replica at once. Each
 * attempt is counted before the password is checked, by one conditional update per counter, so
 * concurrent guesses cannot pass the limit: within a window that starts at the first attempt, at
 * most {@code perAccount} attempts on one account and {@code perClient} from one address are
 * checked; the rest are refused until the window ends. A successful sign-in clears its account's
 * count and takes its attempt back from the address's.
 */
public final class SignInAttempts {
    /** Rounds of the count-or-restart race before giving up (each round loses only to another attempt). */
    private static final int ROUNDS = 3;

    public record Limits(int perAccount, int perClient, Duration window) {
    }

    private final TableRequests table;
    private final Clock clock;
    private final Limits limits;

    public SignInAttempts(DynamoDbClient ddb, String table, Clock clock, Limits limits) {
        this.table = new TableRequests(ddb, table);
        this.clock = clock;
        this.limits = limits;
    }

    /** Counts one attempt: empty if the password may be checked, else when the lockout ends. */
    public Optional<Instant> take(String account, String client) {
        Optional<Instant> clientLocked = count(clientKey(client), limits.perClient());
        return clientLocked.isPresent() ? clientLocked : count(accountKey(account), limits.perAccount());
    }

    /** After a correct password: the account starts afresh, and the address gets its attempt back. */
    public void succeeded(String account, String client) {
        table.delete(accountKey(account));
        Expr e = new Expr().add(ATTEMPTS, Av.n(-1));
        try {
            table.update(clientKey(client), e, e.where("#ATTEMPTS > :zero", "zero", 0));
        } catch (ConditionalCheckFailedException nothingCounted) {
            // The window ended meanwhile.
        }
    }

    private Optional<Instant> count(Map<String, AttributeValue> key, int max) {
        for (int round = 0; round < ROUNDS; round++) {
            long now = clock.millis();
            Expr e = new Expr().add(ATTEMPTS, Av.n(1));
            e.set(e.where("#WINDOW_ENDS = if_not_exists(#WINDOW_ENDS, :ends)", "ends", now + limits.window().toMillis()));
            e.set(e.where("#EXPIRES_AT = if_not_exists(#EXPIRES_AT, :expiresAt)", "expiresAt", expiresAt(now)));
            try {
                table.update(key, e, e.where("attribute_not_exists(#ATTEMPTS) OR (#ATTEMPTS < :max AND #WINDOW_ENDS > :now)",
                        "max", max, "now", now));
                return Optional.empty();
            } catch (ConditionalCheckFailedException e1) {
                long windowEnds = Av.num(e1.item(), WINDOW_ENDS, 0);
                if (windowEnds > now) {
                    return Optional.of(Instant.ofEpochMilli(windowEnds));
                }
                if (restart(key, windowEnds, now)) {
                    return Optional.empty();
                }
            }
        }
        throw Attempts.contention();
    }

    /** Starts a new window with this attempt, unless another attempt restarted it first. */
    private boolean restart(Map<String, AttributeValue> key, long oldWindowEnds, long now) {
        Map<String, AttributeValue> item = new HashMap<>(key);
        item.put(ATTEMPTS, Av.n(1));
        item.put(WINDOW_ENDS, Av.n(now + limits.window().toMillis()));
        item.put(EXPIRES_AT, Av.n(expiresAt(now)));
        Expr e = new Expr();
        String condition = e.where("attribute_not_exists(#WINDOW_ENDS) OR #WINDOW_ENDS = :ends", "ends", oldWindowEnds);
        try {
            table.putIf(item, e, condition);
            return true;
        } catch (ConditionalCheckFailedException restartedMeanwhile) {
            return false;
        }
    }

    private long expiresAt(long nowMillis) {
        return (nowMillis + limits.window().toMillis()) / 1000 + 1;
    }

    private static Map<String, AttributeValue> accountKey(String account) {
        return Av.key(signInAttemptsPk("account", ConsoleSessions.sha256(account)), ATTEMPTS_SK);
    }

    private static Map<String, AttributeValue> clientKey(String client) {
        return Av.key(signInAttemptsPk("client", ConsoleSessions.sha256(client)), ATTEMPTS_SK);
    }
}
