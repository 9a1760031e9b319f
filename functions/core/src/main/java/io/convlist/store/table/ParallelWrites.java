package io.convlist.store.table;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.function.BiFunction;
import java.util.function.Consumer;

import io.convlist.domain.ErrorCode;
import io.convlist.domain.ServiceException;

/**
 * Runs independent writes (a message's per-recipient updates, one update per conversation named)
 * in parallel on a bounded executor, and fails with the first failure's own exception.
 */
public final class ParallelWrites {
    private final Executor executor;

    public ParallelWrites(Executor executor) {
        this.executor = executor;
    }

    public void runAll(List<Runnable> writes) {
        if (writes.size() == 1) {
            writes.get(0).run();
            return;
        }
        CompletableFuture<?>[] futures = writes.stream()
                .map(w -> CompletableFuture.runAsync(CallScope.carried(w), executor)).toArray(CompletableFuture[]::new);
        try {
            CompletableFuture.allOf(futures).join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            throw e;
        }
    }

    /**
     * Applies {@code apply} to each key in parallel, for calls that answer one outcome per item: a
     * key whose change is refused (a ServiceException) gets the refusal's code instead of failing the others.
     *
     * @return {@code outcome(key, error)} per key, in the keys' order; error null where it succeeded
     */
    public <K, O> List<O> eachOf(List<K> keys, Consumer<K> apply, BiFunction<K, ErrorCode, O> outcome) {
        Map<K, O> outcomes = new ConcurrentHashMap<>();
        runAll(keys.stream().<Runnable>map(key -> () -> {
            ErrorCode error = null;
            try {
                apply.accept(key);
            } catch (ServiceException refused) {
                error = refused.code();
            }
            outcomes.put(key, outcome.apply(key, error));
        }).toList());
        return keys.stream().map(outcomes::get).toList();
    }
}
