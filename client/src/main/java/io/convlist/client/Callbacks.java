package io.convlist.client;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Turns what one application of the cloud changed (a sync answer, an event) into the listener's
 * callbacks, in Tencent's order: new conversations, changed ones, deleted ones, then the total unread
 * count if it moved, then the conversation groups.
 */
final class Callbacks {
    private Callbacks() {
    }

    static void raise(ConversationListener listener, List<LocalList.Transition> transitions, long totalBefore, long totalAfter) {
        List<LocalConversation> added = new ArrayList<>();
        List<LocalConversation> changed = new ArrayList<>();
        List<String> deleted = new ArrayList<>();
        List<String> reasons = new ArrayList<>();
        for (LocalList.Transition t : transitions) {
            boolean wasShown = t.before() != null && t.before().shown();
            boolean isShown = t.after().shown();
            if (!wasShown && isShown) {
                added.add(t.after());
            } else if (wasShown && isShown && !sameForTheUser(t.before(), t.after())) {
                changed.add(t.after());
            } else if (wasShown && !isShown) {
                deleted.add(t.after().conversationID());
                reasons.add(t.after().leftBecause());
            }
        }
        if (!added.isEmpty()) {
            listener.onNewConversation(added);
        }
        if (!changed.isEmpty()) {
            listener.onConversationChanged(changed);
        }
        if (!deleted.isEmpty()) {
            listener.onConversationDeleted(deleted, reasons);
        }
        if (totalBefore != totalAfter) {
            listener.onTotalUnreadMessageCountChanged(totalAfter);
        }
    }

    /** The user sees no difference (a resync's bookkeeping only). */
    private static boolean sameForTheUser(LocalConversation a, LocalConversation b) {
        return Objects.equals(a.state(), b.state()) && a.where() == b.where() && Objects.equals(a.leftBecause(), b.leftBecause());
    }

    /**
     * The conversation groups, before and after: one renamed (one name gone and one new in its place),
     * or created and deleted ones.
     */
    static void raiseGroups(ConversationListener listener, List<String> before, List<String> after) {
        List<String> gone = before.stream().filter(g -> !after.contains(g)).toList();
        List<String> added = after.stream().filter(g -> !before.contains(g)).toList();
        if (gone.size() == 1 && added.size() == 1 && before.indexOf(gone.get(0)) == after.indexOf(added.get(0))) {
            listener.onConversationGroupNameChanged(gone.get(0), added.get(0));
            return;
        }
        gone.forEach(listener::onConversationGroupDeleted);
        added.forEach(listener::onConversationGroupCreated);
    }
}
