package io.convlist.store;

import java.time.Duration;
import java.util.function.Supplier;

import io.convlist.domain.ErrorCode;
import io.convlist.domain.ServiceException;

/**
 * The time by which a request must be answered. Past it, the store starts no new DynamoDB call and
 * answers UNAVAILABLE (503, safe to retry): every write is atomic and idempotent, so what was done
 * stays valid and a retry completes the rest. With the call timeout, this bounds a request at the
 * budget plus one call, below the Lambda's timeout. Held per thread (a monotonic clock, not the
 * business clock) and carried into the fan-out's threads by {@link ParallelWrites}.
 */
public final class Deadline {
    private static final ThreadLocal<Long> AT_NANOS = new ThreadLocal<>();

    private Deadline() {
    }

    /** Runs {@code work} with a deadline {@code budget} from now. */
    public static <T> T within(Duration budget, Supplier<T> work) {
        return at(System.nanoTime() + budget.toNanos(), work);
    }

    private static <T> T at(Long atNanos, Supplier<T> work) {
        Long outer = AT_NANOS.get();
        if (atNanos == null) {
            AT_NANOS.remove();
        } else {
            AT_NANOS.set(atNanos);
        }
        try {
            return work.get();
        } finally {
            if (outer == null) {
                AT_NANOS.remove();
            } else {
                AT_NANOS.set(outer);
            }
        }
    }

    /** UNAVAILABLE if the current request's deadline has passed. */
    static void check() {
        Long at = AT_NANOS.get();
        if (at != null && System.nanoTime() - at > 0) {
            throw new ServiceException(ErrorCode.UNAVAILABLE, "the request ran out of time; retry later");
        }
    }

    /** The work, to run on another thread under this thread's deadline. */
    static Runnable carried(Runnable work) {
        Long at = AT_NANOS.get();
        return () -> at(at, () -> {
            work.run();
            return null;
        });
    }
}
