package io.convlist.live;

import static io.convlist.testing.Api.*;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import io.convlist.testkit.DynamoDbTestResource;
import io.convlist.testkit.Seeds;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

/**
 * A conversation's version orders its states and removals where its times cannot: writers whose clocks
 * go back, and writers that race. The events are read from real devices on the live channel.
 */
@QuarkusTest
@QuarkusTestResource(DynamoDbTestResource.class)
class VersionTest extends LiveChannelTest {

    @SuppressWarnings("unchecked")
    static Map<String, Object> stateOrRemoval(Map<String, Object> event) {
        return (Map<String, Object>) (event.containsKey("conversation") ? event.get("conversation") : event.get("removed"));
    }

    static long version(Map<String, Object> event) {
        return ((Number) stateOrRemoval(event).get("version")).longValue();
    }

    /**
     * A message, a pin from an instance whose clock is a second behind, a delete, and a message that
     * brings the conversation back from a clock another second behind: by time the pin comes before the
     * message and the comeback before the delete; by version each comes after the one before it, and a
     * device that gets the four in any order keeps the last.
     */
    @Test
    void statesAndRemovals_areOrderedByVersion_whateverTheWritersClocksSay() throws Exception {
        String app = newApp();
        String token = userToken(app, "u");
        try (LiveDevice device = LiveDevice.connect(live(), token)) {
            c2c(app, "bob", "u", 1, clock.millis(), "first");
            Map<String, Object> message = device.nextAbout("c2c_bob");
            clock.advance(Duration.ofSeconds(-1));
            ok(token, "pinConversation", body("conversationID", "c2c_bob", "isPinned", true));
            Map<String, Object> pin = device.nextAbout("c2c_bob");
            ok(token, "deleteConversation", body("conversationID", "c2c_bob"));
            Map<String, Object> delete = device.nextAbout("c2c_bob");
            clock.advance(Duration.ofSeconds(-1));
            c2c(app, "bob", "u", 2, clock.millis(), "back");
            Map<String, Object> back = device.nextAbout("c2c_bob");

            List<Map<String, Object>> inOrder = List.of(message, pin, delete, back);
            assertThat(inOrder.stream().map(VersionTest::version).toList()).isSorted().doesNotHaveDuplicates();
            // The times say otherwise: the pin is older than the message, the comeback older than the delete.
            assertThat(((Number) stateOrRemoval(pin).get("lastChangeTime")).longValue())
                    .isLessThan(((Number) stateOrRemoval(message).get("lastChangeTime")).longValue());
            assertThat(((Number) stateOrRemoval(back).get("lastChangeTime")).longValue())
                    .isLessThan(((Number) stateOrRemoval(delete).get("time")).longValue());

            for (List<Map<String, Object>> order : permutations(inOrder)) {
                LiveConvergenceTest.Copy copy = new LiveConvergenceTest.Copy();
                order.forEach(copy::apply);
                assertThat(copy.list).as("applied in the order %s", order.stream().map(e -> e.get("event")).toList())
                        .containsOnlyKeys("c2c_bob");
                assertThat(LiveConvergenceTest.describe(copy.list.get("c2c_bob"))).contains("last=bob-u-2");
            }
            // Sync agrees: the state it sends is the comeback's, at its version.
            Map<String, Object> synced = conversation(app, "u", "c2c_bob");
            assertThat(((Number) synced.get("version")).longValue()).isEqualTo(version(back));
        }
    }

    /**
     * Drafts written by 6 writers at once, one of which deletes the conversation on the way: no two
     * states share a version, and the removal is above every state, so no late state can bring it back
     * on a device. (Seeded: where the delete comes.)
     */
    @Test
    void racingWriters_neverShareAVersion_andTheRemovalIsAboveEveryState() throws Exception {
        long seed = Seeds.seed("VersionTest");
        Random random = new Random(seed);
        String app = newApp();
        String token = userToken(app, "u");
        c2c(app, "bob", "u", 1, clock.millis(), "hi");
        ExecutorService writers = Executors.newFixedThreadPool(6);
        try (LiveDevice device = LiveDevice.connect(live(), token)) {
            int deleteAt = 1 + random.nextInt(7);
            List<Future<?>> done = new ArrayList<>();
            for (int w = 0; w < 6; w++) {
                int writer = w;
                done.add(writers.submit(() -> {
                    for (int i = 0; i < 8; i++) {
                        if (writer == 0 && i == deleteAt) {
                            ok(token, "deleteConversation", body("conversationID", "c2c_bob"));
                        }
                        // 404 once the delete is in: drafts never bring a conversation back.
                        call(token, "setConversationDraft", body("conversationID", "c2c_bob", "draftText", writer + "-" + i));
                    }
                }));
            }
            for (Future<?> f : done) {
                f.get();
            }
            List<Long> states = new ArrayList<>();
            Long removal = null;
            while (removal == null) {
                Map<String, Object> event = device.nextAbout("c2c_bob");
                if (event.containsKey("removed")) {
                    removal = version(event);
                } else {
                    states.add(version(event));
                }
            }
            for (Map<String, Object> event = device.events.poll(); event != null; event = device.events.poll()) {
                assertThat(event).as("seed " + seed).containsKey("conversation");
                states.add(version(event)); // a state's event may come after the removal's: another item
            }
            assertThat(new HashSet<>(states)).as("seed " + seed).hasSameSizeAs(states);
            assertThat(Collections.max(states)).as("seed " + seed).isLessThan(removal);
        } finally {
            writers.shutdownNow();
        }
    }

    static <T> List<List<T>> permutations(List<T> items) {
        if (items.isEmpty()) {
            return List.of(List.of());
        }
        List<List<T>> all = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            List<T> rest = new ArrayList<>(items);
            T first = rest.remove(i);
            for (List<T> tail : permutations(rest)) {
                List<T> one = new ArrayList<>(List.of(first));
                one.addAll(tail);
                all.add(one);
            }
        }
        return all;
    }
}
