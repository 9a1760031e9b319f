package io.convlist;

import static io.convlist.testing.Api.*;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.convlist.domain.Marks;
import io.convlist.testkit.DynamoDbTestResource;
import io.convlist.testkit.MutableClock;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;

/** getConversationListByFilter and getUnreadMessageCountByFilter: Tencent's filter, the plain list's order and paging. */
@QuarkusTest
@QuarkusTestResource(DynamoDbTestResource.class)
class FilterTest {
    @Inject
    MutableClock clock;

    /** A time before the test on the application's clock, taken as it starts: the tests' messages are sent from here on. */
    long t0;

    @BeforeEach
    void takeTheTestsStartingTime() {
        t0 = clock.millis() - 60_000;
    }

    /**
     * u's list, newest first: c2c_p0..p5 (p0 oldest), group_g0..g3. Unread: every C2C 1; groups 2
     * each except g3, which u sent last. g1 has an @-mention of u. Marks: p1 STAR, p2 STAR|FOLD,
     * g0 custom 1<<40. Muted: p3.
     */
    String fixture() {
        String app = newApp();
        String u = userToken(app, "u");
        for (int i = 0; i < 6; i++) {
            c2c(app, "p" + i, "u", 1, t0 + i, "m");
        }
        for (int i = 0; i < 4; i++) {
            String from = i == 3 ? "u" : "x";
            group(app, "g" + i, "Work", from, List.of("u", "x"), 1, t0 + 100 + i, "m", List.of(), false);
            group(app, "g" + i, "Work", from, List.of("u", "x"), 2, t0 + 200 + i, "m", i == 1 ? List.of("u") : List.of(), false);
        }
        ok(u, "markConversation", body("conversationIDList", List.of("c2c_p1", "c2c_p2"), "markType", Marks.STAR, "enableMark", true));
        ok(u, "markConversation", body("conversationIDList", List.of("c2c_p2"), "markType", Marks.FOLD, "enableMark", true));
        ok(u, "markConversation", body("conversationIDList", List.of("group_g0"), "markType", 1L << 40, "enableMark", true));
        ok(u, "setReceiveMessageOpt", body("conversationIDList", List.of("c2c_p3"), "opt", 2));
        return app;
    }

    static List<String> filtered(String app, Map<String, Object> filter, int pageSize) {
        List<String> all = new ArrayList<>();
        long next = 0;
        for (int guard = 0; guard < 100; guard++) {
            Response r = ok(userToken(app, "u"), "getConversationListByFilter", body("filter", filter, "nextSeq", next, "count", pageSize));
            all.addAll(r.jsonPath().getList("conversationList.conversationID"));
            if (r.jsonPath().getBoolean("isFinished")) {
                return all;
            }
            next = r.jsonPath().getLong("nextSeq");
        }
        throw new AssertionError("paging did not finish");
    }

    static long unread(String app, Map<String, Object> filter) {
        return ok(userToken(app, "u"), "getUnreadMessageCountByFilter", body("filter", filter)).jsonPath().getLong("totalUnreadCount");
    }

    @Test
    void eachCriterion_selectsInListOrder_andPagesWithoutSkipOrRepeat() {
        String app = fixture();
        List<String> everything = ids(wholeList(app, "u", 100));
        // 1. The empty filter is the plain list, whatever the page size.
        assertThat(filtered(app, Map.of(), 100)).isEqualTo(everything);
        assertThat(filtered(app, Map.of(), 3)).isEqualTo(everything);
        // 2. Type.
        assertThat(filtered(app, Map.of("type", 1), 2)).containsExactly("c2c_p5", "c2c_p4", "c2c_p3", "c2c_p2", "c2c_p1", "c2c_p0");
        assertThat(filtered(app, Map.of("type", 2), 100)).containsExactly("group_g3", "group_g2", "group_g1", "group_g0");
        // 3. Marks: any of the bits; 0 is "no marks".
        assertThat(filtered(app, Map.of("markType", Marks.STAR), 1)).containsExactly("c2c_p2", "c2c_p1");
        assertThat(filtered(app, Map.of("markType", Marks.FOLD | (1L << 40)), 100)).containsExactly("group_g0", "c2c_p2");
        assertThat(filtered(app, Map.of("markType", 0), 100)).containsExactly("group_g3", "group_g2", "group_g1",
                "c2c_p5", "c2c_p4", "c2c_p3", "c2c_p0");
        // 4. Unread, @-mentions, in no conversation group (there are none yet); criteria combine with AND.
        assertThat(filtered(app, Map.of("type", 2, "hasUnreadCount", true), 100)).containsExactly("group_g2", "group_g1", "group_g0");
        assertThat(filtered(app, Map.of("hasGroupAtInfo", true), 100)).containsExactly("group_g1");
        assertThat(filtered(app, Map.of("conversationGroup", ""), 100)).isEqualTo(everything);
        assertThat(filtered(app, Map.of("type", 1, "markType", Marks.STAR, "hasUnreadCount", true), 100)).containsExactly("c2c_p2", "c2c_p1");
    }

    @Test
    void unreadByFilter_leavesOutMutedConversations_asTheTotalDoes() {
        String app = fixture();
        assertThat(unread(app, Map.of())).isEqualTo(totalUnread(app, "u")).isEqualTo(5 + 3 * 2);
        assertThat(unread(app, Map.of("type", 1))).isEqualTo(5);
        assertThat(unread(app, Map.of("type", 2))).isEqualTo(6);
        assertThat(unread(app, Map.of("markType", Marks.STAR))).isEqualTo(2);
        assertThat(unread(app, Map.of("hasGroupAtInfo", true))).isEqualTo(2);
    }

    @Test
    void badFilter_is400_unknownGroup_is404() {
        String app = fixture();
        String u = userToken(app, "u");
        for (Object filter : List.of(Map.of("type", 3), Map.of("markType", 0x10), Map.of("markType", -1),
                Map.of("conversationGroup", "x".repeat(33)), "filter")) {
            assertThat(call(u, "getConversationListByFilter", body("filter", filter)).statusCode()).as(filter.toString()).isEqualTo(400);
            assertThat(call(u, "getUnreadMessageCountByFilter", body("filter", filter)).statusCode()).as(filter.toString()).isEqualTo(400);
        }
        assertThat(call(u, "getConversationListByFilter", body()).statusCode()).isEqualTo(400);
        assertThat(call(u, "getConversationListByFilter", body("filter", Map.of(), "count", 101)).statusCode()).isEqualTo(400);
        Response unknown = call(u, "getConversationListByFilter", body("filter", Map.of("conversationGroup", "Work")));
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(unknown.jsonPath().getString("code")).isEqualTo("NOT_FOUND");
    }
}
