package io.convlist.calls;

import java.time.Duration;
import java.util.Optional;

import io.convlist.runtime.MetricsConfig;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.inject.Singleton;
import software.amazon.lambda.powertools.metrics.Metrics;
import software.amazon.lambda.powertools.metrics.MetricsBuilder;
import software.amazon.lambda.powertools.metrics.model.DimensionSet;
import software.amazon.lambda.powertools.metrics.model.MetricUnit;

/**
 * Each call's figures: Micrometer's {@value #CALLS} timer (calls, and latency, by function and outcome
 * code: the errors by code) and {@value #DYNAMODB_REQUESTS} summary (by function); per app, its calls
 * by code ({@value #APP_CALLS}: pins refused, throttled, unavailable) and the store's retries
 * ({@value #APP_RETRIES}). Served for Prometheus at {@code /q/metrics}. Where {@code convlist.metrics.emf-namespace} is set (on Lambda),
 * the same figures also go out as one Embedded Metric Format line per call, through Powertools, which
 * CloudWatch turns into metrics without an API call.
 */
@Singleton
public class CallMetrics {
    static final String CALLS = "convlist.calls";
    static final String DYNAMODB_REQUESTS = "convlist.calls.dynamodb.requests";
    static final String APP_CALLS = "convlist.app.calls";
    static final String APP_RETRIES = "convlist.app.retries";
    /** The function tag of a path that names no function. */
    static final String UNKNOWN = "unknown";

    private final MeterRegistry registry;
    private final FunctionCatalog functions;
    private final Optional<Metrics> emf;

    CallMetrics(MeterRegistry registry, FunctionCatalog functions, MetricsConfig config) {
        this.registry = registry;
        this.functions = functions;
        this.emf = config.emfNamespace().filter(n -> !n.isBlank())
                .map(namespace -> MetricsBuilder.builder().withNamespace(namespace).withService("functions").build());
    }

    void record(CallRecord call, String code, Duration took) {
        String name = functions.contains(call.function) ? call.function : UNKNOWN;
        Timer.builder(CALLS).description("function calls, by function and outcome code").tag("function", name).tag("code", code)
                .register(registry).record(took);
        DistributionSummary.builder(DYNAMODB_REQUESTS).description("DynamoDB requests a call made").tag("function", name)
                .register(registry).record(call.dynamoDbRequests());
        String app = call.app(); // only from a verified token: the apps are the operator's tenants
        if (app != null) {
            Counter.builder(APP_CALLS).description("an app's calls by outcome code (pins refused, throttled, ...)").tag("app", app)
                    .tag("code", code).register(registry).increment();
            Counter.builder(APP_RETRIES).description("an app's writes retried after losing to concurrent writers").tag("app", app)
                    .register(registry).increment(call.retries());
        }
        emf.ifPresent(metrics -> metrics.flushMetrics(line -> {
            line.addDimension(DimensionSet.of("function", name, "code", code));
            line.addDimension(DimensionSet.of("code", code)); // all functions' together: what the alarms watch
            if (app != null) {
                line.addDimension(DimensionSet.of("app", app, "code", code));
            }
            line.addMetric("calls", 1, MetricUnit.COUNT);
            line.addMetric("latency", took.toNanos() / 1e6, MetricUnit.MILLISECONDS);
            line.addMetric("dynamoDbRequests", call.dynamoDbRequests(), MetricUnit.COUNT);
            line.addMetric("retries", call.retries(), MetricUnit.COUNT);
        }));
    }
}
