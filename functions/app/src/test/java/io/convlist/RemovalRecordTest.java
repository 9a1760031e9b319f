package io.convlist;

import static io.convlist.testing.Api.*;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.convlist.domain.Removal;
import io.convlist.domain.RemovalReason;
import io.convlist.store.ConversationStore;
import io.convlist.store.TtlDeletions;
import io.convlist.testkit.MutableClock;
import io.convlist.testing.Records;
import io.convlist.testing.Ttl;
import io.convlist.testkit.DynamoDbTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * A conversation that leaves the list (deleted, evicted, expired) leaves a record: a redelivered old
 * message never brings it back, a newer one does and counts only what came after the removal.
 */
@QuarkusTest
@QuarkusTestResource(DynamoDbTestResource.class)
class RemovalRecordTest {
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

    Removal recordOf(String app, String user, String conversationId) {
        return Records.removalOf(store, app, user, conversationId);
    }

    @Test
    void deleted_replayDoesNotBringItBack_newerMessageDoes_countingOnlyWhatCameAfter() {
        String app = newApp();
        for (int seq = 1; seq <= 5; seq++) {
            c2c(app, "alice", "bob", seq, clock.millis() + seq, "m" + seq);
        }
        ok(userToken(app, "bob"), "deleteConversation", body("conversationID", "c2c_alice"));
        Removal record = recordOf(app, "bob", "c2c_alice");
        assertThat(record.reason()).isEqualTo(RemovalReason.DELETED);
        assertThat(record.lastSeq()).isEqualTo(5);
        assertThat(record.timeMillis()).isCloseTo(clock.millis(), org.assertj.core.data.Offset.offset(5_000L));

        // 1. Every old message redelivered, in any order: the conversation stays deleted.
        for (int seq : new int[] {3, 5, 1}) {
            c2c(app, "alice", "bob", seq, clock.millis() + seq, "m" + seq);
        }
        assertThat(wholeList(app, "bob", 100)).isEmpty();
        assertThat(store.state(app, "bob").stored()).isZero();

        // 2. A newer message brings it back, counting every seq above the removal point (6 and 7 are on
        //    their way: seqs are contiguous); the record is gone.
        c2c(app, "alice", "bob", 8, clock.millis() + 8, "m8");
        assertThat(conversation(app, "bob", "c2c_alice").get("unreadCount")).isEqualTo(3);
        assertThat(recordOf(app, "bob", "c2c_alice")).isNull();
        // 3. A late message between the removal point and the new one was counted already; one from before does not count.
        c2c(app, "alice", "bob", 6, clock.millis() + 6, "m6");
        c2c(app, "alice", "bob", 4, clock.millis() + 4, "m4");
        assertThat(conversation(app, "bob", "c2c_alice").get("unreadCount")).isEqualTo(3);
        assertThat(totalUnread(app, "bob")).isEqualTo(3);
    }

    @Test
    void evicted_recordIsWrittenWithTheEviction_andAReplayEvictsNothingElse() {
        String app = newApp();
        for (int i = 0; i < 100; i++) {
            group(app, "g" + i, "Work", "carol", List.of("u"), 3, clock.millis() + i, "m", List.of(), false);
        }
        group(app, "new", "Work", "carol", List.of("u"), 1, clock.millis() + 200, "m", List.of(), false);
        Removal record = recordOf(app, "u", "group_g0");
        assertThat(record.reason()).isEqualTo(RemovalReason.EVICTED);
        assertThat(record.lastSeq()).isEqualTo(3);
        List<String> before = ids(wholeList(app, "u", 100));
        assertThat(before).hasSize(100).doesNotContain("group_g0");

        // A late copy of g0's last message: nothing comes back, nothing else is evicted.
        group(app, "g0", "Work", "carol", List.of("u"), 3, clock.millis() + 300, "m", List.of(), false);
        assertThat(ids(wholeList(app, "u", 100))).isEqualTo(before);
        // A newer one brings g0 back (evicting the least recent other one), unread 1.
        group(app, "g0", "Work", "carol", List.of("u"), 4, clock.millis() + 400, "m", List.of(), false);
        assertThat(ids(wholeList(app, "u", 100))).hasSize(100).contains("group_g0").doesNotContain("group_g1");
        assertThat(conversation(app, "u", "group_g0").get("unreadCount")).isEqualTo(1);
        assertThat(recordOf(app, "u", "group_g1").reason()).isEqualTo(RemovalReason.EVICTED);
        // Records are never listed and do not count toward the cap.
        assertThat(store.state(app, "u").stored()).isEqualTo(100);
    }

    @Test
    void expired_neitherBeforeNorAfterTtlDeletion_doesAReplayBringItBack() {
        String app = newApp();
        c2c(app, "alice", "bob", 1, clock.millis(), "m1");
        c2c(app, "alice", "bob", 2, clock.millis(), "m2");
        c2c(app, "carol", "bob", 1, clock.millis(), "c1");
        clock.advance(Duration.ofDays(8));
        // 1. Expired, not yet deleted by TTL: a replay changes nothing, for either conversation.
        c2c(app, "alice", "bob", 2, clock.millis(), "m2");
        assertThat(wholeList(app, "bob", 100)).isEmpty();
        // 2. TTL deletes both; the stream consumer leaves EXPIRED records with the last seq.
        Ttl.deleteExpired(ddb, table, app, "bob", clock.millis());
        new TtlDeletions(store, clock).handle(Ttl.streamDeletions(ddb, table, app, "bob"));
        Removal record = recordOf(app, "bob", "c2c_carol");
        assertThat(record.reason()).isEqualTo(RemovalReason.EXPIRED);
        assertThat(record.lastSeq()).isEqualTo(1);
        c2c(app, "carol", "bob", 1, clock.millis(), "c1");
        assertThat(wholeList(app, "bob", 100)).isEmpty();
        // 3. A newer message brings it back.
        c2c(app, "carol", "bob", 2, clock.millis(), "c2");
        assertThat(conversation(app, "bob", "c2c_carol").get("unreadCount")).isEqualTo(1);
    }

    @Test
    void records_expireWithTheRetention() {
        String app = newApp();
        c2c(app, "alice", "bob", 1, clock.millis(), "m1");
        ok(userToken(app, "bob"), "deleteConversation", body("conversationID", "c2c_alice"));
        assertThat(store.removals(app, "bob")).hasSize(1);
        clock.advance(Duration.ofDays(7).plusMinutes(1));
        assertThat(store.removals(app, "bob")).isEmpty();
    }


    @Test
    void deleteConversationList_answersPerConversation_leavesEachRecord_andSyncSaysToClearMessages() {
        String app = newApp();
        String u = userToken(app, "u");
        c2c(app, "bob", "u", 3, clock.millis(), "hi");
        group(app, "g1", "Work", "carol", List.of("u"), 7, clock.millis(), "hi", List.of(), false);
        String cursor = ok(u, "getConversationList", body("count", 20)).jsonPath().getString("cursor");
        var r = ok(u, "deleteConversationList", body("conversationIDList", List.of("c2c_bob", "c2c_nobody", "group_g1"),
                "clearMessage", true));
        assertThat(r.jsonPath().getList("resultList")).containsExactly(
                java.util.Map.of("conversationID", "c2c_bob", "resultCode", 0, "resultInfo", ""),
                java.util.Map.of("conversationID", "c2c_nobody", "resultCode", 404, "resultInfo", "NOT_FOUND"),
                java.util.Map.of("conversationID", "group_g1", "resultCode", 0, "resultInfo", ""));
        assertThat(wholeList(app, "u", 20)).isEmpty();
        Removal bob = recordOf(app, "u", "c2c_bob");
        assertThat(bob).isEqualTo(new Removal(io.convlist.domain.ConversationId.c2c("bob"), RemovalReason.DELETED, bob.timeMillis(), 3,
                true, bob.version()));
        assertThat(bob.version()).isPositive(); // above the version of the state it removed
        assertThat(recordOf(app, "u", "group_g1").lastSeq()).isEqualTo(7);
        var sync = ok(u, "syncConversations", body("cursor", cursor, "count", 20));
        assertThat(sync.jsonPath().getList("removed.conversationID")).containsExactlyInAnyOrder("c2c_bob", "group_g1");
        assertThat(sync.jsonPath().getList("removed.clearMessage")).containsExactly(true, true);
        // A plain delete does not ask devices to clear anything.
        c2c(app, "bob", "u", 4, clock.millis(), "again");
        ok(u, "deleteConversation", body("conversationID", "c2c_bob"));
        assertThat(recordOf(app, "u", "c2c_bob").clearMessages()).isFalse();
    }
}
