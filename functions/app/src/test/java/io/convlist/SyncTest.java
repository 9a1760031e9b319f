package io.convlist;

import static io.convlist.testing.Api.*;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.convlist.domain.AppSettings;
import io.convlist.domain.Edition;
import io.convlist.domain.Limits;
import io.convlist.domain.list.SyncPosition;
import io.convlist.store.app.AppSettingsStore;
import io.convlist.testkit.DynamoDbTestResource;
import io.convlist.testkit.MutableClock;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** syncConversations over HTTP: what a device is told, why, and what it may not do with a cursor. */
@QuarkusTest
@QuarkusTestResource(DynamoDbTestResource.class)
class SyncTest {
    @Inject
    MutableClock clock;

    @Inject
    AppSettingsStore settings;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    /** A device's copy: applies answers until finished and returns the last answer. */
    static final class Device {
        final Map<String, Map<String, Object>> list = new HashMap<>();
        final List<Map<String, Object>> removals = new ArrayList<>();
        String cursor;

        Response syncUntilFinished(String token) {
            return syncUntilFinished(token, 20);
        }

        Response syncUntilFinished(String token, int count) {
            for (int page = 0; page < 100; page++) {
                Response r = ok(token, "syncConversations", body("cursor", cursor, "count", count));
                assertThat(r.jsonPath().getBoolean("resyncRequired")).isFalse();
                r.jsonPath().<Map<String, Object>>getList("changed").forEach(c -> list.put((String) c.get("conversationID"), c));
                r.jsonPath().<Map<String, Object>>getList("removed").forEach(x -> {
                    removals.add(x);
                    list.remove((String) x.get("conversationID"));
                });
                cursor = r.jsonPath().getString("cursor");
                if (r.jsonPath().getBoolean("isFinished")) {
                    return r;
                }
            }
            throw new AssertionError("sync did not finish");
        }
    }

    static String reasonFor(Device d, String conversationId) {
        return d.removals.stream().filter(x -> conversationId.equals(x.get("conversationID"))).map(x -> (String) x.get("reason"))
                .reduce((a, b) -> b).orElse(null);
    }

    @Test
    void fullThenIncremental_tellsEveryKindOfChange_andWhyConversationsLeft() {
        String app = newApp();
        String u = userToken(app, "u");
        for (int i = 0; i < 7; i++) {
            c2c(app, "p" + i, "u", 1, clock.millis() + i, "hi");
        }
        group(app, "team", "Work", "carol", List.of("u"), 1, clock.millis(), "hi", List.of(), false);
        Device device = new Device();
        device.syncUntilFinished(u);
        assertThat(device.list).hasSize(8);

        // 1. A message, a read point, a draft, a pin, a receive option, a remark, a peer's new nickname,
        //    a group's new name, a delete.
        c2c(app, "p0", "u", 2, clock.millis(), "again");
        ok(u, "cleanConversationUnreadMessageCount", body("conversationID", "c2c_p1"));
        ok(u, "setConversationDraft", body("conversationID", "c2c_p2", "draftText", "later"));
        ok(u, "pinConversation", body("conversationID", "c2c_p3", "isPinned", true));
        ok(u, "setC2CReceiveMessageOpt", body("userIDList", List.of("p4"), "opt", 2));
        ok(serviceToken(app), "setFriendRemark", body("userID", "u", "friendUserID", "p5", "remark", "Five"));
        ok(serviceToken(app), "setUserProfile", body("userID", "p6", "nickname", "Six"));
        ok(serviceToken(app), "setGroupProfile", body("groupID", "team", "groupName", "The Team", "groupType", "Work"));
        ok(u, "deleteConversation", body("conversationID", "c2c_p0"));
        // Pages smaller than what changed within the overlap: the round cannot finish yet, the next one
        // (from this round's start) re-sends what the pages may have passed.
        Device small = new Device();
        small.cursor = device.cursor;
        Response first = ok(u, "syncConversations", body("cursor", small.cursor, "count", 3));
        assertThat(first.jsonPath().getBoolean("isFinished")).isFalse();
        device.syncUntilFinished(u);
        assertThat(device.list.keySet()).containsExactlyInAnyOrder("c2c_p1", "c2c_p2", "c2c_p3", "c2c_p4", "c2c_p5", "c2c_p6",
                "group_team");
        assertThat(device.list.get("group_team").get("showName")).isEqualTo("The Team");
        assertThat(device.list.get("c2c_p1").get("unreadCount")).isEqualTo(0);
        assertThat(device.list.get("c2c_p2").get("draftText")).isEqualTo("later");
        assertThat(device.list.get("c2c_p3").get("isPinned")).isEqualTo(true);
        assertThat(device.list.get("c2c_p4").get("recvOpt")).isEqualTo(2);
        assertThat(device.list.get("c2c_p5").get("showName")).isEqualTo("Five");
        assertThat(device.list.get("c2c_p6").get("showName")).isEqualTo("Six");
        assertThat(reasonFor(device, "c2c_p0")).isEqualTo("DELETED");
        assertThat(device.list).isEqualTo(asMap(wholeList(app, "u", 100)));

        // 2. Expiry: the device is told EXPIRED, while TTL has not deleted anything yet.
        clock.advance(Duration.ofDays(6));
        ok(u, "setConversationDraft", body("conversationID", "c2c_p2", "draftText", "still here"));
        device.syncUntilFinished(u);
        clock.advance(Duration.ofDays(2));
        device.syncUntilFinished(u);
        assertThat(device.list.keySet()).containsExactly("c2c_p2");
        assertThat(reasonFor(device, "c2c_p1")).isEqualTo("EXPIRED");
    }

    @Test
    void eviction_isReportedAsEvicted() {
        String app = newApp();
        String u = userToken(app, "u");
        for (int i = 0; i < 100; i++) {
            group(app, "g" + i, "Work", "u", List.of(), 1, clock.millis() + i, "m", List.of(), false);
        }
        clock.advance(Duration.ofMillis(SyncPosition.OVERLAP_MILLIS + 1_000));
        Device device = new Device();
        device.syncUntilFinished(u, 30);
        group(app, "new", "Work", "u", List.of(), 1, clock.millis() + 500, "m", List.of(), false);
        device.syncUntilFinished(u, 3);
        assertThat(reasonFor(device, "group_g0")).isEqualTo("EVICTED");
        assertThat(device.list).hasSize(100).containsKey("group_new").doesNotContainKey("group_g0");
    }

    @Test
    void firstListPage_returnsACursor_thatCatchesWhatMovedWhileTheDevicePaged() {
        String app = newApp();
        String u = userToken(app, "u");
        for (int i = 0; i < 5; i++) {
            c2c(app, "p" + i, "u", 1, clock.millis() + i, "hi");
        }
        Response first = ok(u, "getConversationList", body("count", 2));
        String cursor = first.jsonPath().getString("cursor");
        assertThat(cursor).isNotBlank();
        // While paging, the bottom conversation moves to the top: paging below nextSeq skips it...
        c2c(app, "p0", "u", 2, clock.millis() + 100, "moved");
        Response second = ok(u, "getConversationList", body("nextSeq", first.jsonPath().getLong("nextSeq"), "count", 10));
        assertThat(second.jsonPath().getString("cursor")).isNull();
        assertThat(ids(second.jsonPath().getList("conversationList"))).doesNotContain("c2c_p0");
        // ...and the cursor brings it.
        Response sync = ok(u, "syncConversations", body("cursor", cursor, "count", 10));
        assertThat(ids(sync.jsonPath().getList("changed"))).contains("c2c_p0");
    }

    @Test
    void oldCursor_orSettingsChangedSince_requireAResync() {
        String app = newApp();
        String u = userToken(app, "u");
        c2c(app, "p", "u", 1, clock.millis(), "hi");
        Device device = new Device();
        device.syncUntilFinished(u);
        String cursor = device.cursor;
        // 1. Older than the retention: removal records it would need may be gone.
        clock.advance(Duration.ofDays(7));
        Response old = ok(u, "syncConversations", body("cursor", cursor, "count", 10));
        assertThat(old.jsonPath().getBoolean("resyncRequired")).isTrue();
        assertThat(old.jsonPath().getString("cursor")).isNull();
        // 2. The app's retention changed after the cursor: its positions no longer mean the same times.
        Device fresh = new Device();
        fresh.syncUntilFinished(u);
        clock.advance(Duration.ofMinutes(5));
        settings.put(new AppSettings(app, app, Edition.STANDARD, 100, 3), "test");
        assertThat(ok(u, "syncConversations", body("cursor", fresh.cursor, "count", 10)).jsonPath().getBoolean("resyncRequired")).isTrue();
    }

    /** Syncs until finished, starting over from null each time it is told to; answers how often it was told. */
    static int syncStartingOverAsTold(Device device, String token) {
        int resyncs = 0;
        for (int call = 0; call < 100; call++) {
            Response r = ok(token, "syncConversations", body("cursor", device.cursor, "count", 20));
            if (r.jsonPath().getBoolean("resyncRequired")) {
                resyncs++;
                device.list.clear();
                device.cursor = null;
                continue;
            }
            r.jsonPath().<Map<String, Object>>getList("changed").forEach(c -> device.list.put((String) c.get("conversationID"), c));
            r.jsonPath().<Map<String, Object>>getList("removed").forEach(x -> device.list.remove((String) x.get("conversationID")));
            device.cursor = r.jsonPath().getString("cursor");
            if (r.jsonPath().getBoolean("isFinished")) {
                return resyncs;
            }
        }
        throw new AssertionError("sync did not finish in 100 calls (" + resyncs + " resyncs)");
    }

    @Test
    void settingsChanges_costEachDeviceAtMostOneResync_andANewAppNone() {
        String app = newApp();
        String u = userToken(app, "u");
        settings.create(new AppSettings(app, app, Edition.STANDARD, 100, Limits.DEFAULT_RETENTION_DAYS), "test");
        c2c(app, "p", "u", 1, clock.millis(), "hi");
        Device early = new Device();
        assertThat(syncStartingOverAsTold(early, u)).as("a device of an app created just now").isZero();
        // Another setting changes: cursors stay valid.
        clock.advance(Duration.ofSeconds(5));
        settings.put(new AppSettings(app, "renamed", Edition.STANDARD, 100, Limits.DEFAULT_RETENTION_DAYS), "test");
        c2c(app, "q", "u", 1, clock.millis(), "renamed");
        assertThat(syncStartingOverAsTold(early, u)).as("after a rename").isZero();
        // The retention changes: the device whose cursor began before it starts over once; one that starts
        // right after the change never; both keep syncing every 10 s for three minutes while messages arrive.
        clock.advance(Duration.ofSeconds(5));
        settings.put(new AppSettings(app, "renamed", Edition.STANDARD, 100, 3), "test");
        Device late = new Device();
        int earlyResyncs = 0;
        int lateResyncs = 0;
        for (int step = 0; step < 18; step++) {
            c2c(app, "s" + step, "u", 1, clock.millis(), "step " + step);
            earlyResyncs += syncStartingOverAsTold(early, u);
            lateResyncs += syncStartingOverAsTold(late, u);
            clock.advance(Duration.ofSeconds(10));
        }
        assertThat(earlyResyncs).as("resyncs of the device whose cursor began before the change").isEqualTo(1);
        assertThat(lateResyncs).as("resyncs of the device that started after it").isZero();
        List<String> listed = ok(u, "getConversationList", body("count", 100)).jsonPath().getList("conversationList.conversationID");
        assertThat(early.list.keySet()).containsExactlyInAnyOrderElementsOf(listed);
        assertThat(late.list.keySet()).containsExactlyInAnyOrderElementsOf(listed);
        assertThat(listed).hasSize(20);
    }

    @Test
    void cursor_isBoundToItsList_andCannotBeAlteredOrMadeUp() {
        String app = newApp();
        c2c(app, "p", "u", 1, clock.millis(), "hi");
        String cursor = ok(userToken(app, "u"), "syncConversations", body("count", 10)).jsonPath().getString("cursor");
        // Another user, another app, or the app's backend for another user: refused.
        assertInvalid(userToken(app, "v"), body("cursor", cursor));
        assertInvalid(userToken(newApp(), "u"), body("cursor", cursor));
        assertInvalid(serviceToken(app), body("userID", "v", "cursor", cursor));
        // The app's backend for the same user: accepted.
        ok(serviceToken(app), "syncConversations", body("userID", "u", "cursor", cursor));
        // Altered or made up.
        String[] parts = cursor.split("\\.");
        String json = new String(Base64.getUrlDecoder().decode(parts[0]));
        String forged = Base64.getUrlEncoder().withoutPadding().encodeToString(json.replace("\"u\"", "\"v\"").getBytes());
        assertInvalid(userToken(app, "v"), body("cursor", forged + "." + parts[1]));
        assertInvalid(userToken(app, "u"), body("cursor", "garbage"));
        assertInvalid(userToken(app, "u"), body("cursor", ""));
        assertInvalid(userToken(app, "u"), body("cursor", cursor + "x"));
        // Counts outside 1..100.
        assertInvalid(userToken(app, "u"), body("count", 0));
        assertInvalid(userToken(app, "u"), body("count", 101));
    }

    static void assertInvalid(String token, Map<String, Object> body) {
        Response r = call(token, "syncConversations", body);
        assertThat(r.statusCode()).as(r.asString()).isEqualTo(400);
        assertThat(r.jsonPath().getString("code")).isEqualTo("INVALID_ARGUMENT");
    }

    static Map<String, Map<String, Object>> asMap(List<Map<String, Object>> conversations) {
        Map<String, Map<String, Object>> m = new HashMap<>();
        conversations.forEach(c -> m.put((String) c.get("conversationID"), c));
        return m;
    }
}
