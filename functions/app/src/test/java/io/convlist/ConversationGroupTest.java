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

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.convlist.store.ConversationStore;
import io.convlist.testkit.MutableClock;
import io.convlist.testkit.DynamoDbTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;

/** Conversation groups: named by the user, kept with the peer's settings outside the list, shown, filtered and synced. */
@QuarkusTest
@QuarkusTestResource(DynamoDbTestResource.class)
class ConversationGroupTest {
    @Inject
    MutableClock clock;

    @Inject
    ConversationStore store;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    static List<String> groupsOf(String app, String user, String conversationId) {
        return list(conversation(app, user, conversationId).get("conversationGroupList")).stream().map(Object::toString).toList();
    }

    @Test
    void groups_areShownFilteredRenamedAndDeleted_andMembershipOutlivesTheConversation() {
        String app = newApp();
        String u = userToken(app, "u");
        c2c(app, "bob", "u", 1, clock.millis(), "hi");
        c2c(app, "carol", "u", 1, clock.millis() + 1, "hi");
        Response created = ok(u, "createConversationGroup", body("groupName", "Work", "conversationIDList", List.of("c2c_bob", "group_later")));
        assertThat(created.jsonPath().getList("resultList.resultCode")).containsExactly(0, 0);
        ok(u, "createConversationGroup", body("groupName", "Friends", "conversationIDList", List.of("c2c_bob")));
        assertThat(ok(u, "getConversationGroupList", body()).jsonPath().getList("groupNameList")).containsExactly("Work", "Friends");
        assertThat(groupsOf(app, "u", "c2c_bob")).containsExactly("Friends", "Work");
        // 1. Filters: by name, and "" for conversations in no group; the unread count likewise.
        assertThat(FilterTest.filtered(app, Map.of("conversationGroup", "Work"), 1)).containsExactly("c2c_bob");
        assertThat(FilterTest.filtered(app, Map.of("conversationGroup", ""), 100)).containsExactly("c2c_carol");
        assertThat(FilterTest.unread(app, Map.of("conversationGroup", "Work"))).isEqualTo(1);
        // 2. A rename shows on every member at once.
        ok(u, "renameConversationGroup", body("oldName", "Work", "newName", "Office"));
        assertThat(groupsOf(app, "u", "c2c_bob")).containsExactly("Friends", "Office");
        // 3. Membership outlives the conversation: deleted and back, still in its groups; one that was
        //    never listed joins the list already grouped.
        ok(u, "deleteConversation", body("conversationID", "c2c_bob"));
        c2c(app, "bob", "u", 2, clock.millis() + 2, "again");
        assertThat(groupsOf(app, "u", "c2c_bob")).containsExactly("Friends", "Office");
        group(app, "later", "Work", "x", List.of("u"), 1, clock.millis() + 3, "hi", List.of(), false);
        assertThat(groupsOf(app, "u", "group_later")).containsExactly("Office");
        // 4. Leaving and deleting: a settings item that held only the membership goes.
        ok(u, "deleteConversationsFromGroup", body("groupName", "Office", "conversationIDList", List.of("group_later")));
        assertThat(groupsOf(app, "u", "group_later")).isEmpty();
        ok(u, "deleteConversationGroup", body("groupName", "Office"));
        ok(u, "deleteConversationGroup", body("groupName", "Friends"));
        assertThat(groupsOf(app, "u", "c2c_bob")).isEmpty();
        assertThat(ok(u, "getConversationGroupList", body()).jsonPath().getList("groupNameList")).isEmpty();
        assertThat(store.peerSettings(app, "u")).isEmpty();
        assertThat(FilterTest.filtered(app, Map.of("conversationGroup", ""), 100)).hasSize(3);
    }

    @Test
    void limits_20Groups_uniqueNames_32Bytes_evenFor16ConcurrentCreators() throws Exception {
        String app = newApp();
        String u = userToken(app, "u");
        for (int i = 0; i < 15; i++) {
            ok(u, "createConversationGroup", body("groupName", "g" + i, "conversationIDList", List.of("c2c_p" + i)));
        }
        ExecutorService pool = Executors.newFixedThreadPool(16);
        List<Future<Response>> calls = new ArrayList<>();
        for (int caller = 0; caller < 16; caller++) {
            String name = "new" + caller;
            calls.add(pool.submit(() -> call(u, "createConversationGroup", body("groupName", name, "conversationIDList", List.of("c2c_q")))));
        }
        int created = 0;
        for (Future<Response> f : calls) {
            Response r = f.get();
            assertThat(r.statusCode()).isIn(200, 409);
            if (r.statusCode() == 409) {
                assertThat(r.jsonPath().getString("code")).isEqualTo("GROUP_LIMIT_REACHED");
            }
            created += r.statusCode() == 200 ? 1 : 0;
        }
        pool.shutdown();
        assertThat(created).isEqualTo(5);
        assertThat(ok(u, "getConversationGroupList", body()).jsonPath().getList("groupNameList")).hasSize(20);
        // Names: taken → 409 CONFLICT; 33 bytes or empty → 400; unknown → 404. Nothing is written.
        Response taken = call(u, "renameConversationGroup", body("oldName", "g0", "newName", "g1"));
        assertThat(taken.statusCode()).isEqualTo(409);
        assertThat(taken.jsonPath().getString("code")).isEqualTo("CONFLICT");
        assertThat(call(u, "deleteConversationGroup", body("groupName", "x".repeat(33))).statusCode()).isEqualTo(400);
        assertThat(call(u, "createConversationGroup", body("groupName", "", "conversationIDList", List.of("c2c_p"))).statusCode()).isEqualTo(400);
        assertThat(call(u, "createConversationGroup", body("groupName", "x", "conversationIDList", List.of())).statusCode()).isEqualTo(400);
        assertThat(call(u, "addConversationsToGroup", body("groupName", "nope", "conversationIDList", List.of("c2c_p"))).statusCode()).isEqualTo(404);
        assertThat(ok(u, "getConversationGroupList", body()).jsonPath().getList("groupNameList")).hasSize(20);
    }

    @Test
    void memberships_countTowardTheSettingsLimit_perItem() {
        String app = newApp();
        String u = userToken(app, "u");
        for (int call = 0; call < 10; call++) {
            ok(u, "markConversation", body("conversationIDList", PeerSettingsTest.ids("p" + call + "_", 100), "markType", 1, "enableMark", true));
        }
        ok(u, "createConversationGroup", body("groupName", "Work", "conversationIDList", List.of("c2c_p0_0")));
        Response full = ok(u, "addConversationsToGroup", body("groupName", "Work", "conversationIDList", List.of("c2c_p0_1", "c2c_new")));
        assertThat(full.jsonPath().getList("resultList.resultCode")).containsExactly(409, 409);
        assertThat(full.jsonPath().getList("resultList.resultInfo")).containsExactly("SETTINGS_LIMIT_REACHED", "SETTINGS_LIMIT_REACHED");
        assertThat(store.peerSettings(app, "u")).hasSize(1000);
    }

    static String untilFinished(String token, String cursor) {
        for (int page = 0; page < 100; page++) {
            Response r = ok(token, "syncConversations", body("cursor", cursor, "count", 20));
            cursor = r.jsonPath().getString("cursor");
            if (r.jsonPath().getBoolean("isFinished")) {
                return cursor;
            }
        }
        throw new AssertionError("sync did not finish");
    }

    @Test
    void sync_sendsTheGroupsOnTheFirstFullPage_andWhenTheyChange_andResendsMembersOnRename() {
        String app = newApp();
        String u = userToken(app, "u");
        c2c(app, "bob", "u", 1, clock.millis(), "hi");
        ok(u, "createConversationGroup", body("groupName", "Work", "conversationIDList", List.of("c2c_bob")));
        Response full = ok(u, "syncConversations", body("count", 20));
        assertThat(full.jsonPath().getList("conversationGroupList")).containsExactly("Work");
        String cursor = untilFinished(u, full.jsonPath().getString("cursor"));
        clock.advance(Duration.ofMinutes(1)); // past the overlap: after one more round, only new changes are sent
        cursor = untilFinished(u, cursor);
        Response quiet = ok(u, "syncConversations", body("cursor", cursor, "count", 20));
        assertThat(quiet.jsonPath().getList("conversationGroupList")).isNull();
        assertThat(quiet.jsonPath().getList("changed")).isEmpty();
        ok(u, "renameConversationGroup", body("oldName", "Work", "newName", "Office"));
        Response round = ok(u, "syncConversations", body("cursor", quiet.jsonPath().getString("cursor"), "count", 20));
        assertThat(round.jsonPath().getList("conversationGroupList")).containsExactly("Office");
        assertThat(round.jsonPath().getList("changed.conversationID")).containsExactly("c2c_bob");
        assertThat(round.jsonPath().getList("changed[0].conversationGroupList")).containsExactly("Office");
    }
}
