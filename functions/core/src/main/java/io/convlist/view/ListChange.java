package io.convlist.view;

import java.util.List;

import io.convlist.domain.Removal;

/**
 * One change of a user's list, as a device that keeps the list must apply it: what sync would report
 * of it, pushed as it happens.
 */
public sealed interface ListChange {
    String appId();

    String userId();

    /**
     * A conversation's new state. Its name, face, group type and conversation-group names are not in
     * the item that changed (sync joins them from other items), so they are null here: the device keeps
     * its own. Its {@code version} orders its states and removals: a device keeps the higher one,
     * whether it came by event or by sync.
     */
    record Changed(String appId, String userId, Conversation conversation) implements ListChange {
    }

    /** A conversation left the list, with its reason (DELETED, EVICTED, EXPIRED, LEFT_GROUP). */
    record Removed(String appId, String userId, Removal removal) implements ListChange {
    }

    /** The user's conversation groups now, by name in creation order. */
    record GroupsChanged(String appId, String userId, List<String> conversationGroups) implements ListChange {
    }
}
