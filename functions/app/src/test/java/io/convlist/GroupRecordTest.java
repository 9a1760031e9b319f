package io.convlist;

import static io.convlist.testing.Api.*;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import io.convlist.domain.GroupMode;
import io.convlist.domain.message.GroupActivity;
import io.convlist.store.ConversationStore;
import io.convlist.testkit.Seeds;
import io.convlist.testkit.DynamoDbTestResource;
import io.convlist.testkit.MutableClock;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The group's own record of its messages: the highest seq and the last message that may be shown,
 * whatever the arrival order; the seqs members must see one by one; the last long silence.
 */
@QuarkusTest
@QuarkusTestResource(DynamoDbTestResource.class)
class GroupRecordTest {
    @Inject
    MutableClock clock;

    @Inject
    ConversationStore store;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    static Map<String, Object> message(long seq, long time, boolean atAll, boolean excludedFromUnread, boolean excludedFromLast) {
        return body("type", "GROUP", "msgID", "m" + seq, "seq", seq, "timestamp", time, "senderID", "s", "groupID", "g",
                "groupType", "Work", "recipients", List.of("a"), "summary", "text " + seq, "atAll", atAll,
                "excludedFromUnreadCount", excludedFromUnread, "excludedFromLastMessage", excludedFromLast);
    }

    @Test
    void anyArrivalOrder_andReplays_leaveTheSameRecord() throws Exception {
        long seed = Seeds.seed("GroupRecordTest");
        Random random = new Random(seed);
        long t0 = clock.millis() - 60_000;
        // Every 7th mentions everyone, every 5th is excluded from unread counts, every 9th from being the last message.
        List<Map<String, Object>> messages = new ArrayList<>();
        for (int seq = 1; seq <= 30; seq++) {
            messages.add(message(seq, t0 + seq, seq % 7 == 0, seq % 5 == 0, seq % 9 == 0));
        }
        List<Map<String, Object>> deliveries = new ArrayList<>(messages);
        deliveries.addAll(messages.subList(10, 20)); // replays
        Collections.shuffle(deliveries, random);
        String app = newApp();
        String service = serviceToken(app);
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<?>> calls = new ArrayList<>();
            for (Map<String, Object> m : deliveries) {
                calls.add(pool.submit(() -> ok(service, "recordMessage", m)));
            }
            for (Future<?> call : calls) {
                call.get();
            }
        } finally {
            pool.shutdown();
        }
        GroupActivity g = store.group(app, "g");
        assertThat(g.mode()).isEqualTo(GroupMode.RECIPIENTS);
        assertThat(g.lastSeq()).as("seed " + seed).isEqualTo(30);
        assertThat(g.lastTime()).isEqualTo(t0 + 30);
        assertThat(g.lastMessage().seq()).as("seed " + seed).isEqualTo(30);
        assertThat(g.lastMessage().summary()).isEqualTo("text 30");
        assertThat(g.excluded()).containsExactlyInAnyOrder(5L, 10L, 15L, 20L, 25L, 30L);
        assertThat(g.atAll()).containsExactlyInAnyOrder(7L, 14L, 21L, 28L);
        assertThat(g.recordedAt()).isGreaterThan(0);
        assertThat(g.silentFrom()).isZero();
    }

    @Test
    void aMessageAfterASilenceLongerThanTheRetention_recordsTheSilence() {
        String app = newApp();
        String service = serviceToken(app);
        ok(service, "recordMessage", message(1, clock.millis() - 1000, false, false, false));
        long before = store.group(app, "g").recordedAt();
        clock.advance(Duration.ofDays(6));
        ok(service, "recordMessage", message(2, clock.millis() - 1000, false, false, false));
        assertThat(store.group(app, "g").silentFrom()).as("6 days is within the 7-day retention").isZero();
        long second = store.group(app, "g").recordedAt();
        clock.advance(Duration.ofDays(7).plusSeconds(1));
        long sent = clock.millis();
        ok(service, "recordMessage", message(3, clock.millis() - 1000, false, false, false));
        GroupActivity g = store.group(app, "g");
        assertThat(before).isLessThan(second);
        assertThat(g.silentFrom()).isEqualTo(second);
        assertThat(g.silentSeq()).isEqualTo(2);
        assertThat(g.activeSince()).isEqualTo(g.recordedAt()).isBetween(sent, clock.millis());
        assertThat(g.lastSeq()).isEqualTo(3);
    }

    @Test
    void aHighestMessageExcludedFromTheLastMessage_isTheLastSeqButNotTheLastMessage() {
        String app = newApp();
        String service = serviceToken(app);
        long t0 = clock.millis() - 60_000;
        ok(service, "recordMessage", message(1, t0 + 1, false, false, false));
        ok(service, "recordMessage", message(2, t0 + 2, false, false, true));
        GroupActivity g = store.group(app, "g");
        assertThat(g.lastSeq()).isEqualTo(2);
        assertThat(g.lastTime()).isEqualTo(t0 + 2);
        assertThat(g.lastMessage().seq()).isEqualTo(1);
    }
}
