package io.convlist.client;

import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/** Every callback as a line ("new c2c_bob", "total 3", ...), in order, to wait for and compare. */
final class RecordingListener implements ConversationListener {
    final BlockingQueue<String> heard = new LinkedBlockingQueue<>();

    @Override
    public void onSyncServerFinish() {
        heard.add("synced");
    }

    @Override
    public void onSyncServerFailed() {
        heard.add("sync failed");
    }

    @Override
    public void onNewConversation(List<LocalConversation> conversations) {
        conversations.forEach(c -> heard.add("new " + c.conversationID() + " unread=" + c.state().unreadCount()));
    }

    @Override
    public void onConversationChanged(List<LocalConversation> conversations) {
        conversations.forEach(c -> heard.add("changed " + c.conversationID() + " unread=" + c.state().unreadCount()
                + (c.onlyOnDevice() ? " only on device (" + c.leftBecause() + ")" : "")));
    }

    @Override
    public void onConversationDeleted(List<String> conversationIDs, List<String> reasons) {
        for (int i = 0; i < conversationIDs.size(); i++) {
            heard.add("deleted " + conversationIDs.get(i) + " " + reasons.get(i));
        }
    }

    @Override
    public void onTotalUnreadMessageCountChanged(long totalUnreadCount) {
        heard.add("total " + totalUnreadCount);
    }

    @Override
    public void onUnreadMessageCountChangedByFilter(ConversationFilter filter, long totalUnreadCount) {
        heard.add("filtered " + totalUnreadCount);
    }

    @Override
    public void onConversationGroupCreated(String groupName) {
        heard.add("group created " + groupName);
    }

    @Override
    public void onConversationGroupDeleted(String groupName) {
        heard.add("group deleted " + groupName);
    }

    @Override
    public void onConversationGroupNameChanged(String oldName, String newName) {
        heard.add("group renamed " + oldName + " -> " + newName);
    }

    /** The next line, or an AssertionError after 5 s. */
    String next() throws InterruptedException {
        String line = heard.poll(5, TimeUnit.SECONDS);
        if (line == null) {
            throw new AssertionError("no callback within 5 s");
        }
        return line;
    }
}
