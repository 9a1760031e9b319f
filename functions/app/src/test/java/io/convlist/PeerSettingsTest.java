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

import io.convlist.domain.ConversationId;
import io.convlist.store.ConversationStore;
import io.convlist.testkit.MutableClock;
import io.convlist.testkit.DynamoDbTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;

/** Do-not-disturb belongs to the peer or the group: it outlives the conversation and is capped per user. */
@QuarkusTest
@QuarkusTestResource(DynamoDbTestResource.class)
class PeerSettingsTest {
    @Inject
    MutableClock clock;

    @Inject
    ConversationStore store;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void receiveOpt_survivesDeleteAndExpiry_andAppliesWhenTheConversationReappears() {
        String app = newApp();
        String u = userToken(app, "u");
        c2c(app, "bob", "u", 1, clock.millis(), "hi");
        ok(u, "setC2CReceiveMessageOpt", body("userIDList", List.of("bob"), "opt", 2));
        assertThat(conversation(app, "u", "c2c_bob").get("recvOpt")).isEqualTo(2);
        assertThat(totalUnread(app, "u")).isZero();
        // 1. Deleted, then back with a newer message: still muted.
        ok(u, "deleteConversation", body("conversationID", "c2c_bob"));
        c2c(app, "bob", "u", 2, clock.millis(), "again");
        assertThat(conversation(app, "u", "c2c_bob").get("recvOpt")).isEqualTo(2);
        assertThat(totalUnread(app, "u")).isZero();
        // 2. Expired, then back: still muted.
        clock.advance(Duration.ofDays(8));
        c2c(app, "bob", "u", 3, clock.millis(), "after a week");
        assertThat(conversation(app, "u", "c2c_bob").get("recvOpt")).isEqualTo(2);
        assertThat(ok(u, "getC2CReceiveMessageOpt", body("userIDList", List.of("bob", "carol"))).jsonPath().getList("optList"))
                .containsExactly(Map.of("userID", "bob", "opt", 2), Map.of("userID", "carol", "opt", 0));
    }

    @Test
    void receiveOpt_forAGroupNotInTheList_appliesWhenItAppears_andZeroRemovesIt() {
        String app = newApp();
        String u = userToken(app, "u");
        ok(u, "setGroupReceiveMessageOpt", body("groupID", "g1", "opt", 1));
        assertThat(ok(u, "getGroupReceiveMessageOpt", body("groupIDList", List.of("g1"))).jsonPath().getInt("optList[0].opt")).isEqualTo(1);
        group(app, "g1", "Work", "carol", List.of("u"), 1, clock.millis(), "hi", List.of(), false);
        assertThat(conversation(app, "u", "group_g1").get("recvOpt")).isEqualTo(1);
        // setReceiveMessageOpt is the shorthand by conversation ID; it reports what is not in the list.
        Response r = ok(u, "setReceiveMessageOpt", body("conversationIDList", List.of("group_g1", "c2c_nobody"), "opt", 0));
        assertThat(r.jsonPath().getList("notFoundConversationIDList")).containsExactly("c2c_nobody");
        assertThat(conversation(app, "u", "group_g1").get("recvOpt")).isEqualTo(0);
        assertThat(store.peerSettings(app, "u")).isEmpty();
    }

    @Test
    void settings_areCappedAt1000PeersAndGroups_checkedBeforeAnyWrite_evenFor16ConcurrentCallers() throws Exception {
        String app = newApp();
        String u = userToken(app, "u");
        for (int call = 0; call < 9; call++) {
            ok(u, "setReceiveMessageOpt", body("conversationIDList", ids("a" + call + "_", 100), "opt", 1));
        }
        ok(u, "setReceiveMessageOpt", body("conversationIDList", ids("b", 90), "opt", 1));
        assertThat(store.peerSettings(app, "u")).hasSize(990);
        // 1. A request that would pass 1000 writes nothing.
        Response over = call(u, "setReceiveMessageOpt", body("conversationIDList", ids("c", 11), "opt", 1));
        assertThat(over.statusCode()).isEqualTo(409);
        assertThat(over.jsonPath().getString("code")).isEqualTo("SETTINGS_LIMIT_REACHED");
        assertThat(store.peerSettings(app, "u")).hasSize(990);
        // 2. Changing existing settings needs no room.
        ok(u, "setReceiveMessageOpt", body("conversationIDList", ids("b", 90), "opt", 3));
        // 3. Sixteen callers racing for the last 10 places, 5 new peers each, through the three functions that
        //    add settings: never more than 1000, and a refused request wrote nothing of its own.
        ExecutorService pool = Executors.newFixedThreadPool(16);
        List<Future<Integer>> results = new ArrayList<>();
        for (int caller = 0; caller < 16; caller++) {
            List<String> mine = ids("r" + caller + "_", 5);
            Map<String, Object> request = switch (caller % 3) {
                case 0 -> Map.of("function", "setReceiveMessageOpt", "body", body("conversationIDList", mine, "opt", 1));
                case 1 -> Map.of("function", "markConversation", "body", body("conversationIDList", mine, "markType", 4, "enableMark", true));
                default -> Map.of("function", "setConversationCustomData", "body", body("conversationIDList", mine, "customData", "AQ=="));
            };
            results.add(pool.submit(() -> call(u, (String) request.get("function"), request.get("body")).statusCode()));
        }
        int succeeded = 0;
        for (Future<Integer> f : results) {
            int status = f.get();
            assertThat(status).isIn(200, 409);
            succeeded += status == 200 ? 1 : 0;
        }
        pool.shutdown();
        int stored = store.peerSettings(app, "u").size();
        assertThat(succeeded).isEqualTo(2);
        assertThat(stored).isEqualTo(1000);
        // The count kept beside the list agrees with what is stored: removing one makes room for exactly one.
        ok(u, "setReceiveMessageOpt", body("conversationIDList", List.of("c2c_b0"), "opt", 0));
        assertThat(store.peerSettings(app, "u")).hasSize(stored - 1);
    }

    @Test
    void badInput_is400_andWritesNothing() {
        String app = newApp();
        String u = userToken(app, "u");
        for (Map<String, Object> bad : List.of(body("userIDList", ids("x", 31).stream().map(id -> id.substring(4)).toList(), "opt", 1),
                body("userIDList", List.of(), "opt", 1), body("userIDList", List.of("bob"), "opt", 5),
                body("userIDList", List.of("bad#id"), "opt", 1))) {
            Response r = call(u, "setC2CReceiveMessageOpt", bad);
            assertThat(r.statusCode()).as(bad.toString()).isEqualTo(400);
        }
        assertThat(call(u, "setGroupReceiveMessageOpt", body("groupID", "", "opt", 1)).statusCode()).isEqualTo(400);
        assertThat(call(u, "getGroupReceiveMessageOpt", body("groupIDList", ids("g", 31))).statusCode()).isEqualTo(400);
        assertThat(store.peerSettings(app, "u")).isEmpty();
    }

    static List<String> ids(String prefix, int n) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            out.add(ConversationId.c2c(prefix + i).toString());
        }
        return out;
    }
}
