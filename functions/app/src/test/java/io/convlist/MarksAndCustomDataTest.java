package io.convlist;

import static io.convlist.testing.Api.*;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import io.convlist.domain.ConversationId;
import io.convlist.domain.Marks;
import io.convlist.domain.list.PeerSetting;
import io.convlist.store.ConversationStore;
import io.convlist.testkit.DynamoDbTestResource;
import io.convlist.testkit.MutableClock;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Marks and custom data: recorded per peer or group beside do-not-disturb, outliving the conversation, capped with it. */
@QuarkusTest
@QuarkusTestResource(DynamoDbTestResource.class)
class MarksAndCustomDataTest {
    static final BigInteger BIT_63 = BigInteger.ONE.shiftLeft(63);

    @Inject
    MutableClock clock;

    @Inject
    ConversationStore store;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void marks_areRecordedOnly_shownInMarkList_andSurviveDeleteAndExpiry() {
        String app = newApp();
        String u = userToken(app, "u");
        c2c(app, "bob", "u", 1, clock.millis(), "hi");
        Response r = ok(u, "markConversation", body("conversationIDList", List.of("c2c_bob", "group_g1"),
                "markType", Marks.STAR | Marks.UNREAD, "enableMark", true));
        assertThat(r.jsonPath().getList("resultList")).containsExactly(
                Map.of("conversationID", "c2c_bob", "resultCode", 0, "resultInfo", ""),
                Map.of("conversationID", "group_g1", "resultCode", 0, "resultInfo", ""));
        ok(u, "markConversation", body("conversationIDList", List.of("c2c_bob"), "markType", BIT_63, "enableMark", true));
        Map<String, Object> bob = conversation(app, "u", "c2c_bob");
        // 1. The UNREAD mark changes no count; bit 63 comes back exactly.
        assertThat(bob.get("unreadCount")).isEqualTo(1);
        assertThat(list(bob.get("markList")).stream().map(Object::toString)).containsExactly("1", "2", BIT_63.toString());
        // 2. Clearing one bit leaves the others.
        ok(u, "markConversation", body("conversationIDList", List.of("c2c_bob"), "markType", Marks.UNREAD, "enableMark", false));
        assertThat(list(conversation(app, "u", "c2c_bob").get("markList")).stream().map(Object::toString)).containsExactly("1", BIT_63.toString());
        // 3. Deleted and back, then expired and back: still marked. The group, marked before it was ever listed, shows its mark when it appears.
        ok(u, "deleteConversation", body("conversationID", "c2c_bob"));
        c2c(app, "bob", "u", 2, clock.millis(), "again");
        clock.advance(Duration.ofDays(8));
        c2c(app, "bob", "u", 3, clock.millis(), "a week later");
        assertThat(list(conversation(app, "u", "c2c_bob").get("markList")).stream().map(Object::toString)).containsExactly("1", BIT_63.toString());
        group(app, "g1", "Work", "carol", List.of("u"), 1, clock.millis(), "hi", List.of(), false);
        assertThat(list(conversation(app, "u", "group_g1").get("markList"))).containsExactly(1, 2);
    }

    @Test
    void customData_roundTripsAsBase64_emptyClears_andAnEmptySettingGoes() {
        String app = newApp();
        String u = userToken(app, "u");
        c2c(app, "bob", "u", 1, clock.millis(), "hi");
        byte[] data = new byte[256];
        for (int i = 0; i < data.length; i++) {
            data[i] = (byte) i;
        }
        String base64 = Base64.getEncoder().encodeToString(data);
        ok(u, "setConversationCustomData", body("conversationIDList", List.of("c2c_bob"), "customData", base64));
        assertThat(conversation(app, "u", "c2c_bob").get("customData")).isEqualTo(base64);
        assertThat(store.peerSettings(app, "u")).hasSize(1);
        ok(u, "setConversationCustomData", body("conversationIDList", List.of("c2c_bob"), "customData", ""));
        assertThat(conversation(app, "u", "c2c_bob").get("customData")).isEqualTo("");
        assertThat(store.peerSettings(app, "u")).isEmpty();
        // The count went down with the item: 1,000 new settings fit again.
        for (int call = 0; call < 10; call++) {
            ok(u, "setConversationCustomData", body("conversationIDList", PeerSettingsTest.ids("p" + call + "_", 100), "customData", "AQ=="));
        }
        assertThat(store.peerSettings(app, "u")).hasSize(1000);
    }

    @Test
    void badInput_is400_andWritesNothing() {
        String app = newApp();
        String u = userToken(app, "u");
        c2c(app, "bob", "u", 1, clock.millis(), "hi");
        List<String> bob = List.of("c2c_bob");
        for (Object markType : List.of(0, 0x10, 1L << 31, -1, BigInteger.ONE.shiftLeft(64), "STAR")) {
            Response r = call(u, "markConversation", body("conversationIDList", bob, "markType", markType, "enableMark", true));
            assertThat(r.statusCode()).as("markType " + markType).isEqualTo(400);
        }
        assertThat(call(u, "markConversation", body("conversationIDList", bob, "markType", 1)).statusCode()).isEqualTo(400);
        assertThat(call(u, "markConversation", body("conversationIDList", PeerSettingsTest.ids("x", 101), "markType", 1,
                "enableMark", true)).statusCode()).isEqualTo(400);
        String tooLong = Base64.getEncoder().encodeToString(new byte[257]);
        for (String customData : List.of(tooLong, "not base64!")) {
            Response r = call(u, "setConversationCustomData", body("conversationIDList", bob, "customData", customData));
            assertThat(r.statusCode()).isEqualTo(400);
            assertThat(r.jsonPath().getString("code")).isEqualTo("INVALID_ARGUMENT");
        }
        assertThat(store.peerSettings(app, "u")).isEmpty();
        assertThat(conversation(app, "u", "c2c_bob").get("markList")).isEqualTo(List.of());
    }

    @Test
    void concurrentChanges_leaveTheConversationShowingExactlyTheStoredSettings() throws Exception {
        String app = newApp();
        String u = userToken(app, "u");
        c2c(app, "bob", "u", 1, clock.millis(), "hi");
        // 16 callers each set or clear their own custom bit and write custom data, all at once.
        ExecutorService pool = Executors.newFixedThreadPool(16);
        List<Future<Integer>> calls = new ArrayList<>();
        for (int caller = 0; caller < 16; caller++) {
            long bit = 1L << (32 + caller);
            boolean enable = caller % 3 != 0;
            String data = Base64.getEncoder().encodeToString(new byte[] {(byte) caller});
            calls.add(pool.submit(() -> call(u, "markConversation", body("conversationIDList", List.of("c2c_bob"),
                    "markType", bit, "enableMark", enable)).statusCode()));
            calls.add(pool.submit(() -> call(u, "setConversationCustomData", body("conversationIDList", List.of("c2c_bob"),
                    "customData", data)).statusCode()));
        }
        for (Future<Integer> f : calls) {
            assertThat(f.get()).isEqualTo(200);
        }
        pool.shutdown();
        PeerSetting stored = store.settings(app, "u", List.of(ConversationId.c2c("bob"))).get(0);
        Map<String, Object> shown = conversation(app, "u", "c2c_bob");
        long expected = 0;
        for (int caller = 0; caller < 16; caller++) {
            expected |= caller % 3 != 0 ? 1L << (32 + caller) : 0;
        }
        assertThat(stored.marks()).isEqualTo(expected);
        assertThat(list(shown.get("markList")).stream().map(Object::toString).toList())
                .isEqualTo(Marks.bitValues(stored.marks()));
        assertThat(shown.get("customData")).isEqualTo(Base64.getEncoder().encodeToString(stored.customData()));
    }
}
