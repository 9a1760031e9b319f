package io.convlist;

import static io.convlist.testing.Api.*;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.convlist.domain.AppSettings;
import io.convlist.domain.Edition;
import io.convlist.domain.GroupMode;
import io.convlist.store.ConversationStore;
import io.convlist.store.TtlDeletions;
import io.convlist.store.app.AppSettingsStore;
import io.convlist.testing.RequestCounter;
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

/** Large groups: a message's writes do not grow with the group; members see it when they read. */
@QuarkusTest
@QuarkusTestResource(DynamoDbTestResource.class)
class LargeGroupTest {
    @Inject
    MutableClock clock;

    @Inject
    ConversationStore store;

    @Inject
    AppSettingsStore settings;

    @Inject
    RequestCounter requests;

    @Inject
    DynamoDbClient ddb;

    @ConfigProperty(name = "convlist.table")
    String table;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    /** An app whose groups are large from 3 members, with a group of {@code members} (m0, m1, ...). */
    String appWithGroup(int members) {
        String app = newApp();
        settings.put(new AppSettings(app, app, Edition.STANDARD, 100, 7, 3), "test");
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < members; i++) {
            ids.add("m" + i);
        }
        ok(serviceToken(app), "addGroupMembers", body("groupID", "g", "groupType", "Work", "seq", 0, "userIDList", ids));
        assertThat(store.group(app, "g").mode()).isEqualTo(GroupMode.MEMBERS);
        return app;
    }

    Map<String, Object> message(long seq, String from, List<String> at) {
        return body("type", "GROUP", "msgID", "g-" + seq, "seq", seq, "timestamp", clock.millis() - 60_000 + seq, "senderID", from,
                "groupID", "g", "groupType", "Work", "summary", "text " + seq, "atUserList", at);
    }

    @Test
    void aMessage_writesTheGroupsRecordAndTheSendersList_whateverTheGroupsSize() {
        String app = appWithGroup(150);
        String service = serviceToken(app);
        ok(service, "recordMessage", message(1, "m0", List.of()));
        requests.reset();
        ok(service, "recordMessage", message(2, "m0", List.of()));
        // The group's record, then the sender's list: brought up to date (one read), its message (one write).
        assertThat(requests.snapshot()).isEqualTo(Map.of("UpdateItem", 2, "BatchGetItem", 1));
        requests.reset();
        ok(service, "recordMessage", message(3, "m0", List.of("m7")));
        // And the member named: who of them is a member (one read); its list reads the group's record,
        // takes the messages it missed (one write), then the mention (one write).
        assertThat(requests.snapshot()).isEqualTo(Map.of("UpdateItem", 4, "BatchGetItem", 3));
    }

    /**
     * The sender's own message arriving after a later one, excluded from the last message, while the
     * sender's list does not hold the group: recipients mode had the conversation back from the later
     * message, so the late one moves the sender's read point. A large group's sender list first takes
     * what arrived before (the later message, which brings it back), then the late one.
     */
    @Test
    void aSendersLateMessage_movesItsReadPointAsInRecipientsMode_evenIfItCannotCreateTheConversation() {
        String app = appWithGroup(10);
        String service = serviceToken(app);
        ok(userToken(app, "m0"), "deleteConversation", body("conversationID", "group_g")); // not in m0's list: nothing to update
        ok(service, "recordMessage", message(2, "m1", List.of()));
        Map<String, Object> late = new HashMap<>(message(1, "m0", List.of()));
        late.put("excludedFromLastMessage", true);
        ok(service, "recordMessage", late);
        Map<String, Object> sender = conversation(app, "m0", "group_g");
        assertThat(sender.get("groupReadSequence")).isEqualTo(1);
        assertThat(sender.get("unreadCount")).isEqualTo(1);
        assertThat(map(sender.get("lastMessage"))).containsEntry("msgID", "g-2");
    }

    @Test
    void aMemberWhoNeverRead_seesEveryMessageWhenReading_andARecallOfTheLast() {
        String app = appWithGroup(10);
        String service = serviceToken(app);
        for (long seq = 1; seq <= 5; seq++) {
            ok(service, "recordMessage", message(seq, "m0", seq == 3 ? List.of("m5") : List.of()));
        }
        ok(service, "recallMessage", body("type", "GROUP", "msgID", "g-5", "groupID", "g"));
        Map<String, Object> seen = conversation(app, "m4", "group_g");
        assertThat(seen.get("unreadCount")).isEqualTo(5);
        assertThat(map(seen.get("lastMessage"))).containsEntry("msgID", "g-5").containsEntry("isRecalled", true).containsEntry("summary", "");
        assertThat(totalUnread(app, "m4")).isEqualTo(5);
        Map<String, Object> named = conversation(app, "m5", "group_g");
        assertThat(named.get("unreadCount")).isEqualTo(5);
        assertThat(named.get("groupAtInfoList").toString()).contains("seq=3").contains("atType=1");
        // The sender's own list is read through its last message.
        assertThat(conversation(app, "m0", "group_g").get("unreadCount")).isEqualTo(0);
    }

    @Test
    void ttlDeletingAMembersConversationWhileTheGroupTalks_putsItBackAsItWas() {
        String app = appWithGroup(5);
        String service = serviceToken(app);
        ok(service, "recordMessage", message(1, "m0", List.of()));
        ok(userToken(app, "m3"), "pinConversation", body("conversationID", "group_g", "isPinned", true));
        for (int day = 1; day <= 9; day++) { // the group talks every day; m3 reads nothing
            clock.advance(Duration.ofDays(1));
            ok(service, "recordMessage", message(1 + day, "m0", List.of()));
        }
        // m3's own item was last written 9 days ago: TTL deletes it; the consumer puts it back.
        List<TtlDeletions.Deletion> deleted = Ttl.deleteExpired(ddb, table, app, "m3", clock.millis());
        assertThat(deleted).extracting(TtlDeletions.Deletion::sk).contains("c#group_g");
        new TtlDeletions(store, clock).handle(deleted);
        Map<String, Object> seen = conversation(app, "m3", "group_g");
        assertThat(seen.get("isPinned")).isEqualTo(true);
        assertThat(seen.get("unreadCount")).isEqualTo(10);
        assertThat(store.removals(app, "m3")).isEmpty();
    }
}
