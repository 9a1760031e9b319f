package io.convlist.store;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.function.Supplier;

/**
 * The store's clock, which a large group's catch-up sets back, on its own thread, to the time the
 * group recorded its messages: the conversation it writes then lives, expires and takes its place
 * under the cap as it would have had each message been written when it was recorded.
 */
final class AsOfClock extends Clock {
    private final Clock base;
    private final ThreadLocal<Long> asOf = new ThreadLocal<>();

    AsOfClock(Clock base) {
        this.base = base;
    }

    /** Runs {@code work} with this thread's clock at {@code millis}. */
    <T> T at(long millis, Supplier<T> work) {
        Long before = asOf.get();
        asOf.set(millis);
        try {
            return work.get();
        } finally {
            if (before == null) {
                asOf.remove();
            } else {
                asOf.set(before);
            }
        }
    }

    @Override
    public long millis() {
        Long at = asOf.get();
        return at == null ? base.millis() : at;
    }

    @Override
    public Instant instant() {
        return Instant.ofEpochMilli(millis());
    }

    @Override
    public ZoneId getZone() {
        return base.getZone();
    }

    @Override
    public Clock withZone(ZoneId zone) {
        throw new UnsupportedOperationException("the store's clock keeps its zone");
    }
}
