package io.convlist.ttl;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.convlist.domain.ConversationId;
import io.convlist.domain.ConversationType;
import io.convlist.domain.GroupType;
import io.convlist.domain.message.MembershipChange;
import io.convlist.domain.message.MessageEvent;
import io.convlist.store.ConversationStore;
import io.convlist.store.TtlDeletions;
import io.convlist.store.table.Keys;
import io.convlist.store.usage.UsageChanges;
import io.convlist.testkit.DynamoDbTestResource;
import io.convlist.testkit.MutableClock;
import io.convlist.testkit.Seeds;
import io.convlist.testkit.StreamTail;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;

/**
 * The usage counters against a scripted history: the history runs through the store, its changes are
 * read back from the table's real change stream (the embedded backend serves it), and the counters
 * must equal what the script did; the same batch counted again changes nothing.
 */
@QuarkusTest
@QuarkusTestResource(DynamoDbTestResource.class)
class UsageCountingTest {
    @Inject
    MutableClock clock;

    /** A time before the test on the application's clock, taken as it starts: the tests' messages are sent from here on. */
    long t0;

    @BeforeEach
    void takeTheTestsStartingTime() {
        t0 = clock.millis() - 3_600_000;
    }

    @Inject
    ConversationStore store;

    @Inject
    DynamoDbClient ddb;

    @Inject
    TtlDeletions ttl;

    @Inject
    ListChangesHandler counting;

    @ConfigProperty(name = "convlist.table")
    String table;

    @ConfigProperty(name = "convlist.dynamodb.endpoint")
    URI endpoint;

    MessageEvent c2c(String from, String to, long seq) {
        return new MessageEvent(ConversationType.C2C, from + "-" + seq, seq, t0 + seq, from, to, null, null, List.of(), "hi", java.util.Set.of(),
                false).validated();
    }

    MessageEvent own(String sender, String groupId) {
        return new MessageEvent(ConversationType.GROUP, groupId + "-1", 1, t0 + 1, sender, null, groupId, GroupType.Work, List.of(), "hi",
                java.util.Set.of(), false).validated();
    }

    @Test
    void theCounters_areWhatAScriptedHistoryDid_andABatchThatComesAgainCountsOnce() {
        try (StreamTail stream = StreamTail.startingNow(ddb, endpoint, table)) {
            String app = "app" + UUID.randomUUID().toString().substring(0, 6);

            // alice hears from bob, carol and dan: 6 conversations, 4 lists; she deletes dan's.
            for (String peer : List.of("bob", "carol", "dan")) {
                store.recordMessage(app, c2c(peer, "alice", 1));
            }
            store.delete(app, "alice", ConversationId.c2c("dan"), false);
            // alice and erin join group g (2 conversations, erin's list is new); erin leaves.
            store.addGroupMembers(app, new MembershipChange("g", GroupType.Work, 0, List.of("alice", "erin")).validated(true));
            store.removeGroupMembers(app, new MembershipChange("g", GroupType.Work, 0, List.of("erin")).validated(false));
            // frank starts 101 conversations: the last evicts one (the standard limit is 100).
            for (int i = 0; i <= 100; i++) {
                store.recordMessage(app, own("frank", "f" + i));
            }
            // TTL deletes bob's conversation with alice; its consumer leaves the EXPIRED record.
            Map<String, AttributeValue> key = Map.of(Keys.PK, AttributeValue.fromS(Keys.userPk(app, "bob")),
                    Keys.SK, AttributeValue.fromS(Keys.conversationSk(ConversationId.c2c("alice"))));
            Map<String, AttributeValue> old = ddb.deleteItem(r -> r.tableName(table).key(key).returnValues(ReturnValue.ALL_OLD)).attributes();
            ttl.handle(List.of(new TtlDeletions.Deletion(key.get(Keys.PK).s(), key.get(Keys.SK).s(), TtlDeletions.TTL_PRINCIPAL, old)));

            List<UsageChanges.Change> changes = stream.changes();
            store.usage().apply("test-" + app, changes);
            store.usage().apply("test-" + app, changes); // the same batch again

            Map<String, Long> day = new HashMap<>();
            store.usage().days(app, java.time.LocalDate.now().minusDays(1), java.time.LocalDate.now().plusDays(1))
                    .values().forEach(counts -> counts.forEach((k, v) -> day.merge(k, v, Long::sum)));
            assertThat(day).isEqualTo(Map.of(UsageChanges.CREATED, 3L + 3 + 2 + 101, UsageChanges.DELETED, 1L, UsageChanges.LEFT_GROUP, 1L,
                    UsageChanges.EVICTED, 1L, UsageChanges.EXPIRED, 1L, UsageChanges.LISTS_STARTED, 6L));
            // Stored: 109 created, 4 removed. Lists by size: alice 3 (bob, carol, g), bob and erin 0, carol and dan 1, frank 100.
            assertThat(store.usage().allTime(app)).isEqualTo(Map.of(UsageChanges.STORED, 105L, UsageChanges.LISTS, 6L,
                    UsageChanges.SIZE_PREFIX + 0, 2L, UsageChanges.SIZE_PREFIX + 1, 2L, UsageChanges.SIZE_PREFIX + 3, 1L,
                    UsageChanges.SIZE_PREFIX + 100, 1L));
            // The directory of users with a list, by the start of their ID.
            assertThat(store.usage().usersStartingWith(app, "", 10)).containsExactly("alice", "bob", "carol", "dan", "erin", "frank");
            assertThat(store.usage().usersStartingWith(app, "da", 10)).containsExactly("dan");
            assertThat(store.usage().usersStartingWith(app, "", 2)).containsExactly("alice", "bob");
            // The busiest users: changes to their conversations (here each a conversation arriving), the busiest first.
            Map<String, Long> busiest = new java.util.LinkedHashMap<>();
            for (int d = -1; d <= 1; d++) {
                store.usage().busiest(app, java.time.LocalDate.now(java.time.ZoneOffset.UTC).plusDays(d))
                        .forEach(b -> busiest.merge(b.user(), b.changes(), Long::sum));
            }
            assertThat(busiest).containsExactly(Map.entry("frank", 101L), Map.entry("alice", 4L), Map.entry("bob", 1L),
                    Map.entry("carol", 1L), Map.entry("dan", 1L), Map.entry("erin", 1L));
        }
    }

    /**
     * Random batches of activity for 60 users, counted by two shards at once and some batches twice:
     * the day's board is exactly the 20 users with the most changes, ties by user ID.
     */
    @Test
    void theBusiestUsers_areTheExactTop_underConcurrentShardsAndRetriedBatches() throws Exception {
        long seed = Seeds.seed("UsageCountingTest");
        Random random = new Random(seed);
        String app = "app" + UUID.randomUUID().toString().substring(0, 6);
        long now = clock.millis();
        Map<String, Long> expected = new HashMap<>();
        List<List<UsageChanges.Change>> batches = new ArrayList<>();
        for (int b = 0; b < 30; b++) {
            List<UsageChanges.Change> batch = new ArrayList<>();
            for (int i = random.nextInt(40); i >= 0; i--) {
                String user = "user" + random.nextInt(60);
                expected.merge(user, 1L, Long::sum);
                Map<String, AttributeValue> image = Map.of(Keys.PK, AttributeValue.fromS(Keys.userPk(app, user)),
                        Keys.SK, AttributeValue.fromS("c#c2c_peer" + i));
                batch.add(new UsageChanges.Change("MODIFY", Keys.userPk(app, user), "c#c2c_peer" + i, image, image, now));
            }
            batches.add(batch);
        }
        ExecutorService shards = Executors.newFixedThreadPool(2);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int shard = 0; shard < 2; shard++) {
                int first = shard;
                done.add(shards.submit(() -> {
                    for (int b = first; b < batches.size(); b += 2) {
                        store.usage().apply(app + "-" + b, batches.get(b));
                        if (b % 5 == 0) {
                            store.usage().apply(app + "-" + b, batches.get(b)); // the same batch again
                        }
                    }
                }));
            }
            for (Future<?> f : done) {
                f.get();
            }
        } finally {
            shards.shutdown();
        }
        List<String> top = expected.entrySet().stream()
                .sorted(Map.Entry.<String, Long>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                .limit(20).map(e -> e.getKey() + "=" + e.getValue()).toList();
        String day = java.time.Instant.ofEpochMilli(now).atZone(java.time.ZoneOffset.UTC).toLocalDate().toString();
        assertThat(store.usage().busiest(app, java.time.LocalDate.parse(day)).stream().map(b -> b.user() + "=" + b.changes()).toList())
                .as("seed " + seed).isEqualTo(top);
    }

    @Inject
    UsageMetrics metrics;

    /** A batch's live events as one EMF line, with exactly the dimension set the stack's alarm names. */
    @Test
    void liveEvents_areOneMetricLine_withTheAlarmsDimensions() throws Exception {
        PrintStream stdout = System.out;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            metrics.recordLive(7, 2);
            metrics.recordLive(0, 0); // a batch with no live change writes nothing
        } finally {
            System.setOut(stdout);
        }
        List<String> lines = captured.toString(StandardCharsets.UTF_8).lines().filter(l -> l.contains(UsageMetrics.LIVE_PUBLISHED)).toList();
        assertThat(lines).hasSize(1);
        JsonNode line = new ObjectMapper().readTree(lines.get(0));
        assertThat(line.get(UsageMetrics.LIVE_PUBLISHED).asDouble()).isEqualTo(7.0);
        assertThat(line.get(UsageMetrics.LIVE_FAILED).asDouble()).isEqualTo(2.0);
        assertThat(line.get("Service").asText()).isEqualTo(UsageMetrics.SERVICE);
        assertThat(line.at("/_aws/CloudWatchMetrics/0/Namespace").asText()).isEqualTo("ConvListTest");
        // A metric is found by its exact dimension set: the alarm names Service alone.
        assertThat(line.at("/_aws/CloudWatchMetrics/0/Dimensions").toString()).isEqualTo("[[\"Service\"]]");
    }

    @Test
    void theHandler_countsALambdaBatch_once_howeverOftenItComes() throws Exception {
        String app = "app" + UUID.randomUUID().toString().substring(0, 6);
        var image = Map.of(Keys.PK, new com.amazonaws.services.lambda.runtime.events.models.dynamodb.AttributeValue(Keys.userPk(app, "u")),
                Keys.SK, new com.amazonaws.services.lambda.runtime.events.models.dynamodb.AttributeValue("c#c2c_v"));
        DynamodbEvent.DynamodbStreamRecord insert = new DynamodbEvent.DynamodbStreamRecord();
        insert.setEventID("event-1-" + app);
        insert.setEventName("INSERT");
        insert.setDynamodb(new com.amazonaws.services.lambda.runtime.events.models.dynamodb.StreamRecord().withKeys(image)
                .withNewImage(image).withApproximateCreationDateTime(new Date()));
        // u's list starts full: at the standard cap of 100.
        var metaKeys = Map.of(Keys.PK, new com.amazonaws.services.lambda.runtime.events.models.dynamodb.AttributeValue(Keys.userPk(app, "u")),
                Keys.SK, new com.amazonaws.services.lambda.runtime.events.models.dynamodb.AttributeValue(Keys.META_SK));
        var metaImage = new HashMap<>(metaKeys);
        metaImage.put(Keys.SLOTS, new com.amazonaws.services.lambda.runtime.events.models.dynamodb.AttributeValue()
                .withNS(java.util.stream.IntStream.range(0, 100).mapToObj(String::valueOf).toList()));
        DynamodbEvent.DynamodbStreamRecord meta = new DynamodbEvent.DynamodbStreamRecord();
        meta.setEventID("event-2-" + app);
        meta.setEventName("INSERT");
        meta.setDynamodb(new com.amazonaws.services.lambda.runtime.events.models.dynamodb.StreamRecord().withKeys(metaKeys)
                .withNewImage(metaImage).withApproximateCreationDateTime(new Date()));
        DynamodbEvent event = new DynamodbEvent();
        event.setRecords(List.of(insert, meta));
        PrintStream stdout = System.out;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            assertThat(counting.handleRequest(event, null)).isEqualTo(2);
            assertThat(counting.handleRequest(event, null)).isEqualTo(2); // Lambda retries the batch whole
        } finally {
            System.setOut(stdout);
        }
        // Embedded Metric Format lines from the first time only: the app's day, and its lists at the cap.
        List<String> lines = captured.toString(StandardCharsets.UTF_8).lines().filter(l -> l.startsWith("{") && l.contains(app)).toList();
        assertThat(lines).hasSize(2);
        JsonNode line = new ObjectMapper().readTree(lines.get(0));
        assertThat(line.get("app").asText()).isEqualTo(app);
        assertThat(line.get(UsageChanges.CREATED).asDouble()).isEqualTo(1.0);
        assertThat(line.get(UsageChanges.EVICTED).asDouble()).isEqualTo(0.0);
        assertThat(line.get(UsageChanges.LISTS_STARTED).asDouble()).isEqualTo(1.0);
        assertThat(line.at("/_aws/CloudWatchMetrics/0/Namespace").asText()).isEqualTo("ConvListTest");
        JsonNode atCap = new ObjectMapper().readTree(lines.get(1));
        assertThat(atCap.get("app").asText()).isEqualTo(app);
        assertThat(atCap.get(UsageMetrics.LISTS_AT_CAP).asDouble()).isEqualTo(1.0);
        assertThat(store.usage().allTime(app)).isEqualTo(Map.of(UsageChanges.STORED, 1L, UsageChanges.LISTS, 1L, UsageChanges.SIZE_PREFIX + 100, 1L));
        // Its records make no live event (a keys-only conversation item is no conversation a device could
        // show, and bookkeeping is none): no live line either.
        assertThat(captured.toString(StandardCharsets.UTF_8)).doesNotContain(UsageMetrics.LIVE_PUBLISHED);
        assertThat(store.usage().days(app, java.time.LocalDate.now().minusDays(1), java.time.LocalDate.now().plusDays(1)).values())
                .containsExactly(Map.of(UsageChanges.CREATED, 1L, UsageChanges.LISTS_STARTED, 1L));
    }

}
