package io.convlist.live;

import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.jboss.logging.Logger;

import io.convlist.runtime.StoreConfig;
import io.convlist.store.group.LargeGroupChanges;
import io.convlist.store.list.ListChanges;
import io.convlist.store.table.DynamoDbClients;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.GetRecordsResponse;
import software.amazon.awssdk.services.dynamodb.model.Record;
import software.amazon.awssdk.services.dynamodb.model.Shard;
import software.amazon.awssdk.services.dynamodb.model.ShardIteratorType;
import software.amazon.awssdk.services.dynamodb.model.Stream;
import software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsClient;

/**
 * Reads the table's stream in this process and hands each change to the devices connected here (a
 * list's change to its user's, a large group's activity to its members', a list's large groups to the
 * registry of who hears of which group)
 * ({@code convlist.live.tail-stream}: the local run, tests, a one-instance container deployment).
 * It reads from the stream's end at start, and keeps its place whether or not a device is connected
 * (more slowly while none is): a device that connects and then syncs gets every later change by event,
 * and every earlier one in its sync (had the tail begun reading only at the connection, a change made
 * just before that could miss both). A change with no device connected is read and dropped.
 */
@ApplicationScoped
public class StreamTail {
    private static final Logger LOG = Logger.getLogger(StreamTail.class);
    private static final long SHARDS_REFRESH_MILLIS = 10_000;
    private static final long BACKOFF_MILLIS = 1_000;
    private static final long UNWATCHED_IDLE_MILLIS = 1_000;

    @Inject
    LiveConfig config;

    @Inject
    StoreConfig store;

    @Inject
    LiveConnections connections;

    @Inject
    Clock clock;

    private volatile boolean running;

    void start(@Observes StartupEvent start) {
        if (!config.tailStream()) {
            return;
        }
        running = true;
        Thread tail = new Thread(this::run, "live-stream-tail");
        tail.setDaemon(true);
        tail.start();
    }

    void stop(@Observes ShutdownEvent stop) {
        running = false;
    }

    private void run() {
        try (DynamoDbStreamsClient streams = DynamoDbClients.buildStreams(store.dynamodb().endpoint(), store.dynamodb().region())) {
            Shards shards = new Shards(streams);
            while (running) {
                try {
                    if (shards.readOnce() == 0) {
                        idle();
                    }
                } catch (RuntimeException e) {
                    LOG.warnf("reading the table's stream failed (%s); trying again in %d ms", e.getMessage(), BACKOFF_MILLIS);
                    // Events may be lost here; devices repair that with their next sync.
                    shards.forget();
                    pause(BACKOFF_MILLIS);
                }
            }
        }
    }

    /**
     * After a read that found nothing: {@code tail-idle} while a device is connected; otherwise up to a
     * second (the position is kept, so nothing is skipped), ending early when a device connects.
     */
    private void idle() {
        pause(config.tailIdle().toMillis());
        for (long waited = config.tailIdle().toMillis(); waited < UNWATCHED_IDLE_MILLIS && connections.isEmpty() && running;
                waited += config.tailIdle().toMillis()) {
            pause(config.tailIdle().toMillis());
        }
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The stream's open shards and where this tail stands in each. */
    private final class Shards {
        private final DynamoDbStreamsClient streams;
        private final Map<String, String> iterators = new HashMap<>();
        private String streamArn;
        private long refreshedAt;

        Shards(DynamoDbStreamsClient streams) {
            this.streams = streams;
        }

        /** Drops every position: the next read starts again at the stream's end. */
        void forget() {
            iterators.clear();
            refreshedAt = 0;
        }

        /** One GetRecords per shard; answers how many records it handed on. */
        int readOnce() {
            refresh();
            int handed = 0;
            for (Map.Entry<String, String> shard : List.copyOf(iterators.entrySet())) {
                GetRecordsResponse got = streams.getRecords(r -> r.shardIterator(shard.getValue()));
                long now = clock.millis();
                for (Record record : got.records()) {
                    Map<String, AttributeValue> keys = record.dynamodb().keys();
                    Map<String, AttributeValue> newImage = record.dynamodb().newImage();
                    ListChanges.of(keys, newImage, now).ifPresent(connections::deliver);
                    ListChanges.largeGroupsOf(keys, newImage).ifPresent(connections::largeGroupsChanged);
                    LargeGroupChanges.of(keys, record.dynamodb().oldImage(), newImage).ifPresent(connections::deliver);
                    handed++;
                }
                if (got.nextShardIterator() == null) {
                    iterators.remove(shard.getKey());
                } else {
                    iterators.put(shard.getKey(), got.nextShardIterator());
                }
            }
            return handed;
        }

        /** Finds shards opened since (a shard found later is read from its start, one found at the first look from the end). */
        private void refresh() {
            long now = System.nanoTime() / 1_000_000;
            if (refreshedAt != 0 && now - refreshedAt < SHARDS_REFRESH_MILLIS) {
                return;
            }
            boolean first = refreshedAt == 0;
            refreshedAt = now;
            if (streamArn == null) {
                // Through the streams client: the table's client counts the functions' own requests.
                List<Stream> found = streams.listStreams(r -> r.tableName(store.table())).streams();
                if (found.isEmpty()) {
                    throw new IllegalStateException("the table " + store.table() + " has no stream (yet)");
                }
                streamArn = found.get(0).streamArn();
            }
            for (Shard shard : streams.describeStream(r -> r.streamArn(streamArn)).streamDescription().shards()) {
                boolean open = shard.sequenceNumberRange() == null || shard.sequenceNumberRange().endingSequenceNumber() == null;
                if (open && !iterators.containsKey(shard.shardId())) {
                    ShardIteratorType from = first ? ShardIteratorType.LATEST : ShardIteratorType.TRIM_HORIZON;
                    iterators.put(shard.shardId(), streams.getShardIterator(r -> r.streamArn(streamArn).shardId(shard.shardId())
                            .shardIteratorType(from)).shardIterator());
                }
            }
        }
    }
}
