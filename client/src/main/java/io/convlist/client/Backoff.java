package io.convlist.client;

import java.util.concurrent.ThreadLocalRandom;

/** Waits between attempts: doubling from {@code first} up to {@code longest}, with up to half of it added at random. */
final class Backoff {
    private final long firstMillis;
    private final long longestMillis;
    private long next;

    Backoff(long firstMillis, long longestMillis) {
        this.firstMillis = firstMillis;
        this.longestMillis = longestMillis;
        this.next = firstMillis;
    }

    synchronized long next() {
        long wait = next;
        next = Math.min(next * 2, longestMillis);
        return wait + ThreadLocalRandom.current().nextLong(wait / 2 + 1);
    }

    synchronized void reset() {
        next = firstMillis;
    }
}
