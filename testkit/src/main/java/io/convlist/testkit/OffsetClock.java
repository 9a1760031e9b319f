package io.convlist.testkit;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/** A UTC clock at real time plus an offset that tests control (moving time forward, or a clock error). */
public abstract class OffsetClock extends Clock {

    protected abstract long offsetMillis();

    @Override
    public long millis() {
        return System.currentTimeMillis() + offsetMillis();
    }

    @Override
    public Instant instant() {
        return Instant.ofEpochMilli(millis());
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return this;
    }
}
