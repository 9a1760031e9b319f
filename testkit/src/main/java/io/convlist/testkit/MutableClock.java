package io.convlist.testkit;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

import jakarta.annotation.Priority;
import jakarta.enterprise.inject.Alternative;
import jakarta.inject.Singleton;

/** The application's clock in tests: real time plus an offset that tests move forward. */
@Alternative
@Priority(1)
@Singleton
public class MutableClock extends OffsetClock {
    private final AtomicLong offsetMillis = new AtomicLong();

    public void advance(Duration d) {
        offsetMillis.addAndGet(d.toMillis());
    }

    /** Back to real time (after a test moved the clock). */
    public void reset() {
        offsetMillis.set(0);
    }

    @Override
    protected long offsetMillis() {
        return offsetMillis.get();
    }
}
