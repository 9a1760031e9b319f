package io.convlist.console;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import io.convlist.store.AppSettingsStore;
import io.convlist.store.ConversationStore;
import io.convlist.store.DynamoDbClients;
import io.convlist.store.TableDefinition;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/** The same stores the functions use, on the same table: one mapping, one set of rules. */
@Singleton
public class ConsoleProducers {

    @Produces
    @Singleton
    Clock clock() {
        return Clock.systemUTC();
    }

    @Produces
    @Singleton
    DynamoDbClient dynamoDb(ConsoleConfig config) {
        return DynamoDbClients.build(config.dynamodb().endpoint(), config.dynamodb().region(), List.of());
    }

    void close(@Disposes DynamoDbClient client) {
        client.close();
    }

    @Produces
    @Singleton
    AppSettingsStore settings(DynamoDbClient ddb, ConsoleConfig config, Clock clock) {
        // The console always reads settings fresh: it is where they change.
        return new AppSettingsStore(ddb, config.table(), clock, Duration.ZERO);
    }

    @Produces
    @Singleton
    ConversationStore conversations(DynamoDbClient ddb, ConsoleConfig config, Clock clock, AppSettingsStore settings) {
        // The console only reads lists (and trims one over a lowered limit, as any read does).
        ExecutorService inline = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "console-store");
            t.setDaemon(true);
            return t;
        });
        return new ConversationStore(ddb, config.table(), clock, settings, inline);
    }

    void createTable(@Observes StartupEvent start, ConsoleConfig config, DynamoDbClient ddb) {
        if (config.createTable()) {
            TableDefinition.createIfMissing(ddb, config.table());
        }
    }
}
