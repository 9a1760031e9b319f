package io.convlist.runtime;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

import io.convlist.domain.AppSettings;
import io.convlist.store.ConversationStore;
import io.convlist.store.app.AppSettingsStore;
import io.convlist.store.table.DynamoDbClients;
import io.convlist.store.table.TableDefinition;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Instance;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * Builds the clock, the DynamoDB client and the stores from configuration, for every application
 * of the service. (The Quarkiverse enhanced-client extension does not resolve here, so this small
 * producer stands in for it.) Execution interceptors that are beans (the tests' request counters)
 * are attached to the client.
 */
@Singleton
public class StoreProducers {

    @Produces
    @Singleton
    Clock clock() {
        return Clock.systemUTC();
    }

    @Produces
    @Singleton
    DynamoDbClient dynamoDb(StoreConfig config, Instance<ExecutionInterceptor> interceptors) {
        return DynamoDbClients.build(config.dynamodb().endpoint(), config.dynamodb().region(),
                List.copyOf(interceptors.stream().toList()), config.dynamodb().callTimeout());
    }

    void closeDynamoDb(@Disposes DynamoDbClient client) {
        client.close();
    }

    @Produces
    @Singleton
    AppSettingsStore appSettings(DynamoDbClient ddb, StoreConfig config, Clock clock) {
        return new AppSettingsStore(ddb, config.table(), clock, Duration.ofSeconds(config.settingsCacheSeconds()));
    }

    @Produces
    @Singleton
    @FanOut
    ExecutorService fanOutExecutor(StoreConfig config) {
        AtomicInteger n = new AtomicInteger();
        return Executors.newFixedThreadPool(config.fanOutParallelism(), r -> {
            Thread t = new Thread(r, "fan-out-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
    }

    void closeFanOut(@Disposes @FanOut ExecutorService executor) {
        executor.shutdown();
    }

    @Produces
    @Singleton
    ConversationStore conversations(DynamoDbClient ddb, StoreConfig config, Clock clock, AppSettingsStore settings,
            @FanOut ExecutorService fanOut) {
        return new ConversationStore(ddb, config.table(), clock, settings, fanOut);
    }

    void checkConfig(@Observes @Priority(1) StartupEvent start, StoreConfig config) {
        ConfigChecks.of(config).orFail();
    }

    void createTable(@Observes StartupEvent start, StoreConfig config, DynamoDbClient ddb, AppSettingsStore settings) {
        if (config.createTable()) {
            TableDefinition.createIfMissing(ddb, config.table());
            // The local run's demo app: an app like any other, so that the console shows it.
            for (String appId : config.createApps().orElse(List.of())) {
                if (settings.find(appId).isEmpty()) {
                    settings.create(AppSettings.defaults(appId), "local run");
                }
            }
        }
    }
}
