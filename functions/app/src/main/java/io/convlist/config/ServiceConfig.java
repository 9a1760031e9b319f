package io.convlist.config;

import java.net.URI;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

/** Configuration of the functions (environment: CONVLIST_TABLE, CONVLIST_DYNAMODB_ENDPOINT, ...). */
@ConfigMapping(prefix = "convlist")
public interface ServiceConfig {

    /** The DynamoDB table that holds every app's lists, settings and profiles. */
    String table();

    /** Create the table at start-up if it is missing (local runs and tests only). */
    @WithDefault("false")
    boolean createTable();

    DynamoDb dynamodb();

    /** How long the message path may use cached app settings (retention); see AppSettingsStore. */
    @WithDefault("5")
    @Min(0)
    @Max(60)
    int settingsCacheSeconds();

    /** Writes in flight at once when a group message fans out to its recipients. */
    @WithDefault("16")
    @Min(1)
    @Max(256)
    int fanOutParallelism();

    interface DynamoDb {
        /** An endpoint override: the embedded backend locally, absent on AWS. */
        Optional<URI> endpoint();

        @WithDefault("us-east-1")
        String region();
    }
}
