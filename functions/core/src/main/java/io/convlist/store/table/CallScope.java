package io.convlist.store.table;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import io.convlist.domain.ErrorCode;
import io.convlist.domain.ServiceException;

/**
 * The request the store is working for: the time by which it must be answered, and the DynamoDB
 * requests and the retries made for it (for its log line and metrics). Past the deadline, the store starts no new
 * DynamoDB call and answers UNAVAILABLE (503, safe to retry): every write is atomic and idempotent,
 * so what was done stays valid and a retry completes the rest. With the call timeout, this bounds a
 * request at the budget plus one call, below the Lambda's timeout. Held per thread (a monotonic
 * clock, not the business clock) and carried into the fan-out's threads by {@link ParallelWrites}.
 */
public final class CallScope {
    private static final ThreadLocal<CallScope> CURRENT = new ThreadLocal<>();

    private final long deadlineNanos;
    private final AtomicInteger dynamoDbRequests = new AtomicInteger();
    private final AtomicInteger retries = new AtomicInteger();

    private CallScope(long deadlineNanos) {
        this.deadlineNanos = deadlineNanos;
    }

    /** A scope whose deadline is {@code budget} from now. */
    public static CallScope startingNow(Duration budget) {
        return new CallScope(System.nanoTime() + budget.toNanos());
    }

    /** Runs {@code work} in this scope. */
    public <T> T run(Supplier<T> work) {
        return in(this, work);
    }

    /** How many DynamoDB requests the store has started in this scope so far. */
    public int dynamoDbRequests() {
        return dynamoDbRequests.get();
    }

    /** How many times the store's optimistic writes lost to concurrent writers and tried again. */
    public int retries() {
        return retries.get();
    }

    private static <T> T in(CallScope scope, Supplier<T> work) {
        CallScope outer = CURRENT.get();
        set(scope);
        try {
            return work.get();
        } finally {
            set(outer);
        }
    }

    private static void set(CallScope scope) {
        if (scope == null) {
            CURRENT.remove();
        } else {
            CURRENT.set(scope);
        }
    }

    /** Before each DynamoDB request: UNAVAILABLE if the deadline has passed; else counted. */
    static void beforeRequest() {
        CallScope scope = CURRENT.get();
        if (scope == null) {
            return;
        }
        if (System.nanoTime() - scope.deadlineNanos > 0) {
            throw new ServiceException(ErrorCode.UNAVAILABLE, "the request ran out of time; retry later");
        }
        scope.dynamoDbRequests.incrementAndGet();
    }

    /** An optimistic write lost to a concurrent writer and tries again. */
    static void countRetry() {
        CallScope scope = CURRENT.get();
        if (scope != null) {
            scope.retries.incrementAndGet();
        }
    }

    /** The work, to run on another thread in this thread's scope. */
    static Runnable carried(Runnable work) {
        CallScope scope = CURRENT.get();
        return () -> in(scope, () -> {
            work.run();
            return null;
        });
    }
}
