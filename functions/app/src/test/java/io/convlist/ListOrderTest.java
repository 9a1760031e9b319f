package io.convlist;

import static io.convlist.testing.Api.*;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;

import io.convlist.domain.AppSettings;
import io.convlist.domain.Edition;
import io.convlist.store.app.AppSettingsStore;
import io.convlist.testkit.DynamoDbTestResource;
import io.convlist.testkit.MutableClock;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Ordering (pinned first, then most recent), paging with nextSeq, drafts and pinning. */
@QuarkusTest
@QuarkusTestResource(DynamoDbTestResource.class)
class ListOrderTest {
    @Inject
    MutableClock clock;

    /** Message times an hour ago, so that drafts and pins (now) are the most recent activity. */
    long t0;

    @BeforeEach
    void takeTheTestsStartingTime() {
        t0 = clock.millis() - 3_600_000;
    }

    @Inject
    AppSettingsStore settings;

    /** The user's own group messages create one conversation each, at increasing times. */
    void createGroups(String app, String user, int n) {
        for (int i = 0; i < n; i++) {
            group(app, "g" + i, "Work", user, List.of(), 1, t0 + i * 1000L, "m" + i, List.of(), false);
        }
    }

    @Test
    void getConversationList_pinnedFirstThenMostRecent_andOrderKeyDescends() {
        String app = newApp();
        createGroups(app, "u", 5);
        ok(userToken(app, "u"), "pinConversation", body("conversationID", "group_g1", "isPinned", true));
        ok(userToken(app, "u"), "pinConversation", body("conversationID", "group_g3", "isPinned", true));
        List<Map<String, Object>> list = wholeList(app, "u", 100);
        // Pinned g3 after g1, so g3 is the more recent pin; then the rest by last message time.
        assertThat(ids(list)).containsExactly("group_g3", "group_g1", "group_g4", "group_g2", "group_g0");
        assertThat(list.get(0)).containsEntry("isPinned", true);
        List<Long> keys = list.stream().map(c -> ((Number) c.get("orderKey")).longValue()).toList();
        assertThat(keys).isSortedAccordingTo((a, b) -> Long.compare(b, a)).doesNotHaveDuplicates();

        ok(userToken(app, "u"), "pinConversation", body("conversationID", "group_g3", "isPinned", false));
        // Unpinned, g3 keeps the activity of its pin: first among the unpinned.
        assertThat(ids(wholeList(app, "u", 100))).containsExactly("group_g1", "group_g3", "group_g4", "group_g2", "group_g0");
    }

    @Test
    void getConversationList_paging500WithNextSeq_returnsEveryConversationExactlyOnce() {
        String app = newApp();
        settings.put(new AppSettings(app, app, Edition.FLAGSHIP, 500, 7), "test");
        // Many share a millisecond: order keys still differ (the slot), so paging cannot skip.
        for (int i = 0; i < 500; i++) {
            group(app, "p" + i, "Work", "u", List.of(), 1, t0 + (i / 50), "m", List.of(), false);
        }
        List<Map<String, Object>> all = wholeList(app, "u", 7);
        assertThat(all).hasSize(500);
        assertThat(new HashSet<>(ids(all))).hasSize(500);
        List<Long> keys = all.stream().map(c -> ((Number) c.get("orderKey")).longValue()).toList();
        assertThat(keys).isSortedAccordingTo((a, b) -> Long.compare(b, a));
        assertThat(ids(wholeList(app, "u", 100))).isEqualTo(ids(all));
    }

    @Test
    void setConversationDraft_setsServerTimestampAndMovesUp_clearingClearsBothAndKeepsPlace() {
        String app = newApp();
        createGroups(app, "u", 3);
        long before = clock.millis();
        ok(userToken(app, "u"), "setConversationDraft", body("conversationID", "group_g0", "draftText", "half a thought"));
        Map<String, Object> g0 = conversation(app, "u", "group_g0");
        assertThat(g0).containsEntry("draftText", "half a thought");
        assertThat(((Number) g0.get("draftTimestamp")).longValue()).isGreaterThanOrEqualTo(before);
        assertThat(ids(wholeList(app, "u", 100))).containsExactly("group_g0", "group_g2", "group_g1");

        ok(userToken(app, "u"), "setConversationDraft", body("conversationID", "group_g0", "draftText", ""));
        g0 = conversation(app, "u", "group_g0");
        assertThat(g0.get("draftText")).isNull();
        assertThat(g0.get("draftTimestamp")).isNull();
        assertThat(ids(wholeList(app, "u", 100))).containsExactly("group_g0", "group_g2", "group_g1");
    }

    @Test
    void pinConversation_51st_isRefusedWithClearError_andChangesNothing() {
        String app = newApp();
        createGroups(app, "u", 51);
        for (int i = 0; i < 50; i++) {
            ok(userToken(app, "u"), "pinConversation", body("conversationID", "group_g" + i, "isPinned", true));
        }
        List<String> before = ids(wholeList(app, "u", 100));
        var refused = call(userToken(app, "u"), "pinConversation", body("conversationID", "group_g50", "isPinned", true));
        assertThat(refused.statusCode()).isEqualTo(409);
        assertThat(refused.jsonPath().getString("code")).isEqualTo("PIN_LIMIT_REACHED");
        assertThat(ids(wholeList(app, "u", 100))).isEqualTo(before);
        // Pinning an already pinned one is a no-op; unpinning frees a place.
        ok(userToken(app, "u"), "pinConversation", body("conversationID", "group_g0", "isPinned", true));
        ok(userToken(app, "u"), "pinConversation", body("conversationID", "group_g0", "isPinned", false));
        ok(userToken(app, "u"), "pinConversation", body("conversationID", "group_g50", "isPinned", true));
        List<Map<String, Object>> list = wholeList(app, "u", 100);
        assertThat(list.stream().filter(c -> Boolean.TRUE.equals(c.get("isPinned"))).count()).isEqualTo(50);
    }

    @Test
    void deleteConversation_removesIt_andUnknownIs404() {
        String app = newApp();
        createGroups(app, "u", 2);
        ok(userToken(app, "u"), "deleteConversation", body("conversationID", "group_g0"));
        assertThat(ids(wholeList(app, "u", 100))).containsExactly("group_g1");
        var again = call(userToken(app, "u"), "deleteConversation", body("conversationID", "group_g0"));
        assertThat(again.statusCode()).isEqualTo(404);
        assertThat(again.jsonPath().getString("code")).isEqualTo("NOT_FOUND");
        assertThat(call(userToken(app, "u"), "getConversation", body("conversationID", "group_g0")).statusCode()).isEqualTo(404);
    }

    @Test
    void getConversationListByConversationIds_returnsThoseThatExist_inTheOrderAsked() {
        String app = newApp();
        createGroups(app, "u", 3);
        List<Object> found = ok(userToken(app, "u"), "getConversationListByConversationIds",
                body("conversationIDList", List.of("group_g2", "group_nope", "group_g0"))).jsonPath().getList("conversationList");
        List<String> got = new ArrayList<>();
        found.forEach(c -> got.add((String) map(c).get("conversationID")));
        assertThat(got).containsExactly("group_g2", "group_g0");
    }
}
