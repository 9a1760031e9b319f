package io.convlist.bench;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import io.convlist.store.ConversationStore;
import io.convlist.store.app.AppSettingsStore;
import io.convlist.store.table.DynamoDbClients;
import io.convlist.store.table.TableDefinition;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * The store as the functions build it (client, settings cache, fan-out pool of 16), on its own new
 * table, with the benchmark's interceptors on the client, on real time or on a clock the benchmark moves.
 */
record StoreOnTable(DynamoDbClient ddb, String table, Clock clock, AppSettingsStore settings, ConversationStore store) {
    /** The functions' fan-out pool size (convlist.fan-out-parallelism, default 16). */
    static final int FAN_OUT_THREADS = 16;
    /**
     * The benchmark's own calls (setting up, probing) wait for moto as long as it takes: under the
     * load benchmark, moto's one-at-a-time queue can hold a call past the service's 5 s call timeout.
     */
    static final Duration SETUP_CALL_TIMEOUT = Duration.ofSeconds(60);

    static StoreOnTable create(URI endpoint, String table, ExecutionInterceptor... interceptors) {
        return create(endpoint, table, Clock.systemUTC(), interceptors);
    }

    static StoreOnTable create(URI endpoint, String table, Clock clock, ExecutionInterceptor... interceptors) {
        DynamoDbClient ddb = DynamoDbClients.build(Optional.of(endpoint), "us-east-1", List.of(interceptors), SETUP_CALL_TIMEOUT);
        TableDefinition.createIfMissing(ddb, table);
        AppSettingsStore settings = new AppSettingsStore(ddb, table, clock, Duration.ofSeconds(60));
        return new StoreOnTable(ddb, table, clock, settings, new ConversationStore(ddb, table, clock, settings, pool("bench-fan-out")));
    }

    static ExecutorService pool(String name) {
        return Executors.newFixedThreadPool(FAN_OUT_THREADS, r -> {
            Thread t = new Thread(r, name);
            t.setDaemon(true);
            return t;
        });
    }
}
