package io.convlist.bench;

import java.util.Arrays;

/** The latencies of one sequential caller's calls in one run: percentiles and calls per second. */
final class Latencies {
    private long[] nanos = new long[64];
    private int count;

    void add(long elapsedNanos) {
        if (count == nanos.length) {
            nanos = Arrays.copyOf(nanos, count * 2);
        }
        nanos[count++] = elapsedNanos;
    }

    /** The p-th percentile (nearest rank) in milliseconds. */
    double percentileMillis(double p) {
        long[] sorted = Arrays.copyOf(nanos, count);
        Arrays.sort(sorted);
        int rank = (int) Math.ceil(p / 100.0 * count);
        return sorted[Math.max(0, rank - 1)] / 1e6;
    }

    /** Calls per second of one caller making these calls back to back. */
    double perSecond() {
        long total = 0;
        for (int i = 0; i < count; i++) {
            total += nanos[i];
        }
        return count / (total / 1e9);
    }
}
