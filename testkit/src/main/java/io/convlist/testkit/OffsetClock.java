package io.convlist.testkit;

/** A UTC clock at real time plus an offset that tests control (moving time forward, or a clock error). */
public abstract class OffsetClock extends UtcMillisClock {

    protected abstract long offsetMillis();

    @Override
    public long millis() {
        return System.currentTimeMillis() + offsetMillis();
    }
}
