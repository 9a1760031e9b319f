package io.convlist;

import static io.convlist.testing.Api.*;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import io.convlist.store.ConversationStore;
import io.convlist.store.TtlDeletions;
import io.convlist.store.list.ListState;
import io.convlist.store.table.Keys;
import io.convlist.testing.Ttl;
import io.convlist.testkit.DynamoDbTestResource;
import io.convlist.testkit.MutableClock;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** Conversations idle longer than the retention leave every read and the limit, before TTL deletes them. */
@QuarkusTest
@QuarkusTestResource(DynamoDbTestResource.class)
class ExpiryTest {
    @Inject
    MutableClock clock;

    @Inject
    ConversationStore store;

    @Inject
    DynamoDbClient ddb;

    @ConfigProperty(name = "convlist.table")
    String table;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    static void ownGroup(String app, String user, String groupId, long time) {
        group(app, groupId, "Work", user, List.of(), 1, time, "m", List.of(), false);
    }

    /** What DynamoDB's TTL would do, late: delete expired items without the application knowing. */
    void deleteExpiredBehindTheApplicationsBack(String app, String user) {
        Ttl.deleteExpired(ddb, table, app, user, clock.millis());
    }

    @Test
    void idleBeyondRetention_disappearsFromEveryRead_andTtlAttributeIsLastChangePlusRetention() {
        String app = newApp();
        c2c(app, "alice", "bob", 1, clock.millis(), "hi");
        Map<String, Object> c = ok(userToken(app, "bob"), "getConversation", body("conversationID", "c2c_alice")).jsonPath().getMap("");
        long lastChange = ((Number) c.get("lastChangeTime")).longValue();
        assertThat(((Number) c.get("expireTime")).longValue()).isEqualTo(lastChange / 1000 + 7 * 86_400);
        var stored = ddb.getItem(g -> g.tableName(table).key(Map.of(Keys.PK, AttributeValue.fromS(Keys.userPk(app, "bob")),
                Keys.SK, AttributeValue.fromS("c#c2c_alice")))).item();
        assertThat(Long.parseLong(stored.get(Keys.EXPIRES_AT).n())).isEqualTo(lastChange / 1000 + 7 * 86_400);
        assertThat(ddb.describeTimeToLive(d -> d.tableName(table)).timeToLiveDescription().attributeName()).isEqualTo(Keys.EXPIRES_AT);

        clock.advance(Duration.ofDays(6).plusHours(23));
        assertThat(wholeList(app, "bob", 20)).hasSize(1);
        clock.advance(Duration.ofHours(2));
        assertThat(wholeList(app, "bob", 20)).isEmpty();
        assertThat(totalUnread(app, "bob")).isZero();
        assertThat(call(userToken(app, "bob"), "getConversation", body("conversationID", "c2c_alice")).statusCode()).isEqualTo(404);
        assertThat(call(userToken(app, "bob"), "pinConversation", body("conversationID", "c2c_alice", "isPinned", true)).statusCode()).isEqualTo(404);
        // A new message brings it back as a fresh conversation.
        c2c(app, "alice", "bob", 2, clock.millis(), "again");
        assertThat(ok(userToken(app, "bob"), "getConversation", body("conversationID", "c2c_alice")).jsonPath().getInt("unreadCount")).isEqualTo(1);
    }

    @Test
    void anyChange_refreshesRetention() {
        String app = newApp();
        ownGroup(app, "u", "g", clock.millis());
        clock.advance(Duration.ofDays(6));
        ok(userToken(app, "u"), "setConversationDraft", body("conversationID", "group_g", "draftText", "x"));
        clock.advance(Duration.ofDays(6));
        assertThat(ids(wholeList(app, "u", 20))).containsExactly("group_g");
    }

    @Test
    void expired_doNotCountTowardLimit_newOnesEvictNoLiveOne_andBookkeepingStaysExactAfterTtl() {
        String app = newApp();
        for (int i = 0; i < 100; i++) {
            ownGroup(app, "u", "old" + i, clock.millis() - 100_000 + i);
        }
        clock.advance(Duration.ofDays(3));
        ownGroup(app, "u", "live0", clock.millis()); // evicts the least recent old one: the list is full
        clock.advance(Duration.ofDays(5)); // the 99 old ones have expired; live0 has not
        assertThat(ids(wholeList(app, "u", 100))).containsExactly("group_live0");

        // 99 new conversations fit beside live0, each replacing an expired one.
        for (int i = 1; i < 100; i++) {
            ownGroup(app, "u", "live" + i, clock.millis());
        }
        List<String> ids = ids(wholeList(app, "u", 100));
        List<String> expected = new java.util.ArrayList<>();
        for (int i = 0; i < 100; i++) {
            expected.add("group_live" + i);
        }
        // Exactly the 100 live ones: no expired conversation is listed and none of the new ones was lost.
        assertThat(ids).containsExactlyInAnyOrderElementsOf(expected);
        assertThat(store.state(app, "u").stored()).isEqualTo(100);

        // Everything expires; TTL deletes it all behind the application's back.
        clock.advance(Duration.ofDays(8));
        deleteExpiredBehindTheApplicationsBack(app, "u");
        assertThat(store.state(app, "u").stored()).isZero();
        // The slot set still names the deleted items: an upper bound, never below what is stored.
        assertThat(store.state(app, "u").bookkeptSlots()).isEqualTo(100);
        // The table's stream carries the deletions; its consumer reconciles the list: exact again.
        assertThat(new TtlDeletions(store, clock).handle(Ttl.streamDeletions(ddb, table, app, "u"))).contains(app + "/u");
        assertThat(store.state(app, "u").bookkeptSlots()).isZero();
        ownGroup(app, "u", "fresh", clock.millis());
        ListState state = store.state(app, "u");
        assertThat(state.stored()).isEqualTo(1);
        assertThat(state.bookkeptSlots()).isEqualTo(1);
    }

    @Test
    void fullOfTtlDeletedConversations_nextCreationReconcilesWithoutEvictingLiveOnes() {
        String app = newApp();
        for (int i = 0; i < 99; i++) {
            ownGroup(app, "u", "old" + i, clock.millis());
        }
        clock.advance(Duration.ofDays(6));
        ownGroup(app, "u", "keep", clock.millis());
        clock.advance(Duration.ofDays(2));
        deleteExpiredBehindTheApplicationsBack(app, "u");
        assertThat(store.state(app, "u").bookkeptSlots()).isEqualTo(100);
        ownGroup(app, "u", "new", clock.millis());
        assertThat(ids(wholeList(app, "u", 100))).containsExactlyInAnyOrder("group_keep", "group_new");
        ListState state = store.state(app, "u");
        assertThat(state.bookkeptSlots()).isEqualTo(state.stored()).isEqualTo(2);
    }
}
