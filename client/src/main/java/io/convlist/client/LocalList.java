package io.convlist.client;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.convlist.client.wire.Conversation;
import io.convlist.client.wire.Removed;

/**
 * The device's list in memory and the one rule that merges the cloud into it: of everything seen of a
 * conversation, by event or by sync, the highest version stands (a state, or a removal). Each
 * application returns the entries it changed, before and after, for the store and the callbacks. Not
 * thread-safe: the sync engine applies everything on its one thread.
 */
final class LocalList {
    /** Pinned first, then the cloud's order (orderKey, highest first), as the service lists. */
    static final Comparator<LocalConversation> ORDER = Comparator
            .comparing((LocalConversation c) -> !c.state().isPinned())
            .thenComparing(c -> -c.state().orderKey())
            .thenComparing(LocalConversation::conversationID);

    /** One entry before and after a change (before null: new to the device). */
    record Transition(LocalConversation before, LocalConversation after) {
    }

    private final Map<String, LocalConversation> entries = new HashMap<>();
    private List<String> conversationGroups = List.of();

    LocalList(Map<String, LocalConversation> loaded, List<String> groups) {
        entries.putAll(loaded);
        conversationGroups = List.copyOf(groups);
    }

    /** A conversation's state from the cloud: taken if it is newer than all the device has seen of it. */
    Transition upsert(Conversation state) {
        LocalConversation before = entries.get(state.conversationID());
        if (before != null && before.version() > state.version()) {
            return null;
        }
        if (before != null && before.version() == state.version()) {
            // The same state again. A sync answer's copy carries the joined fields (names, conversation
            // groups) that an event's copy left to the device: take them, they are the newer.
            boolean sameState = before.state() != null && before.where() == LocalConversation.Where.IN_CLOUD;
            if (!sameState) {
                return null;
            }
            Conversation joined = before.state().withJoinedFieldsOf(state);
            return joined.equals(before.state()) && !before.unconfirmed() ? null : put(before, LocalConversation.inCloud(joined));
        }
        Conversation named = state.withNamesOf(before == null ? null : before.state());
        return put(before, LocalConversation.inCloud(named));
    }

    /** A removal from the cloud: taken if it is newer than all the device has seen of the conversation. */
    Transition remove(Removed removal) {
        LocalConversation before = entries.get(removal.conversationID());
        if (before != null && before.version() >= removal.version() && removal.version() != 0) {
            return null;
        }
        LocalConversation marker = before != null ? before
                : new LocalConversation(removal.conversationID(), null, 0, LocalConversation.Where.GONE, null, 0, false);
        if (before != null && before.where() != LocalConversation.Where.IN_CLOUD && removal.version() == 0) {
            return null; // a removal of unknown version (a group left that the list did not hold) of what is not in the cloud
        }
        return put(before, marker.removedBy(removal));
    }

    /** Deleted by the user on this device: gone, at the version seen (the cloud's removal, if any, is at or above it). */
    Transition deletedHere(String conversationID) {
        LocalConversation before = entries.get(conversationID);
        if (before == null || !before.shown()) {
            return null;
        }
        return put(before, new LocalConversation(conversationID, before.state(), before.version(), LocalConversation.Where.GONE,
                Removed.DELETED, 0, false));
    }

    /** A resync starts: every conversation in the cloud waits to be listed again. */
    List<Transition> startResync() {
        List<Transition> changed = new ArrayList<>();
        for (LocalConversation c : List.copyOf(entries.values())) {
            if (c.where() == LocalConversation.Where.IN_CLOUD) {
                changed.add(put(c, c.unconfirmed(true)));
            }
        }
        return changed;
    }

    /** A resync ended: what it did not list is no longer in the cloud; the device keeps it. */
    List<Transition> finishResync() {
        List<Transition> changed = new ArrayList<>();
        for (LocalConversation c : List.copyOf(entries.values())) {
            if (c.unconfirmed()) {
                changed.add(put(c, c.notListed()));
            }
        }
        return changed;
    }

    private Transition put(LocalConversation before, LocalConversation after) {
        entries.put(after.conversationID(), after);
        return new Transition(before, after);
    }

    void setConversationGroups(List<String> groups) {
        conversationGroups = List.copyOf(groups);
    }

    List<String> conversationGroups() {
        return conversationGroups;
    }

    /** The entry as kept, markers of what left included (for diagnostics). */
    LocalConversation entry(String conversationID) {
        return entries.get(conversationID);
    }

    LocalConversation get(String conversationID) {
        LocalConversation c = entries.get(conversationID);
        return c != null && c.shown() ? c : null;
    }

    /** The shown conversations, in the list's order. */
    List<LocalConversation> ordered() {
        return entries.values().stream().filter(LocalConversation::shown).sorted(ORDER).toList();
    }

    /** The conversations in the cloud, as the service holds them (for tests and the demo). */
    List<LocalConversation> inCloud() {
        return entries.values().stream().filter(c -> c.shown() && c.where() == LocalConversation.Where.IN_CLOUD).sorted(ORDER).toList();
    }

    /** The total unread count as the service counts it: conversations in the cloud whose recvOpt is 0. */
    long totalUnread() {
        return unreadMatching(ConversationFilter.ANY);
    }

    /** The unread count of the conversations in the cloud that match, whose recvOpt is 0 (as getUnreadMessageCountByFilter counts). */
    long unreadMatching(ConversationFilter filter) {
        return entries.values().stream().filter(c -> c.shown() && c.where() == LocalConversation.Where.IN_CLOUD && c.state().recvOpt() == 0)
                .filter(filter::matches).mapToLong(c -> c.state().unreadCount()).sum();
    }

    /** The shown conversations that match, in the list's order. */
    List<LocalConversation> matching(ConversationFilter filter) {
        return ordered().stream().filter(filter::matches).toList();
    }
}
