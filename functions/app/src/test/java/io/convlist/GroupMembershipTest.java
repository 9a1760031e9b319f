package io.convlist;

import static io.convlist.testing.Api.*;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import io.convlist.domain.AppSettings;
import io.convlist.domain.Edition;
import io.convlist.domain.Removal;
import io.convlist.domain.RemovalReason;
import io.convlist.store.ConversationStore;
import io.convlist.store.app.AppSettingsStore;
import io.convlist.store.list.ListState;
import io.convlist.testing.Records;
import io.convlist.testkit.DynamoDbTestResource;
import io.convlist.testkit.MutableClock;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * addGroupMembers and removeGroupMembers: a join puts the group into each member's list under the
 * cap with nothing unread up to the join, a leave takes it out with a LEFT_GROUP record, and the
 * seq both carry keeps replays and reorderings from undoing either.
 */
@QuarkusTest
@QuarkusTestResource(DynamoDbTestResource.class)
class GroupMembershipTest {
    /** A time before the test on the application's clock, taken as it starts: the tests' messages are sent from here on. */
    long t0;

    @BeforeEach
    void takeTheTestsStartingTime() {
        t0 = clock.millis() - 3_600_000;
    }

    @Inject
    ConversationStore store;

    @Inject
    AppSettingsStore settings;

    @Inject
    MutableClock clock;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    static Response join(String app, String group, long seq, List<String> members) {
        return ok(serviceToken(app), "addGroupMembers", body("groupID", group, "groupType", "Work", "seq", seq, "userIDList", members));
    }

    static Response leave(String app, String group, long seq, List<String> members) {
        return ok(serviceToken(app), "removeGroupMembers", body("groupID", group, "seq", seq, "userIDList", members));
    }

    void message(String app, String group, long seq, String from, List<String> recipients) {
        group(app, group, "Work", from, recipients, seq, t0 + seq * 1000, "m" + seq, List.of(), false);
    }

    Removal recordOf(String app, String user, String conversationId) {
        return Records.removalOf(store, app, user, conversationId);
    }

    @Test
    void join_putsTheGroupAtTheTop_withNothingUnreadUpToTheJoin_andCountsWhatFollows() {
        String app = newApp();
        message(app, "old", 1, "x", List.of("alice"));
        Response r = join(app, "g1", 40, List.of("alice", "bob", "alice"));
        assertThat(r.jsonPath().getList("resultList.userID")).containsExactly("alice", "bob");
        assertThat(r.jsonPath().getList("resultList.resultCode")).containsExactly(0, 0);

        assertThat(ids(wholeList(app, "alice", 20))).containsExactly("group_g1", "group_old");
        Map<String, Object> g1 = conversation(app, "bob", "group_g1");
        assertThat(g1.get("unreadCount")).isEqualTo(0);
        assertThat(g1.get("groupType")).isEqualTo("Work");
        assertThat(g1.get("lastMessage")).isNull();
        // Messages from before the join, late or replayed, never count; those after do.
        message(app, "g1", 38, "carol", List.of("bob"));
        message(app, "g1", 40, "carol", List.of("bob"));
        assertThat(conversation(app, "bob", "group_g1").get("unreadCount")).isEqualTo(0);
        message(app, "g1", 42, "carol", List.of("bob"));
        message(app, "g1", 41, "carol", List.of("bob"));
        assertThat(conversation(app, "bob", "group_g1").get("unreadCount")).isEqualTo(2);
        assertThat(map(conversation(app, "bob", "group_g1").get("lastMessage")).get("seq")).isEqualTo(42);

        // A join repeated (a redelivery) changes nothing.
        join(app, "g1", 40, List.of("bob"));
        assertThat(conversation(app, "bob", "group_g1").get("unreadCount")).isEqualTo(2);
        assertThat(totalUnread(app, "bob")).isEqualTo(2);
    }

    @Test
    void leave_removesWithARecord_oldMessagesAndStaleJoinsDoNotBringItBack_aNewerJoinDoes() {
        String app = newApp();
        join(app, "g1", 0, List.of("alice", "bob"));
        message(app, "g1", 1, "carol", List.of("alice", "bob"));
        message(app, "g1", 2, "carol", List.of("alice", "bob"));

        Response r = leave(app, "g1", 2, List.of("alice", "dave"));
        assertThat(r.jsonPath().getList("resultList.resultCode")).containsExactly(0, 0);
        assertThat(ids(wholeList(app, "alice", 20))).isEmpty();
        assertThat(ids(wholeList(app, "bob", 20))).containsExactly("group_g1");
        Removal record = recordOf(app, "alice", "group_g1");
        assertThat(record.reason()).isEqualTo(RemovalReason.LEFT_GROUP);
        assertThat(record.lastSeq()).isEqualTo(2);
        // A member whose list never held the group gets the record too: it keeps the group's past out.
        assertThat(recordOf(app, "dave", "group_g1").lastSeq()).isEqualTo(2);
        message(app, "g1", 2, "carol", List.of("dave"));
        assertThat(ids(wholeList(app, "dave", 20))).isEmpty();

        // Replays from before the leave, and the old join redelivered, leave the list as it is.
        message(app, "g1", 1, "carol", List.of("alice"));
        message(app, "g1", 2, "carol", List.of("alice"));
        join(app, "g1", 0, List.of("alice"));
        assertThat(ids(wholeList(app, "alice", 20))).isEmpty();
        assertThat(store.state(app, "alice").stored()).isZero();

        // A device learns why it left.
        Response sync = ok(userToken(app, "alice"), "syncConversations", body("cursor", null, "count", 20));
        String cursor = sync.jsonPath().getString("cursor");
        join(app, "g1", 5, List.of("alice"));
        leave(app, "g1", 5, List.of("alice"));
        Response round = ok(userToken(app, "alice"), "syncConversations", body("cursor", cursor, "count", 20));
        assertThat(round.jsonPath().getList("removed.conversationID")).containsExactly("group_g1");
        assertThat(round.jsonPath().getList("removed.reason")).containsExactly("LEFT_GROUP");

        // Rejoining later brings it back, counting only what came after the new join.
        join(app, "g1", 7, List.of("alice"));
        message(app, "g1", 6, "carol", List.of("alice"));
        message(app, "g1", 8, "carol", List.of("alice"));
        assertThat(conversation(app, "alice", "group_g1").get("unreadCount")).isEqualTo(1);
        assertThat(recordOf(app, "alice", "group_g1")).isNull();
    }

    @Test
    void joinsAtTheLimit_evictTheLeastRecentlyActive_andTheCapHoldsUnderConcurrentJoinsAndMessages() throws Exception {
        String app = newApp();
        settings.put(new AppSettings(app, app, Edition.STANDARD, 100, 7), "test");
        for (int i = 0; i < 100; i++) {
            message(app, "own" + i, 1, "u", List.of());
        }
        // 30 groups joined and 30 messages into new groups at once, each from its own caller.
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<?>> calls = new ArrayList<>();
            for (int i = 0; i < 30; i++) {
                int n = i;
                calls.add(pool.submit(() -> join(app, "joined" + n, 3, List.of("u"))));
                // Newer than the 100 listed before: the evictions take those, never what this run adds.
                calls.add(pool.submit(() -> group(app, "sent" + n, "Work", "u", List.of(), 1, t0 + 3_000_000 + n, "hi", List.of(), false)));
            }
            for (Future<?> f : calls) {
                f.get(5, TimeUnit.MINUTES);
            }
        } finally {
            pool.shutdownNow();
        }
        List<String> ids = ids(wholeList(app, "u", 100));
        assertThat(ids).hasSize(100);
        for (int i = 0; i < 30; i++) {
            assertThat(ids).contains("group_joined" + i, "group_sent" + i);
        }
        ListState state = store.state(app, "u");
        assertThat(state.stored()).isEqualTo(100);
        assertThat(state.bookkeptSlots()).isEqualTo(100);
        assertThat(store.removals(app, "u")).hasSize(60).allSatisfy(r -> assertThat(r.reason()).isEqualTo(RemovalReason.EVICTED));
    }

    @Test
    void join_ontoAnExpiredConversationTtlHasNotDeleted_startsItAfreshInItsSlot() {
        String app = newApp();
        message(app, "g1", 1, "carol", List.of("u"));
        clock.advance(Duration.ofDays(8));
        assertThat(wholeList(app, "u", 20)).isEmpty();
        join(app, "g1", 3, List.of("u"));
        assertThat(conversation(app, "u", "group_g1").get("unreadCount")).isEqualTo(0);
        message(app, "g1", 2, "carol", List.of("u"));
        message(app, "g1", 4, "carol", List.of("u"));
        assertThat(conversation(app, "u", "group_g1").get("unreadCount")).isEqualTo(1);
        assertThat(store.state(app, "u").stored()).isEqualTo(1);
        assertThat(store.state(app, "u").bookkeptSlots()).isEqualTo(1);
    }

    static List<String> users(int from, int to) {
        List<String> out = new ArrayList<>();
        for (int i = from; i < to; i++) {
            out.add("u" + i);
        }
        return out;
    }

    @Test
    void memberCount_isExact_underConcurrentOverlappingCalls_andStaleJoinsAfterLeaves() throws Exception {
        String app = newApp();
        // One call of 150: two transactions of members; repeated, it changes nothing.
        join(app, "big", 1, users(0, 150));
        join(app, "big", 1, users(0, 150));
        assertThat(store.group(app, "big").memberCount()).isEqualTo(150);

        ExecutorService pool = Executors.newFixedThreadPool(6);
        try {
            List<Future<?>> calls = new ArrayList<>();
            for (int[] range : new int[][] {{0, 30}, {10, 40}, {20, 50}, {30, 60}, {0, 60}, {5, 15}}) {
                calls.add(pool.submit(() -> join(app, "g", 1, users(range[0], range[1]))));
            }
            for (Future<?> f : calls) {
                f.get(5, TimeUnit.MINUTES);
            }
            assertThat(store.group(app, "g").memberCount()).isEqualTo(60);
            calls.clear();
            calls.add(pool.submit(() -> leave(app, "g", 2, users(0, 20))));
            calls.add(pool.submit(() -> leave(app, "g", 2, users(10, 30))));
            calls.add(pool.submit(() -> join(app, "g", 1, users(0, 10)))); // from before the leaves: changes nothing
            for (Future<?> f : calls) {
                f.get(5, TimeUnit.MINUTES);
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(store.group(app, "g").memberCount()).isEqualTo(30);
        assertThat(ids(wholeList(app, "u3", 20))).containsExactly("group_big");
        assertThat(ids(wholeList(app, "u30", 20))).containsExactly("group_g", "group_big");
        assertThat(recordOf(app, "u3", "group_g").reason()).isEqualTo(RemovalReason.LEFT_GROUP);
    }

    @Test
    void badInput_isRefused_andWritesNothing() {
        String app = newApp();
        String service = serviceToken(app);
        List<String> tooMany = new ArrayList<>();
        for (int i = 0; i <= 1000; i++) {
            tooMany.add("u" + i);
        }
        List<Map<String, Object>> bad = List.of(
                body("groupType", "Work", "seq", 1, "userIDList", List.of("a")),
                body("groupID", "g", "seq", 1, "userIDList", List.of("a")), // a join needs the group's type
                body("groupID", "g", "groupType", "Work", "userIDList", List.of("a")),
                body("groupID", "g", "groupType", "Work", "seq", -1, "userIDList", List.of("a")),
                body("groupID", "g", "groupType", "Nope", "seq", 1, "userIDList", List.of("a")),
                body("groupID", "g", "groupType", "Work", "seq", 1, "userIDList", List.of()),
                body("groupID", "g", "groupType", "Work", "seq", 1, "userIDList", tooMany),
                body("groupID", "g#x", "groupType", "Work", "seq", 1, "userIDList", List.of("a")),
                body("groupID", "g", "groupType", "Work", "seq", 1, "userIDList", List.of("a", "b#c")));
        for (Map<String, Object> b : bad) {
            Response r = call(service, "addGroupMembers", b);
            assertThat(r.statusCode()).as(b.toString()).isEqualTo(400);
            assertThat(r.jsonPath().getString("code")).isEqualTo("INVALID_ARGUMENT");
        }
        assertThat(call(service, "removeGroupMembers", body("groupID", "g", "userIDList", List.of("a"))).statusCode()).isEqualTo(400);
        assertThat(call(userToken(app, "a"), "addGroupMembers", body("groupID", "g", "groupType", "Work", "seq", 1,
                "userIDList", List.of("a"))).statusCode()).isEqualTo(403);
        assertThat(wholeList(app, "a", 20)).isEmpty();
        assertThat(store.removals(app, "a")).isEmpty();
    }
}
