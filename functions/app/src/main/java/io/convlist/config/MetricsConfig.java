package io.convlist.config;

import java.util.Optional;

import io.smallrye.config.ConfigMapping;

/** Where the functions' metrics go besides Prometheus's endpoint. */
@ConfigMapping(prefix = "convlist.metrics")
public interface MetricsConfig {

    /** A CloudWatch namespace: each call then also writes an Embedded Metric Format line (on Lambda). */
    Optional<String> emfNamespace();
}
