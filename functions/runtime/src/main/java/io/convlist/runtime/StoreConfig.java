package io.convlist.runtime;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * The configuration every application of the service reads (functions, console, TTL consumer):
 * environment CONVLIST_TABLE, CONVLIST_DYNAMODB_ENDPOINT, CONVLIST_SETTINGS_CACHE_SECONDS, ... Its
 * ranges are checked at start by {@link ConfigChecks} (Hibernate Validator would cost the functions'
 * cold start about 0.4 s).
 */
@ConfigMapping(prefix = "convlist")
public interface StoreConfig {

    /** The DynamoDB table that holds every app's lists, settings and profiles. */
    String table();

    /** Create the table at start-up if it is missing (local runs and tests only). */
    @WithDefault("false")
    boolean createTable();

    /** With create-table: apps to create (with the default settings) if they do not exist, e.g. the local run's demo app. */
    Optional<List<String>> createApps();

    DynamoDb dynamodb();

    /** How long an instance keeps its copy of an app's settings (0 to 60 s); see AppSettingsStore. 0: always fresh. */
    @WithDefault("5")
    int settingsCacheSeconds();

    /** Writes in flight at once when a group message fans out to its recipients (or a request updates several conversations); 1 to 256. */
    @WithDefault("16")
    int fanOutParallelism();

    interface DynamoDb {
        /** An endpoint override: the embedded backend locally, absent on AWS. */
        Optional<URI> endpoint();

        /** The Lambda's own region on AWS (AWS_REGION), where the table is. */
        @WithDefault("${AWS_REGION:us-east-1}")
        String region();

        /**
         * How long one DynamoDB call may take, the SDK's retries included (device sync's overlap relies
         * on it, and with the functions' request deadline it keeps a call under the Lambda's timeout).
         */
        @WithDefault("5s")
        Duration callTimeout();
    }
}
