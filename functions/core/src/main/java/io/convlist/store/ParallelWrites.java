package io.convlist.store;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;

/**
 * Runs independent writes (a message's per-recipient updates, one update per conversation named)
 * in parallel on a bounded executor, and fails with the first failure's own exception.
 */
final class ParallelWrites {
    private final Executor executor;

    ParallelWrites(Executor executor) {
        this.executor = executor;
    }

    void runAll(List<Runnable> writes) {
        if (writes.size() == 1) {
            writes.get(0).run();
            return;
        }
        CompletableFuture<?>[] futures = writes.stream()
                .map(w -> CompletableFuture.runAsync(Deadline.carried(w), executor)).toArray(CompletableFuture[]::new);
        try {
            CompletableFuture.allOf(futures).join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            throw e;
        }
    }
}
