package io.convlist.iot;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import org.jboss.logging.Logger;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.convlist.runtime.StoreConfig;
import io.convlist.store.group.LargeGroupChanges;
import io.convlist.store.list.ListChanges;
import io.convlist.store.table.Keys;
import io.convlist.store.usage.UsageChanges;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The stream's changes that devices hear of (lists' changes, large groups' activity), published to IoT Core where
 * {@code convlist.live.iot-endpoint} is set (the deployment sets it; elsewhere this does nothing).
 */
@Singleton
public class LivePublishing {
    private static final Logger LOG = Logger.getLogger(LivePublishing.class);
    /** Publishes in flight at once: a batch of 100 changes takes about 7 round trips. */
    static final int PARALLEL_PUBLISHES = 16;

    private final Optional<IotPublisher> publisher;
    private final ExecutorService parallel;
    private final Clock clock;

    LivePublishing(IotLiveConfig config, StoreConfig store, ObjectMapper json, Clock clock) {
        this.clock = clock;
        this.parallel = Executors.newFixedThreadPool(PARALLEL_PUBLISHES, r -> {
            Thread t = new Thread(r, "live-publish");
            t.setDaemon(true);
            return t;
        });
        // Against a local endpoint (tests, the embedded backend) any credentials do, as for the table.
        AwsCredentialsProvider credentials = store.dynamodb().endpoint().isPresent()
                ? StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local"))
                : DefaultCredentialsProvider.builder().build();
        this.publisher = config.iotEndpoint().map(endpoint -> new IotPublisher(endpoint, store.dynamodb().region(), credentials,
                UrlConnectionHttpClient.builder().connectionTimeout(config.publishTimeout()).socketTimeout(config.publishTimeout()).build(),
                json, parallel));
    }

    /** Publishes what the batch changed in users' lists; nothing where no endpoint is configured. */
    public IotPublisher.Outcome publish(List<UsageChanges.Change> batch) {
        if (publisher.isEmpty()) {
            return new IotPublisher.Outcome(0, 0);
        }
        long now = clock.millis();
        List<IotPublisher.Publication> changes = new ArrayList<>();
        int unreadable = 0;
        for (UsageChanges.Change c : batch) {
            try {
                Map<String, AttributeValue> keys = Map.of(Keys.PK, AttributeValue.fromS(c.pk()), Keys.SK, AttributeValue.fromS(c.sk()));
                ListChanges.of(keys, c.newImage(), now).map(IotPublisher.Publication::of).ifPresent(changes::add);
                LargeGroupChanges.of(keys, c.oldImage(), c.newImage()).map(IotPublisher.Publication::of).ifPresent(changes::add);
            } catch (RuntimeException e) {
                // An item no list change reads (never written by this service): its devices' next sync has it.
                LOG.warnf("no live event for %s %s: %s", c.pk(), c.sk(), e.toString());
                unreadable++;
            }
        }
        IotPublisher.Outcome sent = publisher.get().publish(changes);
        return new IotPublisher.Outcome(sent.published(), sent.failed() + unreadable);
    }

    @PreDestroy
    void stop() {
        parallel.shutdown();
    }
}
