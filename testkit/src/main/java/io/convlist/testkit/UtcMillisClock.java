package io.convlist.testkit;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/** A UTC clock whose time is whatever {@link #millis()} says: the tests' and benchmarks' clocks say it their own way. */
public abstract class UtcMillisClock extends Clock {

    @Override
    public abstract long millis();

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
