package io.convlist.live;

import static io.convlist.testing.Api.*;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import io.convlist.domain.AppSettings;
import io.convlist.domain.Edition;
import io.convlist.store.ConversationStore;
import io.convlist.store.app.AppSettingsStore;
import io.convlist.testkit.DevTokens;
import io.convlist.testkit.DynamoDbTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

/** The live channel with real WebSocket clients against the running functions, fed by the table's stream. */
@QuarkusTest
@QuarkusTestResource(DynamoDbTestResource.class)
class LiveTest extends LiveChannelTest {
    @Inject
    ConversationStore store;

    @Inject
    AppSettingsStore settings;

    @Test
    @SuppressWarnings("unchecked")
    void twoDevicesOfOneUser_getTheSameEvents_andAnotherUsersDeviceNone() throws Exception {
        String app = newApp();
        try (LiveDevice phone = LiveDevice.connect(live(), userToken(app, "alice"));
                LiveDevice laptop = LiveDevice.connect(live(), userToken(app, "alice"));
                LiveDevice other = LiveDevice.connect(live(), userToken(app, "dave"))) {
            c2c(app, "carol", "alice", 1, clock.millis(), "hi alice");
            Map<String, Object> onPhone = phone.next();
            Map<String, Object> onLaptop = laptop.next();
            assertThat(onPhone).isEqualTo(onLaptop);
            assertThat(onPhone.get("event")).isEqualTo("conversationChanged");
            Map<String, Object> conversation = (Map<String, Object>) onPhone.get("conversation");
            assertThat(conversation).containsEntry("conversationID", "c2c_carol").containsEntry("unreadCount", 1)
                    .containsEntry("showName", null).containsEntry("conversationGroupList", null);
            assertThat((Map<String, Object>) conversation.get("lastMessage")).containsEntry("summary", "hi alice");
            assertThat(conversation.get("lastChangeTime")).isNotNull();
            // Dave's first event is about his own list: nothing of Alice's reached him before it.
            c2c(app, "carol", "dave", 1, clock.millis(), "hi dave");
            assertThat(LiveDevice.conversationIdOf(other.next())).isEqualTo("c2c_carol");
            assertThat(other.events).isEmpty();
            // Another app's user of the same name gets nothing either.
            String otherApp = newApp();
            try (LiveDevice namesake = LiveDevice.connect(live(), userToken(otherApp, "alice"))) {
                c2c(app, "erin", "alice", 1, clock.millis(), "again");
                assertThat(LiveDevice.conversationIdOf(phone.nextAbout("c2c_erin"))).isEqualTo("c2c_erin");
                c2c(otherApp, "frank", "alice", 1, clock.millis(), "own app");
                assertThat(LiveDevice.conversationIdOf(namesake.next())).isEqualTo("c2c_frank");
            }
        }
    }

    @Test
    @SuppressWarnings("unchecked")
    void aDeletionAndAnEviction_arriveAsRemovals_withTheirReasons() throws Exception {
        String app = newApp();
        for (int i = 0; i < 100; i++) {
            group(app, "g" + i, "Work", "u", List.of(), 1, clock.millis() + i, "m", List.of(), false);
        }
        try (LiveDevice device = LiveDevice.connect(live(), userToken(app, "u"))) {
            ok(userToken(app, "u"), "deleteConversation", body("conversationID", "group_g50"));
            Map<String, Object> deleted = device.nextAbout("group_g50");
            assertThat(deleted.get("event")).isEqualTo("conversationRemoved");
            assertThat((Map<String, Object>) deleted.get("removed")).containsEntry("reason", "DELETED");
            group(app, "new1", "Work", "u", List.of(), 1, clock.millis() + 500, "m", List.of(), false);
            group(app, "new2", "Work", "u", List.of(), 1, clock.millis() + 600, "m", List.of(), false);
            Map<String, Object> evicted = device.nextAbout("group_g0");
            assertThat((Map<String, Object>) evicted.get("removed")).containsEntry("reason", "EVICTED");
        }
    }

    /**
     * A large group's message writes no member's list: its members' devices hear of it as the group's
     * activity (the new seqs, those excluded from unread counts or mentioning everyone, the last message),
     * a member who joins while connected from then on, and no one else.
     */
    @Test
    @SuppressWarnings("unchecked")
    void aLargeGroupsMessages_reachItsMembersDevices_asTheGroupsActivity_andNoOtherDevice() throws Exception {
        String app = newApp();
        settings.put(new AppSettings(app, app, Edition.STANDARD, 100, 7, 3), "test"); // large from 3 members
        ok(serviceToken(app), "addGroupMembers", body("groupID", "big", "groupType", "Work", "seq", 0, "userIDList", List.of("m0", "m1", "m2")));
        try (LiveDevice member = LiveDevice.connect(live(), userToken(app, "m1"));
                LiveDevice joiner = LiveDevice.connect(live(), userToken(app, "m3"));
                LiveDevice outsider = LiveDevice.connect(live(), userToken(app, "x"))) {
            group(app, "big", "Work", "m0", List.of(), 1, clock.millis() - 1000, "hello all", List.of(), true);
            Map<String, Object> first = (Map<String, Object>) member.nextOfKind("largeGroupActivity").get("largeGroup");
            assertThat(first).containsEntry("appId", app).containsEntry("groupID", "big").containsEntry("previousLastSeq", 0)
                    .containsEntry("lastSeq", 1).containsEntry("atAllSeqs", List.of(1)).containsEntry("excludedSeqs", List.of());
            assertThat((Map<String, Object>) first.get("lastMessage")).containsEntry("msgID", "big-1").containsEntry("summary", "hello all");

            ok(serviceToken(app), "addGroupMembers", body("groupID", "big", "groupType", "Work", "seq", 1, "userIDList", List.of("m3")));
            assertThat(LiveDevice.conversationIdOf(joiner.next())).isEqualTo("group_big"); // the join's conversation
            ok(serviceToken(app), "recordMessage", body("type", "GROUP", "msgID", "big-2", "seq", 2, "timestamp", clock.millis() - 500,
                    "senderID", "m0", "groupID", "big", "groupType", "Work", "summary", "quiet", "excludedFromUnreadCount", true));
            for (LiveDevice d : List.of(member, joiner)) {
                Map<String, Object> second = (Map<String, Object>) d.nextOfKind("largeGroupActivity").get("largeGroup");
                assertThat(second).containsEntry("previousLastSeq", 1).containsEntry("lastSeq", 2)
                        .containsEntry("excludedSeqs", List.of(2)).containsEntry("atAllSeqs", List.of());
            }
            // The outsider's first event is its own: nothing of the group came before it.
            c2c(app, "p", "x", 1, clock.millis(), "hi x");
            assertThat(LiveDevice.conversationIdOf(outsider.next())).isEqualTo("c2c_p");
        }
    }

    @Test
    void tokensAreCheckedAtConnect() {
        String app = newApp();
        String expired = DevTokens.token(DynamoDbTestResource.KEYS.getPrivate(), DynamoDbTestResource.ISSUER, app, "u", "user", -60);
        String forged = DevTokens.token(DevTokens.newKeyPair().getPrivate(), DynamoDbTestResource.ISSUER, app, "u", "user", 3600);
        assertThat(LiveDevice.refusal(live(), Map.of())).isEqualTo(401);
        assertThat(LiveDevice.refusal(live(), Map.of("Authorization", "Bearer " + expired))).isEqualTo(401);
        assertThat(LiveDevice.refusal(live(), Map.of("Authorization", "Bearer " + forged))).isEqualTo(401);
        assertThat(LiveDevice.refusal(live(), Map.of("Authorization", "Bearer " + serviceToken(app)))).isEqualTo(403);
        assertThat(LiveDevice.refusal(live(), Map.of("Authorization", "Bearer " + userToken(app, "u"), "Origin", "https://elsewhere.example")))
                .isEqualTo(403);
    }

    @Test
    void aConnection_closesWhenItsTokenExpires_orItSendsAFrame_orTheUserOpensTooMany() throws Exception {
        String app = newApp();
        LiveDevice expiring = LiveDevice.connect(live(), userToken(app, "u"));
        clock.advance(Duration.ofHours(2));
        assertThat(expiring.awaitClose()).isEqualTo(4001);
        clock.reset();

        LiveDevice talker = LiveDevice.connect(live(), userToken(app, "v"));
        talker.socket.sendText("{\"hello\":1}", true);
        assertThat(talker.awaitClose()).isEqualTo(1003);

        LiveDevice first = LiveDevice.connect(live(), userToken(app, "w"));
        LiveDevice second = LiveDevice.connect(live(), userToken(app, "w"));
        LiveDevice third = LiveDevice.connect(live(), userToken(app, "w"));
        LiveDevice fourth = LiveDevice.connect(live(), userToken(app, "w"));
        assertThat(first.awaitClose()).isEqualTo(4008);
        c2c(app, "p", "w", 1, clock.millis(), "to the three left");
        for (LiveDevice d : List.of(second, third, fourth)) {
            assertThat(LiveDevice.conversationIdOf(d.next())).isEqualTo("c2c_p");
        }
        // The console's count: the three connected (the expired, the talker and the oldest are closed).
        awaitDevicesConnected(app, "w", 3);
        awaitDevicesConnected(app, "u", 0);
        for (LiveDevice d : List.of(second, third, fourth)) {
            d.close();
        }
        awaitDevicesConnected(app, "w", 0);
    }

    /** The console's count of the user's devices, once the channel's writes (off the connection's thread) are in. */
    void awaitDevicesConnected(String app, String user, long expected) throws InterruptedException {
        long deadline = System.nanoTime() + LiveDevice.WAIT.toNanos();
        while (store.devices().connectedCount(app, user) != expected && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertThat(store.devices().connectedCount(app, user)).as(user + "'s devices connected").isEqualTo(expected);
    }
}
