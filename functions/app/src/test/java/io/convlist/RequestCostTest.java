package io.convlist;

import static io.convlist.testing.Api.*;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.convlist.testing.RequestCounter;
import io.convlist.testkit.DynamoDbTestResource;
import io.convlist.testkit.MutableClock;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;

/** The cost budget: DynamoDB requests per operation, counted by an SDK interceptor. Exact, not timed. */
@QuarkusTest
@QuarkusTestResource(DynamoDbTestResource.class)
class RequestCostTest {
    @Inject
    MutableClock clock;

    /** A time before the test on the application's clock, taken as it starts: the tests' messages are sent from here on. */
    long t0;

    @BeforeEach
    void takeTheTestsStartingTime() {
        t0 = clock.millis() - 60_000;
    }

    @Inject
    RequestCounter counter;

    Map<String, Integer> measure(Runnable operation) {
        counter.reset();
        operation.run();
        return counter.snapshot();
    }

    @Test
    void recordMessage_intoExistingConversations_isOneWritePerAffectedUser_plusTheGroupsRecord_noReads() {
        String app = newApp();
        c2c(app, "alice", "bob", 1, t0, "first");
        assertThat(measure(() -> c2c(app, "alice", "bob", 2, t0 + 1, "second"))).isEqualTo(Map.of("UpdateItem", 2));
        List<String> members = List.of("m1", "m2", "m3", "m4", "m5", "m6", "m7", "m8", "m9");
        group(app, "g", "Work", "m0", members, 1, t0, "first", List.of(), false);
        // The group's record, then the sender and the 9 recipients.
        assertThat(measure(() -> group(app, "g", "Work", "m0", members, 2, t0 + 1, "second", List.of("m1"), false)))
                .isEqualTo(Map.of("UpdateItem", 11));
    }

    @Test
    void creatingBelowLimit_isOneBatchReadAndOneTransaction_afterTheFailedUpdate() {
        String app = newApp();
        group(app, "warm", "Work", "u", List.of(), 1, t0, "m", List.of(), false); // settings cached
        // The group's record, the sender's failed update, then the creation.
        assertThat(measure(() -> group(app, "g", "Work", "u", List.of(), 1, t0, "m", List.of(), false)))
                .isEqualTo(Map.of("UpdateItem", 2, "BatchGetItem", 1, "TransactWriteItems", 1));
    }

    @Test
    void groupMembership_isOneReadPerMember_thenACreationOrARemoval() {
        String app = newApp();
        group(app, "warm", "Work", "u", List.of(), 1, t0, "m", List.of(), false); // settings cached
        String service = serviceToken(app);
        Map<String, Object> join = body("groupID", "g", "groupType", "Work", "seq", 5, "userIDList", List.of("a", "b"));
        // The memberships: one read and one transaction per 99 members; the group's record (its mode).
        // Then per member: is the group there? If not, a creation below the limit: its read and its transaction.
        assertThat(measure(() -> ok(service, "addGroupMembers", join))).isEqualTo(Map.of("BatchGetItem", 6, "TransactWriteItems", 3));
        assertThat(measure(() -> ok(service, "addGroupMembers", join))).isEqualTo(Map.of("BatchGetItem", 4));
        // The memberships and the group's record, then per member the read and the removal with its record, or the record alone.
        Map<String, Object> leave = body("groupID", "g", "seq", 6, "userIDList", List.of("a", "c"));
        assertThat(measure(() -> ok(service, "removeGroupMembers", leave))).isEqualTo(Map.of("BatchGetItem", 4, "TransactWriteItems", 3));
    }

    @Test
    void creatingAtLimit_isThreeReadsAndOneTransaction_afterTheFailedUpdate() {
        String app = newApp();
        for (int i = 0; i < 100; i++) {
            group(app, "g" + i, "Work", "u", List.of(), 1, t0 + i, "m", List.of(), false);
        }
        // The second BatchGetItem reads the eviction candidates' last seq for their removal records.
        assertThat(measure(() -> group(app, "new", "Work", "u", List.of(), 1, t0 + 500, "m", List.of(), false)))
                .isEqualTo(Map.of("UpdateItem", 2, "BatchGetItem", 2, "Query", 1, "TransactWriteItems", 1));
        assertThat(wholeList(app, "u", 100)).hasSize(100);
    }

    @Test
    void reads_areOneQueryPlusOneBatchGet_andTotalUnreadIsOneQuery() {
        String app = newApp();
        for (int i = 0; i < 30; i++) {
            c2c(app, "p" + i, "u", 1, t0 + i, "m");
        }
        assertThat(measure(() -> ok(userToken(app, "u"), "getConversationList", body("count", 20))))
                .isEqualTo(Map.of("Query", 1, "BatchGetItem", 1));
        assertThat(measure(() -> ok(userToken(app, "u"), "getConversationList", body("count", 100))))
                .isEqualTo(Map.of("Query", 1, "BatchGetItem", 1));
        assertThat(measure(() -> totalUnread(app, "u"))).isEqualTo(Map.of("Query", 1));
        assertThat(measure(() -> ok(userToken(app, "u"), "getConversation", body("conversationID", "c2c_p3"))))
                .isEqualTo(Map.of("BatchGetItem", 1));
    }

    @Test
    void pinDraftMarkRead_ofOneConversation_isOneConditionalWrite() {
        String app = newApp();
        String u = userToken(app, "u");
        c2c(app, "p", "u", 1, t0, "m");
        assertThat(measure(() -> ok(u, "pinConversation", body("conversationID", "c2c_p", "isPinned", true))))
                .isEqualTo(Map.of("TransactWriteItems", 1));
        assertThat(measure(() -> ok(u, "setConversationDraft", body("conversationID", "c2c_p", "draftText", "d"))))
                .isEqualTo(Map.of("UpdateItem", 1));
        assertThat(measure(() -> ok(u, "cleanConversationUnreadMessageCount", body("conversationID", "c2c_p"))))
                .isEqualTo(Map.of("UpdateItem", 1));
    }

    @Test
    void receiveOpt_isOneRead_thenTheSettingAndTheConversation() {
        String app = newApp();
        String u = userToken(app, "u");
        c2c(app, "p", "u", 1, t0, "m");
        // A new setting: counted in a transaction with the bookkeeping; then the conversation.
        assertThat(measure(() -> ok(u, "setReceiveMessageOpt", body("conversationIDList", List.of("c2c_p"), "opt", 2))))
                .isEqualTo(Map.of("BatchGetItem", 1, "TransactWriteItems", 1, "UpdateItem", 1));
        // An existing one: one update each.
        assertThat(measure(() -> ok(u, "setReceiveMessageOpt", body("conversationIDList", List.of("c2c_p"), "opt", 1))))
                .isEqualTo(Map.of("BatchGetItem", 1, "UpdateItem", 2));
        assertThat(measure(() -> ok(u, "getC2CReceiveMessageOpt", body("userIDList", List.of("p", "q")))))
                .isEqualTo(Map.of("BatchGetItem", 1));
    }

    @Test
    void delete_leavesItsRemovalRecord_inTheSameTransaction() {
        String app = newApp();
        c2c(app, "p", "u", 1, t0, "m");
        assertThat(measure(() -> ok(userToken(app, "u"), "deleteConversation", body("conversationID", "c2c_p"))))
                .isEqualTo(Map.of("BatchGetItem", 1, "TransactWriteItems", 1));
        // A replay of the deleted conversation's message reads its record in the creation's batch and writes nothing.
        assertThat(measure(() -> c2c(app, "p", "u", 1, t0, "m")))
                .isEqualTo(Map.of("UpdateItem", 2, "BatchGetItem", 1));
    }

    @Test
    void syncRound_isTwoQueriesAndOneBatchGet_theAppSettingsComeFromTheCache() {
        String app = newApp();
        String u = userToken(app, "u");
        c2c(app, "p", "u", 1, t0, "m");
        String cursor = ok(u, "getConversationList", body("count", 20)).jsonPath().getString("cursor");
        c2c(app, "p", "u", 2, t0 + 1, "m2");
        assertThat(measure(() -> ok(u, "syncConversations", body("cursor", cursor, "count", 20))))
                .isEqualTo(Map.of("Query", 2, "BatchGetItem", 1));
    }

    @Test
    void filteredPage_isOneQueryPlusOneBatchGet_evenForMatchesFarApart_andUnreadByFilterIsOneQuery() {
        String app = newApp();
        String u = userToken(app, "u");
        for (int i = 0; i < 30; i++) {
            c2c(app, "p" + i, "u", 1, t0 + i, "m");
        }
        ok(u, "markConversation", body("conversationIDList", List.of("c2c_p0", "c2c_p29"), "markType", 1, "enableMark", true));
        assertThat(measure(() -> assertThat(ok(u, "getConversationListByFilter", body("filter", Map.of("markType", 1), "count", 2))
                .jsonPath().getList("conversationList.conversationID")).containsExactly("c2c_p29", "c2c_p0")))
                .isEqualTo(Map.of("Query", 1, "BatchGetItem", 1));
        assertThat(measure(() -> ok(u, "getUnreadMessageCountByFilter", body("filter", Map.of("type", 1)))))
                .isEqualTo(Map.of("Query", 1));
    }

    @Test
    void marksAndCustomData_costWhatTheReceiveOptionCosts_andBatchDeleteIsOneDeletePerConversation() {
        String app = newApp();
        String u = userToken(app, "u");
        c2c(app, "p", "u", 1, t0, "m");
        c2c(app, "q", "u", 1, t0, "m");
        assertThat(measure(() -> ok(u, "markConversation", body("conversationIDList", List.of("c2c_p"), "markType", 1, "enableMark", true))))
                .isEqualTo(Map.of("BatchGetItem", 1, "TransactWriteItems", 1, "UpdateItem", 1));
        assertThat(measure(() -> ok(u, "setConversationCustomData", body("conversationIDList", List.of("c2c_p"), "customData", "AQ=="))))
                .isEqualTo(Map.of("BatchGetItem", 1, "UpdateItem", 2));
        assertThat(measure(() -> ok(u, "deleteConversationList", body("conversationIDList", List.of("c2c_p", "c2c_q")))))
                .isEqualTo(Map.of("BatchGetItem", 2, "TransactWriteItems", 2));
    }

    @Test
    void lastMessageLife_recallIsOneWritePerListThatMayShowIt_clearIsOne() {
        String app = newApp();
        String service = serviceToken(app);
        c2c(app, "p", "u", 1, t0, "m");
        assertThat(measure(() -> ok(service, "recallMessage", body("type", "C2C", "msgID", "p-u-1", "senderID", "p", "receiverID", "u"))))
                .isEqualTo(Map.of("UpdateItem", 2));
        group(app, "g", "Work", "m0", List.of("m1", "m2"), 1, t0, "first", List.of(), false);
        // The "shown in" index's 4 partitions, the 3 lists, and the group's record.
        assertThat(measure(() -> ok(service, "modifyMessage", body("type", "GROUP", "msgID", "g-1", "groupID", "g", "summary", "e"))))
                .isEqualTo(Map.of("Query", 4, "UpdateItem", 4));
        assertThat(measure(() -> ok(service, "clearConversationHistory", body("userID", "u", "conversationID", "c2c_p"))))
                .isEqualTo(Map.of("UpdateItem", 1));
    }

    @Test
    void conversationGroups_oneReadOfTheGroupsItem_thenTheirWrites() {
        String app = newApp();
        String u = userToken(app, "u");
        c2c(app, "p", "u", 1, t0, "m");
        // The groups item, its transaction with the sync marker; then the settings as markConversation.
        assertThat(measure(() -> ok(u, "createConversationGroup", body("groupName", "Work", "conversationIDList", List.of("c2c_p")))))
                .isEqualTo(Map.of("BatchGetItem", 2, "TransactWriteItems", 2, "UpdateItem", 1));
        assertThat(measure(() -> ok(u, "getConversationGroupList", body()))).isEqualTo(Map.of("BatchGetItem", 1));
        assertThat(measure(() -> ok(u, "getConversationListByFilter", body("filter", Map.of("conversationGroup", "Work")))))
                .isEqualTo(Map.of("BatchGetItem", 2, "Query", 1));
        // A rename: the item, then the members found by one Query, re-sent (their settings and conversations).
        assertThat(measure(() -> ok(u, "renameConversationGroup", body("oldName", "Work", "newName", "Office"))))
                .isEqualTo(Map.of("BatchGetItem", 2, "TransactWriteItems", 1, "Query", 1, "UpdateItem", 2));
        c2c(app, "q", "u", 1, t0, "m");
        assertThat(measure(() -> ok(u, "addConversationsToGroup", body("groupName", "Office", "conversationIDList", List.of("c2c_q")))))
                .isEqualTo(Map.of("BatchGetItem", 2, "TransactWriteItems", 1, "UpdateItem", 1));
        assertThat(measure(() -> ok(u, "deleteConversationsFromGroup", body("groupName", "Office", "conversationIDList", List.of("c2c_q")))))
                .isEqualTo(Map.of("BatchGetItem", 2, "UpdateItem", 2, "TransactWriteItems", 1)); // q's settings held only this: they go
        assertThat(measure(() -> ok(u, "deleteConversationGroup", body("groupName", "Office"))))
                .isEqualTo(Map.of("BatchGetItem", 2, "TransactWriteItems", 2, "Query", 1, "UpdateItem", 2));
    }
}
