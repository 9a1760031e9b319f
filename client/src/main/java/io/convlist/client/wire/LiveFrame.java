package io.convlist.client.wire;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/** One frame of the live channel: a conversation's new state, a removal, or the user's conversation groups. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record LiveFrame(String event, Conversation conversation, Removed removed, List<String> conversationGroupList) {
    public static final String CHANGED = "conversationChanged";
    public static final String REMOVED = "conversationRemoved";
    public static final String GROUPS_CHANGED = "conversationGroupsChanged";
}
