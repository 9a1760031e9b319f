package io.convlist.client;

import static io.convlist.client.FakeCloud.c2c;
import static io.convlist.client.FakeCloud.changed;
import static io.convlist.client.FakeCloud.removed;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import io.convlist.client.store.InMemoryStore;
import io.convlist.client.wire.LiveFrame;
import io.convlist.client.wire.Removed;
import io.convlist.client.wire.SyncAnswer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Each callback, from scripted sync answers and events, with the in-memory store and a fake transport. */
class ConversationManagerTest {
    final FakeCloud cloud = new FakeCloud();
    final RecordingListener listener = new RecordingListener();
    final InMemoryStore store = new InMemoryStore();
    ConversationManager manager;

    ConversationManager start() {
        manager = new ConversationManager(cloud, cloud, store, listener, FakeCloud.JSON, new Backoff(10, 100)).start();
        return manager;
    }

    @AfterEach
    void stop() {
        if (manager != null) {
            manager.close();
        }
    }

    @Test
    void aSync_raisesNewConversations_thenTheTotal_andStoresTheCursorWithThem() throws Exception {
        cloud.answer(new SyncAnswer(List.of(c2c("bob", 2, 10, 5), c2c("carol", 1, 20, 6)), List.of(), "c1", true, false, List.of("work")));
        start();
        assertThat(List.of(listener.next(), listener.next(), listener.next(), listener.next(), listener.next()))
                .containsExactly("new c2c_bob unread=2", "new c2c_carol unread=1", "total 3", "group created work", "synced");
        assertThat(manager.getConversationList(0, 10).conversationList()).extracting(LocalConversation::conversationID)
                .containsExactly("c2c_carol", "c2c_bob"); // the cloud's order: orderKey, highest first
        assertThat(store.load().cursor()).isEqualTo("c1");
        assertThat(store.load().conversations()).containsKeys("c2c_bob", "c2c_carol");
    }

    @Test
    void events_changeByVersion_anOlderOneChangesNothing_andNamesAreKept() throws Exception {
        cloud.answer(new SyncAnswer(List.of(c2c("bob", 1, 10, 5)), List.of(), "c1", true, false, null));
        start();
        assertThat(List.of(listener.next(), listener.next(), listener.next())).containsExactly("new c2c_bob unread=1", "total 1", "synced");
        var newer = c2c("bob", 4, 30, 9);
        cloud.push(changed(new io.convlist.client.wire.Conversation(newer.type(), newer.conversationID(), newer.userID(), null, null, null,
                null, 4, 0, List.of(), "", null, 0, 0, newer.lastMessage(), List.of(), null, null, false, 30, 1, 0, 9)));
        assertThat(List.of(listener.next(), listener.next())).containsExactly("changed c2c_bob unread=4", "total 4");
        assertThat(manager.getConversation("c2c_bob").state().showName()).isEqualTo("bob name"); // an event carries no names
        cloud.push(changed(c2c("bob", 7, 40, 8))); // older than what the device has: nothing
        cloud.push(changed(c2c("dan", 1, 50, 3)));
        assertThat(listener.next()).isEqualTo("new c2c_dan unread=1"); // the older bob state raised nothing before it
        assertThat(manager.getConversation("c2c_bob").state().unreadCount()).isEqualTo(4);
    }

    @Test
    void anEvictionOrExpiry_keepsItOnTheDevice_aDeletionOrLeaveRemovesIt_andAnOlderStateNeverBringsItBack() throws Exception {
        cloud.answer(new SyncAnswer(List.of(c2c("bob", 1, 10, 5), c2c("carol", 0, 20, 5), c2c("dan", 2, 30, 5)), List.of(), "c1", true, false,
                null));
        start();
        for (int i = 0; i < 5; i++) {
            listener.next(); // three new, the total, synced
        }
        cloud.push(removed("c2c_bob", Removed.EVICTED, 6));
        assertThat(List.of(listener.next(), listener.next())).containsExactly("changed c2c_bob unread=1 only on device (EVICTED)", "total 2");
        cloud.push(removed("c2c_dan", Removed.DELETED, 6));
        assertThat(List.of(listener.next(), listener.next())).containsExactly("deleted c2c_dan DELETED", "total 0");
        cloud.push(changed(c2c("dan", 3, 40, 5))); // a late event from before the delete
        cloud.push(new LiveFrame(LiveFrame.REMOVED, null, new Removed("c2c_carol", Removed.LEFT_GROUP, 9, false, 7), null));
        assertThat(listener.next()).isEqualTo("deleted c2c_carol LEFT_GROUP");
        assertThat(manager.getConversationList(0, 10).conversationList()).extracting(LocalConversation::conversationID)
                .containsExactly("c2c_bob");
        assertThat(manager.cloudPart()).isEmpty();
        // A new message brings bob back to the cloud: a state above the eviction.
        cloud.push(changed(c2c("bob", 2, 50, 8)));
        assertThat(List.of(listener.next(), listener.next())).containsExactly("changed c2c_bob unread=2", "total 2");
        assertThat(manager.cloudPart()).extracting(LocalConversation::conversationID).containsExactly("c2c_bob");
    }

    @Test
    void aResync_keepsWhatTheDeviceHolds_andMarksWhatTheCloudNoLongerListsAsKeptOnTheDevice() throws Exception {
        cloud.answer(new SyncAnswer(List.of(c2c("bob", 1, 10, 5), c2c("carol", 1, 20, 5)), List.of(), "c1", true, false, null));
        start();
        for (int i = 0; i < 4; i++) {
            listener.next();
        }
        cloud.answer(new SyncAnswer(List.of(), List.of(), null, true, true, null)); // the cursor is too old
        cloud.answer(new SyncAnswer(List.of(c2c("carol", 1, 20, 5)), List.of(), "c2", true, false, null));
        manager.cleanConversationUnreadMessageCount("c2c_carol"); // any mutation syncs after it
        assertThat(List.of(listener.next(), listener.next())).containsExactly("changed c2c_bob unread=1 only on device (null)", "total 1");
        assertThat(listener.next()).isEqualTo("synced");
        assertThat(manager.cloudPart()).extracting(LocalConversation::conversationID).containsExactly("c2c_carol");
        assertThat(manager.getConversationList(0, 10).conversationList()).hasSize(2);
        assertThat(store.load().cursor()).isEqualTo("c2");
    }

    @Test
    void conversationGroups_aRenameIsOneCallback() throws Exception {
        cloud.answer(new SyncAnswer(List.of(), List.of(), "c1", true, false, List.of("work", "family")));
        start();
        assertThat(List.of(listener.next(), listener.next(), listener.next()))
                .containsExactly("group created work", "group created family", "synced");
        cloud.push(new LiveFrame(LiveFrame.GROUPS_CHANGED, null, null, List.of("job", "family")));
        assertThat(listener.next()).isEqualTo("group renamed work -> job");
        cloud.push(new LiveFrame(LiveFrame.GROUPS_CHANGED, null, null, List.of("job")));
        assertThat(listener.next()).isEqualTo("group deleted family");
        assertThat(manager.getConversationGroupList()).containsExactly("job");
    }

    @Test
    void aFilteredUnreadCount_isRaisedWhenItMoves_andASyncsCopyBringsTheGroupsAnEventLeftOut() throws Exception {
        var bob = c2c("bob", 1, 10, 5);
        cloud.answer(new SyncAnswer(List.of(bob), List.of(), "c1", true, false, List.of("work")));
        start();
        for (int i = 0; i < 4; i++) {
            listener.next(); // new, total, group created, synced
        }
        ConversationFilter inWork = ConversationFilter.ANY.inGroup("work");
        manager.subscribeUnreadMessageCountByFilter(inWork);
        assertThat(manager.getUnreadMessageCountByFilter(inWork)).isZero();
        // bob is added to "work": the event carries no groups, the sync after it does (same version).
        var moved = new io.convlist.client.wire.Conversation("C2C", "c2c_bob", "bob", null, null, null, null, 1, 0, List.of(), "", null,
                0, 0, bob.lastMessage(), List.of(), null, null, false, 10, 1, 0, 6);
        cloud.push(changed(moved));
        assertThat(listener.next()).isEqualTo("changed c2c_bob unread=1"); // nothing else: still in no group
        cloud.answer(new SyncAnswer(List.of(new io.convlist.client.wire.Conversation("C2C", "c2c_bob", "bob", null, null, "bob name", null, 1,
                0, List.of(), "", List.of("work"), 0, 0, bob.lastMessage(), List.of(), null, null, false, 10, 1, 0, 6)), List.of(), "c2", true,
                false, null));
        manager.addConversationsToGroup("work", List.of("c2c_bob"));
        assertThat(List.of(listener.next(), listener.next())).containsExactly("changed c2c_bob unread=1", "filtered 1");
        assertThat(manager.getConversationListByFilter(inWork, 0, 10).conversationList()).extracting(LocalConversation::conversationID)
                .containsExactly("c2c_bob");
        assertThat(manager.getConversationListByFilter(ConversationFilter.ANY.withType(2), 0, 10).conversationList()).isEmpty();
    }

    @Test
    void deletingAConversationKeptOnlyOnTheDevice_dropsItHere_withoutAskingTheCloud() throws Exception {
        cloud.answer(new SyncAnswer(List.of(c2c("bob", 0, 10, 5)), List.of(), "c1", true, false, null));
        start();
        listener.next();
        listener.next();
        cloud.push(removed("c2c_bob", Removed.EXPIRED, 6));
        assertThat(listener.next()).isEqualTo("changed c2c_bob unread=0 only on device (EXPIRED)");
        manager.deleteConversation("c2c_bob");
        assertThat(listener.next()).isEqualTo("deleted c2c_bob DELETED");
        assertThat(cloud.calls).doesNotContain("deleteConversation");
        assertThat(manager.getConversation("c2c_bob")).isNull();
    }
}
