package io.convlist.store.table;

import java.util.concurrent.ThreadLocalRandom;

import io.convlist.domain.ErrorCode;
import io.convlist.domain.ServiceException;

/** The retry budget of optimistic writes that lose to concurrent writers, and its pacing. */
public final class Attempts {
    /** Optimistic writes retry this often when concurrent writers win, then answer THROTTLED. */
    public static final int MAX = 12;

    private Attempts() {
    }

    /**
     * Before retrying: a short random pause, growing with the attempt, so that writers contending
     * for one list spread out. The first attempt does not wait.
     */
    public static void backoff(int attempt) {
        if (attempt == 0) {
            return;
        }
        CallScope.countRetry();
        try {
            Thread.sleep(ThreadLocalRandom.current().nextLong(1, 5L << Math.min(attempt, 3)));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw contention();
        }
    }

    public static ServiceException contention() {
        return new ServiceException(ErrorCode.THROTTLED, "too many concurrent changes to this list; retry shortly");
    }
}
