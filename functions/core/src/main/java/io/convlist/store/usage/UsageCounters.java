package io.convlist.store.usage;

import static io.convlist.store.table.Keys.*;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;

import io.convlist.store.table.Attempts;
import io.convlist.store.table.Av;
import io.convlist.store.table.Expr;
import io.convlist.store.table.TableRequests;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

/**
 * Each app's usage counters ({@link UsageChanges}), kept by the consumer of the table's change
 * stream: an item per app and UTC day (kept {@value #DAYS_KEPT} days) and one over all time, moved by
 * ADD, a directory of the users with a list (an item each, to find them by the start of their ID), and
 * each day's busiest users ({@link BusiestUsers}). A batch is counted exactly once: its counters are written in transactions that each put a
 * marker of the batch and part, on the condition that the marker is new. The stream's consumer
 * retries a failed batch whole (the same records), so a retry skips the parts already written.
 */
public final class UsageCounters {
    static final int DAYS_KEPT = 90;
    /** Markers outlive the stream's 24 h, after which no batch can come again. */
    static final Duration MARKER_KEPT = Duration.ofDays(2);
    private static final String DAY_SK_PREFIX = "day#";
    private static final String MARKER_PK_PREFIX = "usage#batch#";
    private static final String USER_SK_PREFIX = "user#";

    private final TableRequests table;
    private final Clock clock;
    private final BusiestUsers busiest;

    public UsageCounters(TableRequests table, Clock clock) {
        this.table = table;
        this.clock = clock;
        this.busiest = new BusiestUsers(table);
    }

    /** A user and the changes to their conversations in a day. */
    public record BusyUser(String user, long changes) {
    }

    /**
     * Counts the changes of one batch of the stream, once however often the batch comes.
     *
     * @param batchId the same for the same records (a digest of their event IDs)
     * @return the counters this call moved (none for a part counted before)
     */
    public List<UsageChanges.Counts> apply(String batchId, List<UsageChanges.Change> changes) {
        List<UsageChanges.Counts> counts = UsageChanges.of(changes);
        List<Write> writes = new ArrayList<>();
        counts.forEach(c -> writes.add(new Write(update(c), c)));
        // The user directory: writing an entry again changes nothing; once per batch (a transaction names an item once).
        UsageChanges.listsStarted(changes).stream().distinct().forEach(l -> writes.add(new Write(table.txPut(Map.of(PK,
                Av.s(usagePk(l.app())), SK, Av.s(USER_SK_PREFIX + l.user()))), null)));
        List<UsageChanges.Activity> activity = UsageChanges.activity(changes);
        activity.forEach(a -> writes.add(new Write(busiest.count(a), null)));
        List<UsageChanges.Counts> moved = new ArrayList<>();
        int perPart = TableRequests.TRANSACTION_MAX_ITEMS - 1;
        for (int from = 0, part = 0; from < writes.size(); from += perPart, part++) {
            List<Write> partWrites = writes.subList(from, Math.min(writes.size(), from + perPart));
            List<TransactWriteItem> tx = new ArrayList<>();
            tx.add(table.txPutNew(Map.of(PK, Av.s(MARKER_PK_PREFIX + batchId), SK, Av.s("part#" + part),
                    EXPIRES_AT, Av.n(clock.instant().plus(MARKER_KEPT).getEpochSecond()))));
            partWrites.forEach(w -> tx.add(w.item()));
            if (write(tx)) {
                partWrites.stream().filter(w -> w.counts() != null).forEach(w -> moved.add(w.counts()));
            }
        }
        // Also when the batch came again: its counts are written, and ranking them twice changes nothing.
        busiest.rank(activity);
        return moved;
    }

    /** One write of a batch, and the counters it moves (null: a directory entry or a user's activity). */
    private record Write(TransactWriteItem item, UsageChanges.Counts counts) {
    }

    /** The day's busiest users (the most changes to their conversations), at most {@value BusiestUsers#SHOWN}, the busiest first. */
    public List<BusyUser> busiest(String appId, LocalDate day) {
        return busiest.of(appId, day);
    }

    /** Up to {@code limit} users with a list whose ID starts with {@code prefix}, in ID order. */
    public List<String> usersStartingWith(String appId, String prefix, int limit) {
        return table.firstOf(usagePk(appId), USER_SK_PREFIX + prefix, limit).stream()
                .map(item -> item.get(SK).s().substring(USER_SK_PREFIX.length())).toList();
    }

    private TransactWriteItem update(UsageChanges.Counts c) {
        Expr e = new Expr();
        c.deltas().forEach((counter, delta) -> e.add(counter, Av.n(delta)));
        if (!UsageChanges.ALL_TIME.equals(c.day())) {
            e.set(EXPIRES_AT, Av.n(LocalDate.parse(c.day()).plusDays(DAYS_KEPT).atStartOfDay(ZoneOffset.UTC).toEpochSecond()));
        }
        return table.txUpdate(Av.key(usagePk(c.app()), sortKey(c.day())), e, null);
    }

    private static String sortKey(String day) {
        return UsageChanges.ALL_TIME.equals(day) ? UsageChanges.ALL_TIME : DAY_SK_PREFIX + day;
    }

    /**
     * Writes one part; a marker that exists already means the part was written before.
     *
     * @return false if it was
     */
    private boolean write(List<TransactWriteItem> tx) {
        return Attempts.untilDone(attempt -> {
            try {
                table.transact(tx);
                return Optional.of(true);
            } catch (TransactionCanceledException cancelled) {
                if (TableRequests.failedAt(cancelled, 0)) {
                    return Optional.of(false); // counted before: this batch came again
                }
                // a concurrent batch of another shard moved the same counters: try again
            }
            return Optional.empty();
        });
    }

    /** An app's counters over all time (empty if nothing was counted yet). */
    public Map<String, Long> allTime(String appId) {
        return numbers(table.get(Av.key(usagePk(appId), UsageChanges.ALL_TIME)));
    }

    /** An app's counters per day from {@code from} to {@code to} (inclusive); days without changes are absent. */
    public SortedMap<LocalDate, Map<String, Long>> days(String appId, LocalDate from, LocalDate to) {
        SortedMap<LocalDate, Map<String, Long>> out = new TreeMap<>();
        for (Map<String, AttributeValue> item : table.between(usagePk(appId), DAY_SK_PREFIX + from, DAY_SK_PREFIX + to)) {
            out.put(LocalDate.parse(item.get(SK).s().substring(DAY_SK_PREFIX.length())), numbers(item));
        }
        return out;
    }

    private static Map<String, Long> numbers(Map<String, AttributeValue> item) {
        Map<String, Long> out = new TreeMap<>();
        if (item != null) {
            item.forEach((name, value) -> {
                if (value.n() != null && !EXPIRES_AT.equals(name)) {
                    out.put(name, Long.parseLong(value.n()));
                }
            });
        }
        return out;
    }
}
