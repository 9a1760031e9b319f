package io.convlist.store.usage;

import static io.convlist.store.table.Keys.*;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import io.convlist.store.table.Attempts;
import io.convlist.store.table.Av;
import io.convlist.store.table.Expr;
import io.convlist.store.table.TableRequests;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;

/**
 * Each app's busiest users per UTC day: the {@value #SHOWN} users with the most changes to their
 * conversations ({@link UsageChanges#activity}). Each user's count for the day is an item
 * ({@code active#day#user}, moved by ADD in the batch's transactions, so counted once); after a batch,
 * the day's board ({@code busiest#day}) takes the current counts of the batch's users and keeps the top
 * ones. Counts only grow, so a user who is not on the board when their last change is counted cannot
 * belong there later: the board is the day's exact top (ties broken by user ID).
 */
public final class BusiestUsers {
    static final int SHOWN = 20;
    /** A user's count is needed only while their changes of that day can still come. */
    private static final int COUNTS_KEPT_DAYS = 3;
    private static final String ACTIVE_SK_PREFIX = "active#";
    private static final String BOARD_SK_PREFIX = "busiest#";

    private final TableRequests table;

    BusiestUsers(TableRequests table) {
        this.table = table;
    }

    /** The write (for the batch's transaction) that adds a user's changes to their count of the day. */
    TransactWriteItem count(UsageChanges.Activity a) {
        Expr e = new Expr().add(ACTIVE_CHANGES, Av.n(a.changes())).set(EXPIRES_AT, Av.n(expiry(a.day(), COUNTS_KEPT_DAYS)));
        return table.txUpdate(Av.key(usagePk(a.app()), ACTIVE_SK_PREFIX + a.day() + "#" + a.user()), e, null);
    }

    /** After the batch's counts are written: each day's board takes its users' counts. */
    void rank(List<UsageChanges.Activity> activity) {
        Map<List<String>, Set<String>> usersByAppAndDay = new LinkedHashMap<>();
        activity.forEach(a -> usersByAppAndDay.computeIfAbsent(List.of(a.app(), a.day()), k -> new TreeSet<>()).add(a.user()));
        usersByAppAndDay.forEach((appAndDay, users) -> rank(appAndDay.get(0), appAndDay.get(1), users));
    }

    private void rank(String app, String day, Set<String> users) {
        String countPrefix = ACTIVE_SK_PREFIX + day + "#";
        Map<String, AttributeValue> boardKey = Av.key(usagePk(app), BOARD_SK_PREFIX + day);
        List<Map<String, AttributeValue>> keys = new ArrayList<>(users.stream().map(u -> Av.key(usagePk(app), countPrefix + u)).toList());
        keys.add(boardKey); // the first reading of the board comes in the same request
        Map<String, Map<String, AttributeValue>> read = table.batchGet(keys);
        Map<String, AttributeValue> firstReading = read.remove(TableRequests.keyString(boardKey));
        Map<String, Long> counts = new HashMap<>();
        read.values().forEach(item -> counts.put(item.get(SK).s().substring(countPrefix.length()), Long.parseLong(item.get(ACTIVE_CHANGES).n())));
        Attempts.untilDone(attempt -> {
            Map<String, AttributeValue> board = attempt == 0 ? firstReading : table.get(boardKey);
            Map<String, Long> shown = board == null ? Map.of() : numbers(board.get(BOARD_USERS).m());
            Map<String, Long> merged = new HashMap<>(shown);
            counts.forEach((user, n) -> merged.merge(user, n, Math::max));
            Map<String, Long> top = top(merged);
            if (top.equals(shown)) {
                return Attempts.DONE;
            }
            Map<String, AttributeValue> ranked = new LinkedHashMap<>();
            top.forEach((user, n) -> ranked.put(user, Av.n(n)));
            Expr e = new Expr().set(BOARD_USERS, AttributeValue.fromM(ranked)).set(EXPIRES_AT, Av.n(expiry(day, UsageCounters.DAYS_KEPT)));
            long version = board == null ? 0 : Long.parseLong(board.get(BOARD_VERSION).n());
            e.set(BOARD_VERSION, Av.n(version + 1));
            String unchanged = board == null ? e.where("attribute_not_exists(#BOARD_VERSION)") : e.where("#BOARD_VERSION = :version", "version", version);
            try {
                table.update(boardKey, e, unchanged);
                return Attempts.DONE;
            } catch (ConditionalCheckFailedException concurrent) {
                // another shard's batch ranked the same day meanwhile: merge into its board
            }
            return Optional.empty();
        });
    }

    /** The day's busiest users, the busiest first. */
    List<UsageCounters.BusyUser> of(String app, LocalDate day) {
        Map<String, AttributeValue> board = table.get(Av.key(usagePk(app), BOARD_SK_PREFIX + day));
        List<UsageCounters.BusyUser> out = new ArrayList<>();
        if (board != null) {
            top(numbers(board.get(BOARD_USERS).m())).forEach((user, n) -> out.add(new UsageCounters.BusyUser(user, n)));
        }
        return out;
    }

    /** The {@value #SHOWN} largest counts, largest first, ties by user ID. */
    private static Map<String, Long> top(Map<String, Long> counts) {
        Map<String, Long> top = new LinkedHashMap<>();
        counts.entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                .limit(SHOWN).forEach(entry -> top.put(entry.getKey(), entry.getValue()));
        return top;
    }

    private static Map<String, Long> numbers(Map<String, AttributeValue> m) {
        Map<String, Long> out = new HashMap<>();
        m.forEach((k, v) -> out.put(k, Long.parseLong(v.n())));
        return out;
    }

    private static long expiry(String day, int days) {
        return LocalDate.parse(day).plusDays(days).atStartOfDay(ZoneOffset.UTC).toEpochSecond();
    }
}
