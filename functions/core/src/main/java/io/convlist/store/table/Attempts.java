package io.convlist.store.table;

import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;

import io.convlist.domain.ErrorCode;
import io.convlist.domain.ServiceException;

/** The retry budget of optimistic writes that lose to concurrent writers, and its pacing. */
public final class Attempts {
    /** Optimistic writes retry this often when concurrent writers win, then answer THROTTLED. */
    public static final int MAX = 12;

    /** What an attempt answers when it is done and has nothing to give back. */
    public static final Optional<Boolean> DONE = Optional.of(Boolean.TRUE);

    private Attempts() {
    }

    /**
     * One optimistic attempt: read, decide, write on the condition that what was read still holds.
     * Its answer, or {@link Optional#empty()} when a concurrent writer won and it must read again.
     */
    @FunctionalInterface
    public interface Attempt<T> {
        Optional<T> run(int attempt);
    }

    /**
     * Runs the attempt until it is done, pausing between attempts ({@link #backoff}); after
     * {@value #MAX} lost races the caller is answered THROTTLED, which it may retry.
     */
    public static <T> T untilDone(Attempt<T> attempt) {
        for (int n = 0; n < MAX; n++) {
            backoff(n);
            Optional<T> done = attempt.run(n);
            if (done.isPresent()) {
                return done.get();
            }
        }
        throw contention();
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
