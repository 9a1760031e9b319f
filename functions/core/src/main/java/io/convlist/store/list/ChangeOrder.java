package io.convlist.store.list;

import static io.convlist.store.table.Keys.*;

import java.util.Comparator;
import java.util.List;
import java.util.Map;

import io.convlist.domain.list.SyncPosition;
import io.convlist.store.table.Av;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Items of a list in device sync's time order: by {@code expiresAt} (the last change plus the
 * retention), then by sort key. No index holds this order (an index keyed by a time every message
 * moves would cost every message a delete and a put in it): sync reads the list's items and orders
 * them here, and a {@link SyncPosition} names a place in this order.
 */
public final class ChangeOrder {
    private static final Comparator<Map<String, AttributeValue>> ORDER =
            Comparator.<Map<String, AttributeValue>>comparingLong(ChangeOrder::expiresAt).thenComparing(i -> i.get(SK).s());

    /** What one answer takes: at most the limit, and whether more follow in the range. */
    record Slice(List<Map<String, AttributeValue>> items, boolean hasMore) {
        /** The same round, continued in the next answer after this slice's last item. */
        SyncPosition continuing(SyncPosition round) {
            Map<String, AttributeValue> last = items.get(items.size() - 1);
            return round.after(last.get(SK).s(), expiresAt(last));
        }
    }

    private final List<Map<String, AttributeValue>> ordered;

    ChangeOrder(List<Map<String, AttributeValue>> items) {
        ordered = items.stream().filter(i -> i.containsKey(EXPIRES_AT)).sorted(ORDER).toList();
    }

    /**
     * Up to {@code limit} items with expiresAt from {@code fromSecond} (to {@code toSecond} if set),
     * after the position's place if it has one.
     */
    Slice slice(SyncPosition at, int limit, long fromSecond, Long toSecond) {
        List<Map<String, AttributeValue>> inRange = ordered.stream()
                .filter(i -> expiresAt(i) >= fromSecond && (toSecond == null || expiresAt(i) <= toSecond))
                .filter(i -> at.afterSk() == null || isAfter(i, at.afterExpiresAt(), at.afterSk()))
                .toList();
        return new Slice(inRange.subList(0, Math.min(limit, inRange.size())), inRange.size() > limit);
    }

    private static boolean isAfter(Map<String, AttributeValue> item, long expiresAt, String sk) {
        long at = expiresAt(item);
        return at > expiresAt || (at == expiresAt && item.get(SK).s().compareTo(sk) > 0);
    }

    private static long expiresAt(Map<String, AttributeValue> item) {
        return Av.num(item, EXPIRES_AT, 0);
    }
}
