package io.convlist.config;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Bounds on one function call. */
@ConfigMapping(prefix = "convlist.request")
public interface RequestConfig {

    /**
     * After this long, a call starts no new DynamoDB request and answers 503 with Retry-After. With
     * the DynamoDB call timeout (5 s) it keeps every call under the Lambda's timeout (15 s).
     */
    @WithDefault("PT9S")
    Duration deadline();
}
