package io.convlist.client;

import java.util.List;

/**
 * Tencent's V2TIMConversationListener, raised as the local list changes (on the library's own thread:
 * an app posts to its UI thread). {@link #onConversationDeleted} also says why, which Tencent's does not;
 * a conversation the cloud evicted or let expire is not deleted from the device: it is changed, and
 * {@link LocalConversation#onlyOnDevice()} says so.
 */
public interface ConversationListener {
    default void onSyncServerStart() {
    }

    default void onSyncServerFinish() {
    }

    default void onSyncServerFailed() {
    }

    default void onNewConversation(List<LocalConversation> conversations) {
    }

    default void onConversationChanged(List<LocalConversation> conversations) {
    }

    /** A conversation left the device's list: the user deleted it (on any device), or left the group. */
    default void onConversationDeleted(List<String> conversationIDs, List<String> reasons) {
    }

    /** Over the conversations in the cloud whose recvOpt is 0, as the service's getTotalUnreadMessageCount counts. */
    default void onTotalUnreadMessageCountChanged(long totalUnreadCount) {
    }

    /** A filter the app subscribed to ({@link ConversationManager#subscribeUnreadMessageCountByFilter}): its unread count moved. */
    default void onUnreadMessageCountChangedByFilter(ConversationFilter filter, long totalUnreadCount) {
    }

    default void onConversationGroupCreated(String groupName) {
    }

    default void onConversationGroupDeleted(String groupName) {
    }

    default void onConversationGroupNameChanged(String oldName, String newName) {
    }
}
