package io.convlist.console;

import java.util.Map;
import java.util.UUID;

import io.convlist.store.local.EmbeddedDynamoDb;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/** A fresh table on the embedded backend (or DYNAMODB_ENDPOINT), created from TableDefinition at start-up. */
public class ConsoleTestResource implements QuarkusTestResourceLifecycleManager {
    @Override
    public Map<String, String> start() {
        String endpoint = System.getenv("DYNAMODB_ENDPOINT");
        return Map.of(
                "convlist.dynamodb.endpoint", endpoint == null || endpoint.isBlank() ? EmbeddedDynamoDb.start().toString() : endpoint,
                "convlist.table", "console-test-" + UUID.randomUUID().toString().substring(0, 8),
                "convlist.create-table", "true");
    }

    @Override
    public void stop() {
    }
}
