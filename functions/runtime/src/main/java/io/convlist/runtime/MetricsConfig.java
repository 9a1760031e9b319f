package io.convlist.runtime;

import java.util.Optional;

import io.smallrye.config.ConfigMapping;

/** Where an application's metrics go besides (for the functions) Prometheus's endpoint. */
@ConfigMapping(prefix = "convlist.metrics")
public interface MetricsConfig {

    /** A CloudWatch namespace: each call then also writes an Embedded Metric Format line (on Lambda). */
    Optional<String> emfNamespace();
}
