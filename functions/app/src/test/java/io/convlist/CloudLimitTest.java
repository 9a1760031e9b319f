package io.convlist;

import static io.convlist.testing.Api.*;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import io.convlist.domain.AppSettings;
import io.convlist.domain.Edition;
import io.convlist.store.ConversationStore;
import io.convlist.store.app.AppSettingsStore;
import io.convlist.store.list.ListState;
import io.convlist.testkit.DynamoDbTestResource;
import io.convlist.testkit.MutableClock;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/** The per-user cap: eviction, concurrency, and changes of the app's limit. */
@QuarkusTest
@QuarkusTestResource(DynamoDbTestResource.class)
class CloudLimitTest {
    /** A time before the test on the application's clock, taken as it starts: the tests' messages are sent from here on. */
    long t0;

    @BeforeEach
    void takeTheTestsStartingTime() {
        t0 = clock.millis() - 3_600_000;
    }

    @Inject
    AppSettingsStore settings;

    @Inject
    ConversationStore store;

    @Inject
    DynamoDbClient ddb;

    @Inject
    MutableClock clock;

    @ConfigProperty(name = "convlist.table")
    String table;

    @ConfigProperty(name = "convlist.settings-cache-seconds")
    int cacheSeconds;

    static void ownGroup(String app, String user, String groupId, long time) {
        group(app, groupId, "Work", user, List.of(), 1, time, "m", List.of(), false);
    }

    @Test
    void recordMessage_beyondLimit_evictsLeastRecentlyActiveUnpinned_andPinnedSurvive() {
        String app = newApp(); // standard edition: limit 100
        for (int i = 0; i < 100; i++) {
            ownGroup(app, "u", "g" + i, t0 + i * 1000L);
        }
        ok(userToken(app, "u"), "pinConversation", body("conversationID", "group_g0", "isPinned", true));
        ok(userToken(app, "u"), "pinConversation", body("conversationID", "group_g1", "isPinned", true));
        for (int i = 100; i < 105; i++) {
            ownGroup(app, "u", "g" + i, t0 + i * 1000L);
        }
        List<String> ids = ids(wholeList(app, "u", 100));
        assertThat(ids).hasSize(100).contains("group_g0", "group_g1", "group_g100", "group_g104");
        // The five least recently active unpinned ones are gone, and nothing else.
        assertThat(ids).doesNotContain("group_g2", "group_g3", "group_g4", "group_g5", "group_g6").contains("group_g7");
        ListState state = store.state(app, "u");
        assertThat(state.stored()).isEqualTo(100);
        assertThat(state.bookkeptSlots()).isEqualTo(100);
        assertThat(state.pinnedCount()).isEqualTo(2);
    }

    @Test
    void recordMessage_sixteenConcurrentWriters_neverExceedLimit_andBookkeepingMatchesStore() throws Exception {
        String app = newApp();
        int writers = 16;
        int creations = 200; // 100 below the limit, 100 that must evict
        ExecutorService pool = Executors.newFixedThreadPool(writers + 1);
        AtomicBoolean writing = new AtomicBoolean(true);
        AtomicInteger samples = new AtomicInteger();
        AtomicInteger maxSeen = new AtomicInteger();
        AtomicInteger retried = new AtomicInteger();
        // Reads sampled while the writers run: a page of 100 must hold everything (isFinished).
        Future<?> reader = pool.submit(() -> {
            while (writing.get()) {
                Response r = ok(userToken(app, "hot"), "getConversationList", body("count", 100));
                int size = r.jsonPath().getList("conversationList").size();
                maxSeen.accumulateAndGet(size, Math::max);
                assertThat(r.jsonPath().getBoolean("isFinished")).as("a 101st conversation was visible").isTrue();
                assertThat(store.state(app, "hot").stored()).isLessThanOrEqualTo(100);
                samples.incrementAndGet();
                Thread.sleep(50);
            }
            return null;
        });
        List<Future<?>> futures = new ArrayList<>();
        for (int w = 0; w < writers; w++) {
            int writer = w;
            futures.add(pool.submit(() -> {
                for (int i = writer; i < creations; i += writers) {
                    Map<String, Object> msg = body("type", "GROUP", "msgID", "m" + i, "seq", 1, "timestamp", t0 + i,
                            "senderID", "hot", "groupID", "c" + i, "groupType", "Work", "recipients", List.of());
                    // A client retries 429 (contention) as told by Retry-After.
                    for (int attempt = 0; ; attempt++) {
                        Response r = call(serviceToken(app), "recordMessage", msg);
                        if (r.statusCode() == 200) {
                            break;
                        }
                        assertThat(r.statusCode()).as(r.asString()).isEqualTo(429);
                        assertThat(attempt).isLessThan(20);
                        retried.incrementAndGet();
                    }
                }
                return null;
            }));
        }
        try {
            for (Future<?> f : futures) {
                f.get(10, TimeUnit.MINUTES);
            }
            writing.set(false);
            reader.get(1, TimeUnit.MINUTES);
        } finally {
            writing.set(false);
            pool.shutdownNow(); // a failed run must not leave writers running into other tests
            pool.awaitTermination(1, TimeUnit.MINUTES);
        }

        List<Map<String, Object>> all = wholeList(app, "hot", 100);
        assertThat(all).hasSize(100);
        assertThat(new HashSet<>(ids(all))).hasSize(100);
        ListState state = store.state(app, "hot");
        assertThat(state.stored()).isEqualTo(100);
        assertThat(state.bookkeptSlots()).isEqualTo(state.stored());
        assertThat(samples.get()).isPositive();
        System.out.printf("concurrency: %d writers, %d creations, %d read samples (max %d seen), %d client retries%n",
                writers, creations, samples.get(), maxSeen.get(), retried.get());
    }

    @Test
    void limitLowered_everyReadShowsTheNewLimit_andExcessIsRemoved_raisingLetsListsGrow() {
        String app = newApp();
        settings.put(new AppSettings(app, app, Edition.FLAGSHIP, 300, 7), "test");
        for (int i = 0; i < 150; i++) {
            ownGroup(app, "u", "g" + i, t0 + i * 1000L);
        }
        ok(userToken(app, "u"), "pinConversation", body("conversationID", "group_g0", "isPinned", true));
        assertThat(wholeList(app, "u", 100)).hasSize(150);

        settings.put(new AppSettings(app, app, Edition.STANDARD, 100, 7), "test");
        List<String> ids = ids(wholeList(app, "u", 100));
        assertThat(ids).hasSize(100).contains("group_g0", "group_g149", "group_g51").doesNotContain("group_g50", "group_g1");
        ListState state = store.state(app, "u");
        assertThat(state.stored()).isEqualTo(100);
        assertThat(state.bookkeptSlots()).isEqualTo(100);

        settings.put(new AppSettings(app, app, Edition.FLAGSHIP, 200, 7), "test");
        for (int i = 150; i < 200; i++) {
            ownGroup(app, "u", "g" + i, t0 + i * 1000L);
        }
        assertThat(wholeList(app, "u", 100)).hasSize(150);
    }

    @Test
    void aLimitLoweredOnAnotherInstance_reachesThisOneWithinTheCacheBound_noReadTouchesTheSettingsItem() {
        String app = newApp();
        settings.put(new AppSettings(app, app, Edition.FLAGSHIP, 300, 7), "test");
        for (int i = 0; i < 150; i++) {
            ownGroup(app, "u", "g" + i, t0 + i * 1000L);
        }
        AppSettingsStore elsewhere = new AppSettingsStore(ddb, table, clock, Duration.ZERO);
        elsewhere.put(new AppSettings(app, app, Edition.STANDARD, 100, 7), "console");
        try {
            // This instance's copy is still the 300 it had: its reads did not read the settings item.
            assertThat(wholeList(app, "u", 100)).hasSize(150);
            clock.advance(Duration.ofSeconds(cacheSeconds).plusMillis(1));
            assertThat(wholeList(app, "u", 100)).hasSize(100);
            assertThat(store.state(app, "u").stored()).isEqualTo(100);
        } finally {
            clock.reset();
        }
    }
}
