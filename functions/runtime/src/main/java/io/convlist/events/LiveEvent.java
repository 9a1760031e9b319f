package io.convlist.events;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

import io.convlist.view.Conversation;
import io.convlist.view.LargeGroupActivity;
import io.convlist.view.ListChange;
import io.convlist.view.RemovedConversation;

/**
 * One frame of the live channel, the same on every transport (the functions' WebSocket, AWS IoT
 * Core): what changed in the device's list, as sync would report it, or what a large group it is a
 * member of recorded.
 *
 * @param event                 conversationChanged, conversationRemoved or conversationGroupsChanged
 * @param conversation          conversationChanged: the conversation's new state (showName, faceUrl and
 *                              conversationGroupList null: the device keeps its own)
 * @param removed               conversationRemoved: which, why (DELETED, EVICTED, EXPIRED, LEFT_GROUP) and when
 * @param conversationGroupList conversationGroupsChanged: the user's groups now, for the device to replace its own
 * @param largeGroup            largeGroupActivity: what a large group the user is a member of recorded
 *                              (no member's list is written for it; the device counts it provisionally)
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record LiveEvent(String event, Conversation conversation, RemovedConversation removed, List<String> conversationGroupList,
        LargeGroupActivity largeGroup) {
    public static final String CHANGED = "conversationChanged";
    public static final String REMOVED = "conversationRemoved";
    public static final String GROUPS_CHANGED = "conversationGroupsChanged";
    public static final String LARGE_GROUP_ACTIVITY = "largeGroupActivity";

    public static LiveEvent of(LargeGroupActivity activity) {
        return new LiveEvent(LARGE_GROUP_ACTIVITY, null, null, null, activity);
    }

    public static LiveEvent of(ListChange change) {
        if (change instanceof ListChange.Changed c) {
            return new LiveEvent(CHANGED, c.conversation(), null, null, null);
        }
        if (change instanceof ListChange.Removed r) {
            return new LiveEvent(REMOVED, null, RemovedConversation.of(r.removal()), null, null);
        }
        return new LiveEvent(GROUPS_CHANGED, null, null, ((ListChange.GroupsChanged) change).conversationGroups(), null);
    }
}
