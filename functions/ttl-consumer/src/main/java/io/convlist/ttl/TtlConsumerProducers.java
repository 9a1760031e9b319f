package io.convlist.ttl;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executor;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.convlist.store.AppSettingsStore;
import io.convlist.store.ConversationStore;
import io.convlist.store.DynamoDbClients;
import io.convlist.store.TtlDeletions;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/** The store, on the table the functions use (CONVLIST_TABLE). */
@Singleton
public class TtlConsumerProducers {

    @Produces
    @Singleton
    Clock clock() {
        return Clock.systemUTC();
    }

    @Produces
    @Singleton
    DynamoDbClient dynamoDb(@ConfigProperty(name = "convlist.dynamodb.endpoint") Optional<URI> endpoint,
            @ConfigProperty(name = "convlist.dynamodb.region", defaultValue = "us-east-1") String region) {
        return DynamoDbClients.build(endpoint, region, List.of());
    }

    @Produces
    @Singleton
    TtlDeletions ttlDeletions(DynamoDbClient ddb, @ConfigProperty(name = "convlist.table") String table, Clock clock) {
        AppSettingsStore settings = new AppSettingsStore(ddb, table, clock, Duration.ZERO);
        Executor sameThread = Runnable::run; // reconciling writes no fan-out
        return new TtlDeletions(new ConversationStore(ddb, table, clock, settings, sameThread), clock);
    }
}
