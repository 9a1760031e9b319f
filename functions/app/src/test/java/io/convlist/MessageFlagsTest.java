package io.convlist;

import static io.convlist.testing.Api.*;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;

import io.convlist.domain.ConversationId;
import io.convlist.domain.ConversationType;
import io.convlist.domain.GroupType;
import io.convlist.domain.message.MessageEvent;
import io.convlist.store.ConversationStore;
import io.convlist.testkit.DynamoDbTestResource;
import io.convlist.testkit.MutableClock;
import io.convlist.testkit.Seeds;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Per-message flags and the last message's life: excluded from unread, excluded from last message, recall, edit, clear. */
@QuarkusTest
@QuarkusTestResource(DynamoDbTestResource.class)
class MessageFlagsTest {
    @Inject
    MutableClock clock;

    /** A time before the test on the application's clock, taken as it starts: the tests' messages are sent from here on. */
    long t0;

    @BeforeEach
    void takeTheTestsStartingTime() {
        t0 = clock.millis() - 60_000;
    }

    @Inject
    ConversationStore store;

    MessageEvent groupMessage(String group, long seq, boolean excluded, boolean atU) {
        return new MessageEvent(ConversationType.GROUP, group + "-" + seq, seq, t0 + seq, "x", null, group, GroupType.Work,
                List.of("u"), "m" + seq, atU ? Set.of("u") : Set.of(), false, excluded, false).validated();
    }

    long unread(String app, String group) {
        return store.get(app, "u", ConversationId.group(group)).unreadCount();
    }

    @Test
    void excludedFromUnreadCount_countsNothing_inAnyOrder_withReplays_andAfterAReadPoint() {
        long seed = Seeds.seed("MessageFlagsTest");
        Random r = new Random(seed);
        String app = newApp();
        for (int history = 0; history < Integer.getInteger("flags.histories", 40); history++) {
            String group = "g" + history;
            int n = 1 + r.nextInt(12);
            Set<Long> excluded = new TreeSet<>();
            List<Long> deliveries = new ArrayList<>();
            for (long seq = 1; seq <= n; seq++) {
                if (r.nextInt(3) == 0) {
                    excluded.add(seq);
                }
                deliveries.add(seq);
                if (r.nextInt(4) == 0) {
                    deliveries.add(seq); // redelivered
                }
            }
            Collections.shuffle(deliveries, r);
            // A read point set midway (by sequence, so it may be ahead of what has arrived).
            int readAt = r.nextInt(deliveries.size() + 1);
            long point = 1 + r.nextInt(n);
            for (int i = 0; i < deliveries.size(); i++) {
                if (i == readAt && i > 0) {
                    store.markRead(app, "u", ConversationId.group(group), null, point);
                }
                long seq = deliveries.get(i);
                store.recordMessage(app, groupMessage(group, seq, excluded.contains(seq), true));
            }
            long from = readAt > 0 && readAt < deliveries.size() ? point : 0;
            long expected = 0;
            for (long seq = from + 1; seq <= n; seq++) {
                expected += excluded.contains(seq) ? 0 : 1;
            }
            String at = "seed " + seed + ", history " + history + ": n=" + n + " excluded=" + excluded + " deliveries=" + deliveries
                    + " read point " + (from > 0 ? from + " after " + readAt + " deliveries" : "none");
            assertThat(unread(app, group)).as(at).isEqualTo(expected);
            // No @-mention is kept for an excluded message.
            assertThat(store.get(app, "u", ConversationId.group(group)).groupAtInfoList()).as(at)
                    .allSatisfy(info -> assertThat(excluded).doesNotContain(info.seq()));
        }
    }

    @Test
    void excludedFromLastMessage_countsButNeitherCreatesNorMovesNorShows() {
        String app = newApp();
        String service = serviceToken(app);
        c2c(app, "bob", "u", 1, t0, "first");
        c2c(app, "carol", "u", 1, t0 + 10, "newer");
        Map<String, Object> flagged = body("type", "C2C", "msgID", "bob-u-2", "seq", 2, "timestamp", t0 + 20, "senderID", "bob",
                "receiverID", "u", "summary", "typing…", "excludedFromLastMessage", true);
        ok(service, "recordMessage", flagged);
        ok(service, "recordMessage", flagged); // a replay changes nothing more
        Map<String, Object> bob = conversation(app, "u", "c2c_bob");
        assertThat(map(bob.get("lastMessage")).get("summary")).isEqualTo("first");
        assertThat(bob.get("unreadCount")).isEqualTo(2);
        assertThat(ids(wholeList(app, "u", 20))).containsExactly("c2c_carol", "c2c_bob");
        // Never creates: not for a new peer, not after a delete.
        ok(service, "recordMessage", body("type", "C2C", "msgID", "dan-u-1", "seq", 1, "timestamp", t0, "senderID", "dan",
                "receiverID", "u", "summary", "x", "excludedFromLastMessage", true));
        assertThat(call(userToken(app, "u"), "getConversation", body("conversationID", "c2c_dan")).statusCode()).isEqualTo(404);
        assertThat(call(userToken(app, "dan"), "getConversation", body("conversationID", "c2c_u")).statusCode()).isEqualTo(404);
    }

    @Test
    void recallAndEdit_changeTheLastMessageWhereItIsLast_clearHistoryEmptiesItInPlace() {
        String app = newApp();
        String service = serviceToken(app);
        c2c(app, "bob", "u", 1, t0, "first");
        c2c(app, "bob", "u", 2, t0 + 1, "second");
        Map<String, Object> second = body("type", "C2C", "msgID", "bob-u-2", "senderID", "bob", "receiverID", "u");
        ok(service, "modifyMessage", plus(second, "summary", "second, edited"));
        assertThat(map(conversation(app, "u", "c2c_bob").get("lastMessage")).get("summary")).isEqualTo("second, edited");
        assertThat(map(conversation(app, "bob", "c2c_u").get("lastMessage")).get("summary")).isEqualTo("second, edited");
        // Recalling a message that is not the last changes nothing; recalling the last shows it, twice or once alike.
        ok(service, "recallMessage", body("type", "C2C", "msgID", "bob-u-1", "senderID", "bob", "receiverID", "u"));
        assertThat(map(conversation(app, "u", "c2c_bob").get("lastMessage")).get("isRecalled")).isEqualTo(false);
        ok(service, "recallMessage", second);
        ok(service, "recallMessage", second);
        ok(service, "modifyMessage", plus(second, "summary", "too late"));
        for (String[] list : new String[][] {{"u", "c2c_bob"}, {"bob", "c2c_u"}}) {
            Map<String, Object> last = map(conversation(app, list[0], list[1]).get("lastMessage"));
            assertThat(last.get("isRecalled")).isEqualTo(true);
            assertThat(last.get("summary")).isEqualTo("");
        }
        // A group: every list that holds it.
        group(app, "g1", "Work", "carol", List.of("u", "bob"), 1, t0 + 5, "hello all", List.of(), false);
        ok(service, "recallMessage", body("type", "GROUP", "msgID", "g1-1", "groupID", "g1"));
        for (String user : List.of("u", "bob", "carol")) {
            assertThat(map(conversation(app, user, "group_g1").get("lastMessage")).get("isRecalled")).isEqualTo(true);
        }
        // Clearing history: no last message, nothing unread, same place.
        Object orderKey = conversation(app, "u", "group_g1").get("orderKey");
        ok(service, "clearConversationHistory", body("userID", "u", "conversationID", "group_g1"));
        Map<String, Object> cleared = conversation(app, "u", "group_g1");
        assertThat(cleared.get("lastMessage")).isNull();
        assertThat(cleared.get("unreadCount")).isEqualTo(0);
        assertThat(cleared.get("orderKey")).isEqualTo(orderKey);
        assertThat(call(service, "clearConversationHistory", body("userID", "u", "conversationID", "c2c_nobody")).statusCode()).isEqualTo(404);
        Response asUser = call(userToken(app, "u"), "recallMessage", second);
        assertThat(asUser.statusCode()).isEqualTo(403);
        assertThat(call(service, "recallMessage", body("type", "C2C", "msgID", "m", "senderID", "bob")).statusCode()).isEqualTo(400);
    }

    static Map<String, Object> plus(Map<String, Object> base, String key, Object value) {
        Map<String, Object> out = new java.util.LinkedHashMap<>(base);
        out.put(key, value);
        return out;
    }
}
