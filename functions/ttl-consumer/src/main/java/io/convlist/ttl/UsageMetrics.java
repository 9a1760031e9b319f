package io.convlist.ttl;

import java.util.List;
import java.util.Optional;

import io.convlist.runtime.MetricsConfig;
import io.convlist.store.ConversationStore;
import io.convlist.store.app.AppSettingsStore;
import io.convlist.store.usage.UsageChanges;
import jakarta.inject.Singleton;
import software.amazon.lambda.powertools.metrics.Metrics;
import software.amazon.lambda.powertools.metrics.MetricsBuilder;
import software.amazon.lambda.powertools.metrics.model.DimensionSet;
import software.amazon.lambda.powertools.metrics.model.MetricUnit;

/**
 * The usage counters a batch moved, as CloudWatch metrics per app: one Embedded Metric Format line
 * per app and day counted (through Powertools), where {@code convlist.metrics.emf-namespace} is set.
 * Only what the batch newly counted goes out, so a batch that comes again adds nothing here either.
 * Where a batch moved an app's lists between sizes, a line also gives {@value #LISTS_AT_CAP}: the
 * app's lists at its cap, as read after the batch (a level: take its maximum or its last value).
 * A batch's live events go out on a line of their own: {@value #LIVE_PUBLISHED} and
 * {@value #LIVE_FAILED} (a failed publish is dropped and repaired by the device's next sync; many of
 * them mean devices are not live, and the stack alarms on them). One Powertools instance serves both:
 * Powertools keeps one per process, with one service dimension ({@value #SERVICE}).
 */
@Singleton
public class UsageMetrics {
    static final List<String> PER_DAY = List.of(UsageChanges.CREATED, UsageChanges.DELETED, UsageChanges.EVICTED,
            UsageChanges.EXPIRED, UsageChanges.LEFT_GROUP, UsageChanges.LISTS_STARTED);

    static final String LISTS_AT_CAP = "listsAtCap";
    public static final String LIVE_PUBLISHED = "liveEventsPublished";
    public static final String LIVE_FAILED = "liveEventsFailed";
    public static final String SERVICE = "usage";

    private final Optional<Metrics> emf;
    private final ConversationStore store;
    private final AppSettingsStore settings;

    UsageMetrics(MetricsConfig config, ConversationStore store, AppSettingsStore settings) {
        this.emf = config.emfNamespace().filter(n -> !n.isBlank())
                .map(namespace -> MetricsBuilder.builder().withNamespace(namespace).withService(SERVICE).build());
        this.store = store;
        this.settings = settings;
    }

    /** A batch's live events: how many went out, how many failed (nothing for a batch without any). */
    public void recordLive(int published, int failed) {
        if (published + failed > 0) {
            emf.ifPresent(metrics -> metrics.flushMetrics(line -> {
                line.addMetric(LIVE_PUBLISHED, published, MetricUnit.COUNT);
                line.addMetric(LIVE_FAILED, failed, MetricUnit.COUNT);
            }));
        }
    }

    void record(List<UsageChanges.Counts> moved) {
        emf.ifPresent(metrics -> moved.forEach(c -> {
            if (!UsageChanges.ALL_TIME.equals(c.day())) {
                metrics.flushMetrics(line -> {
                    line.addDimension(DimensionSet.of("app", c.app()));
                    PER_DAY.forEach(counter -> line.addMetric(counter, c.deltas().getOrDefault(counter, 0L), MetricUnit.COUNT));
                });
            } else if (c.deltas().keySet().stream().anyMatch(k -> k.startsWith(UsageChanges.SIZE_PREFIX))) {
                long atCap = UsageChanges.listsHolding(store.usage().allTime(c.app()), settings.cached(c.app()).conversationLimit(),
                        Integer.MAX_VALUE);
                metrics.flushMetrics(line -> {
                    line.addDimension(DimensionSet.of("app", c.app()));
                    line.addMetric(LISTS_AT_CAP, atCap, MetricUnit.COUNT);
                });
            }
        }));
    }
}
