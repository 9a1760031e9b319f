package io.convlist.live;

import static io.convlist.testing.Api.*;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;

import io.convlist.testkit.DynamoDbTestResource;
import io.convlist.testkit.Seeds;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

/**
 * A device that follows its list by events, loses them whenever its connection drops, and on every
 * reconnect connects first and then syncs from its cursor, as docs/live.md says, while a random history
 * of messages, reads, pins and deletes runs (evictions and TTL expiry arrive as removals like deletes:
 * {@link LiveTest}). It must end with exactly the server's list
 * without a final sync: what events and syncs brought together converges.
 */
@QuarkusTest
@QuarkusTestResource(DynamoDbTestResource.class)
class LiveConvergenceTest extends LiveChannelTest {
    private static final int PEERS = 30;
    private static final int STEPS = 160;


    /**
     * The device's copy, and the rule docs/live.md gives: of a conversation's states and removals, by
     * event or by sync, the one with the highest version stands.
     */
    static final class Copy {
        final Map<String, Map<String, Object>> list = new HashMap<>();
        /** The highest version seen of each conversation, of a state or a removal. */
        final Map<String, Long> seen = new HashMap<>();
        String cursor;

        @SuppressWarnings("unchecked")
        void apply(Map<String, Object> event) {
            if (event.containsKey("conversation")) {
                changed((Map<String, Object>) event.get("conversation"));
            } else if (event.containsKey("removed")) {
                removed((Map<String, Object>) event.get("removed"));
            }
        }

        void changed(Map<String, Object> c) {
            if (newer(c)) {
                list.put((String) c.get("conversationID"), c);
            }
        }

        void removed(Map<String, Object> r) {
            if (newer(r)) {
                list.remove((String) r.get("conversationID"));
            }
        }

        private boolean newer(Map<String, Object> stateOrRemoval) {
            String id = (String) stateOrRemoval.get("conversationID");
            long version = ((Number) stateOrRemoval.get("version")).longValue();
            if (version <= seen.getOrDefault(id, 0L)) {
                return false;
            }
            seen.put(id, version);
            return true;
        }

        void sync(String token) {
            for (int call = 0; call < 200; call++) {
                var r = ok(token, "syncConversations", body("cursor", cursor, "count", 50));
                assertThat(r.jsonPath().getBoolean("resyncRequired")).isFalse();
                r.jsonPath().<Map<String, Object>>getList("changed").forEach(this::changed);
                r.jsonPath().<Map<String, Object>>getList("removed").forEach(this::removed);
                cursor = r.jsonPath().getString("cursor");
                if (r.jsonPath().getBoolean("isFinished")) {
                    return;
                }
            }
            throw new AssertionError("sync did not finish");
        }

        /** What the comparison looks at: per conversation, its unread count, last message and pin. */
        Map<String, String> summary() {
            Map<String, String> out = new TreeMap<>();
            list.forEach((id, c) -> out.put(id, describe(c)));
            return out;
        }
    }

    static void drain(LiveDevice device, Copy copy) {
        for (Map<String, Object> event = device.events.poll(); event != null; event = device.events.poll()) {
            copy.apply(event);
        }
    }

    @SuppressWarnings("unchecked")
    static String describe(Map<String, Object> c) {
        Map<String, Object> last = (Map<String, Object>) c.get("lastMessage");
        return "unread=" + c.get("unreadCount") + " last=" + (last == null ? null : last.get("msgID")) + " pinned=" + c.get("isPinned");
    }

    @Test
    void aDeviceThatLosesEventsWhenItsConnectionDrops_convergesByEventsAndSyncs() throws Exception {
        long seed = Seeds.seed("LiveConvergenceTest");
        Random random = new Random(seed);
        String app = newApp();
        String user = "u";
        String token = userToken(app, user);
        URI live = live();
        Copy copy = new Copy();
        LiveDevice device = LiveDevice.connect(live, token);
        copy.sync(token);
        Map<String, Long> seqs = new HashMap<>();
        int reconnects = 0;
        for (int step = 0; step < STEPS; step++) {
            clock.advance(Duration.ofMillis(1 + random.nextInt(20)));
            String peer = "p" + random.nextInt(PEERS);
            int action = random.nextInt(100);
            if (action < 65) {
                long seq = seqs.merge(peer, 1L, Long::sum);
                c2c(app, peer, user, seq, clock.millis(), "s" + step);
            } else if (action < 75) {
                call(token, "cleanConversationUnreadMessageCount", body("conversationID", "c2c_" + peer, "cleanTimestamp",
                        clock.millis() / 1000));
            } else if (action < 82) {
                call(token, "pinConversation", body("conversationID", "c2c_" + peer, "isPinned", random.nextBoolean()));
            } else if (action < 90) {
                call(token, "deleteConversation", body("conversationID", "c2c_" + peer));
            } else if (device != null) {
                drain(device, copy);
                device.socket.abort(); // the connection drops: what comes meanwhile is lost
                device = null;
            } else {
                device = LiveDevice.connect(live, token);
                reconnects++;
                copy.sync(token);
            }
            if (device != null) {
                drain(device, copy);
            }
        }
        if (device == null) {
            device = LiveDevice.connect(live, token);
            copy.sync(token);
        }
        // The last change's event marks the end: everything before it has been read from the stream.
        clock.advance(Duration.ofMillis(5));
        c2c(app, "zz-last", user, 1, clock.millis(), "end");
        while (true) {
            Map<String, Object> event = device.next();
            copy.apply(event);
            if ("c2c_zz-last".equals(LiveDevice.conversationIdOf(event))) {
                break;
            }
        }
        Map<String, String> server = new TreeMap<>();
        wholeList(app, user, 100).forEach(c -> server.put((String) c.get("conversationID"), describe(c)));
        System.out.printf("LiveConvergenceTest: seed %d, %d steps, %d reconnects, %d conversations%n", seed, STEPS, reconnects,
                server.size());
        assertThat(copy.summary()).as("seed %d (replay with -Dseed=%d), %d reconnects", seed, seed, reconnects).isEqualTo(server);
        device.close();
    }
}
