package io.convlist.ttl;

import java.util.List;
import java.util.Optional;

import io.convlist.runtime.MetricsConfig;
import io.convlist.store.UsageChanges;
import jakarta.inject.Singleton;
import software.amazon.lambda.powertools.metrics.Metrics;
import software.amazon.lambda.powertools.metrics.MetricsBuilder;
import software.amazon.lambda.powertools.metrics.model.DimensionSet;
import software.amazon.lambda.powertools.metrics.model.MetricUnit;

/**
 * The usage counters a batch moved, as CloudWatch metrics per app: one Embedded Metric Format line
 * per app and day counted (through Powertools), where {@code convlist.metrics.emf-namespace} is set.
 * Only what the batch newly counted goes out, so a batch that comes again adds nothing here either.
 */
@Singleton
public class UsageMetrics {
    static final List<String> PER_DAY = List.of(UsageChanges.CREATED, UsageChanges.DELETED, UsageChanges.EVICTED,
            UsageChanges.EXPIRED, UsageChanges.LEFT_GROUP, UsageChanges.LISTS_STARTED);

    private final Optional<Metrics> emf;

    UsageMetrics(MetricsConfig config) {
        this.emf = config.emfNamespace().filter(n -> !n.isBlank())
                .map(namespace -> MetricsBuilder.builder().withNamespace(namespace).withService("usage").build());
    }

    void record(List<UsageChanges.Counts> moved) {
        emf.ifPresent(metrics -> moved.stream().filter(c -> !UsageChanges.ALL_TIME.equals(c.day()))
                .forEach(c -> metrics.flushMetrics(line -> {
                    line.addDimension(DimensionSet.of("app", c.app()));
                    PER_DAY.forEach(counter -> line.addMetric(counter, c.deltas().getOrDefault(counter, 0L), MetricUnit.COUNT));
                })));
    }
}
