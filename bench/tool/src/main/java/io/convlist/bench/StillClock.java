package io.convlist.bench;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.concurrent.atomic.AtomicLong;

import io.convlist.testkit.UtcMillisClock;

/**
 * The cost benchmark's clock: it stands still and moves only when told, so the times the store
 * writes, and with them the items' sizes and capacity units, are the same in every run. DynamoDB
 * sizes a number by its significant digits; starting 1.234 s past an hour and moving in whole
 * minutes keeps every millisecond and second value free of trailing zeros.
 */
final class StillClock extends UtcMillisClock {
    /** Where the run's times sit: past the last full hour by an amount whose digits never end in zero. */
    static final long PAST_THE_HOUR_MILLIS = 1_234;

    private final AtomicLong millis;

    StillClock(Instant start) {
        millis = new AtomicLong(start.toEpochMilli());
    }

    /** A clock at the last full hour before now, plus {@link #PAST_THE_HOUR_MILLIS}. */
    static StillClock pastTheHour() {
        return new StillClock(Instant.now().truncatedTo(ChronoUnit.HOURS).plusMillis(PAST_THE_HOUR_MILLIS));
    }

    void advance(Duration d) {
        millis.addAndGet(d.toMillis());
    }

    @Override
    public long millis() {
        return millis.get();
    }
}
