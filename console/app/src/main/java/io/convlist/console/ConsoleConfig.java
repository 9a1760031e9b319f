package io.convlist.console;

import java.net.URI;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** The console reads the functions' table, with the same keys (CONVLIST_TABLE, CONVLIST_DYNAMODB_ENDPOINT). */
@ConfigMapping(prefix = "convlist")
public interface ConsoleConfig {
    String table();

    @WithDefault("false")
    boolean createTable();

    DynamoDb dynamodb();

    interface DynamoDb {
        Optional<URI> endpoint();

        @WithDefault("us-east-1")
        String region();
    }
}
