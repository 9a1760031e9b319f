package io.convlist.iot;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

import io.convlist.store.ConversationStore;
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
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * IoT Core's lifecycle events through the presence handler (livePresence): the console's count of a
 * user's connected devices and the app's counter from the table's stream follow the last event of
 * each device, whatever order and how often IoT delivers them.
 */
@QuarkusTest
@QuarkusTestResource(DynamoDbTestResource.class)
@QuarkusTestResource(IotEndpointTestResource.class)
class LivePresenceTest {
    @Inject
    LivePresenceHandler handler;

    @Inject
    ConversationStore store;

    @Inject
    MutableClock clock;

    @Inject
    DynamoDbClient ddb;

    @ConfigProperty(name = "convlist.table")
    String table;

    @ConfigProperty(name = "convlist.dynamodb.endpoint")
    URI endpoint;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    void event(String clientId, String type, long version) {
        handler.handleRequest(new LivePresenceHandler.Lifecycle(clientId, type, clock.millis(), version), null);
    }

    static String newApp() {
        return "app" + UUID.randomUUID().toString().substring(0, 6);
    }

    @Test
    void theCounts_followEachDevicesLastEvent_andIgnoreWhatIsNoDevice() {
        String app = newApp();
        try (StreamTail stream = StreamTail.startingNow(ddb, endpoint, table)) {
            event(app + "/alice/0", "connected", 1);
            event(app + "/alice/1", "connected", 1);
            event(app + "/alice/1", "connected", 1); // IoT delivers twice
            event(app + "/alice/0", "disconnected", 1);
            event(app + "/alice/0", "connected", 2); // the phone again
            event(app + "/alice/2", "disconnected", 3); // a close that overtook its own open
            event(app + "/alice/2", "connected", 3);
            event(app + "/bob/0", "connected", 7);
            event("someone-else's-thing", "connected", 1);
            event(app + "/bob/1", "subscribed", 1);
            assertThat(store.devices().connectedCount(app, "alice")).isEqualTo(2);
            assertThat(store.devices().connectedCount(app, "bob")).isEqualTo(1);
            assertThat(store.devices().connectedCount(app, "carol")).isZero();

            // bob's token expires and IoT's close is lost: TTL ends the item (here deleted as TTL would).
            clock.advance(Duration.ofSeconds(LivePresenceHandler.LONGEST_CONNECTION_SECONDS + 1));
            assertThat(store.devices().connectedCount(app, "bob")).isZero();
            ddb.deleteItem(r -> r.tableName(table).key(Map.of(Keys.PK, AttributeValue.fromS(Keys.devicesPk(app, "bob")),
                    Keys.SK, AttributeValue.fromS(Keys.DEVICE_SK_PREFIX + "0"))));

            store.usage().apply("presence-" + app, stream.changes());
            assertThat(store.usage().allTime(app)).isEqualTo(Map.of(UsageChanges.DEVICES_CONNECTED, 2L));
        }
    }

    /**
     * Random sessions of a few devices, their events delivered shuffled and some twice: each device ends
     * as its last session left it.
     */
    @Test
    void shuffledAndRepeatedEvents_leaveEachDeviceAsItsLastSession() {
        long seed = Seeds.seed("LivePresenceTest");
        Random random = new Random(seed);
        String app = newApp();
        int devices = 4;
        List<String[]> events = new ArrayList<>();
        long expected = 0;
        for (int slot = 0; slot < devices; slot++) {
            int sessions = 1 + random.nextInt(3);
            boolean lastOpen = random.nextBoolean();
            for (int v = 1; v <= sessions; v++) {
                events.add(new String[] { app + "/u/" + slot, "connected", Integer.toString(v) });
                if (v < sessions || !lastOpen) {
                    events.add(new String[] { app + "/u/" + slot, "disconnected", Integer.toString(v) });
                }
            }
            expected += lastOpen ? 1 : 0;
        }
        for (int i = 0, n = events.size(); i < n; i++) {
            if (random.nextInt(4) == 0) {
                events.add(events.get(i));
            }
        }
        Collections.shuffle(events, random);
        events.forEach(e -> event(e[0], e[1], Long.parseLong(e[2])));
        assertThat(store.devices().connectedCount(app, "u")).as("seed " + seed + " (replay with -Dseed=" + seed + ")")
                .isEqualTo(expected);
    }
}
