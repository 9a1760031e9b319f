package io.convlist.api;

import java.util.List;

import io.convlist.domain.Conversation;

/** The functions' outputs. */
public final class Responses {
    private Responses() {
    }

    /** @param cursor on the first page only: the sync cursor that catches what changes while the device pages */
    public record ConversationList(List<Conversation> conversationList, long nextSeq, boolean isFinished, String cursor) {
    }

    public record Removed(String conversationID, String reason, long time) {
    }

    /** @param cursor null when resyncRequired: the device starts over with a null cursor */
    public record SyncResult(List<Conversation> changed, List<Removed> removed, String cursor, boolean isFinished,
            boolean resyncRequired) {
    }

    public record C2CReceiveOpt(String userID, int opt) {
    }

    public record GroupReceiveOpt(String groupID, int opt) {
    }

    public record C2CReceiveOpts(List<C2CReceiveOpt> optList) {
    }

    public record GroupReceiveOpts(List<GroupReceiveOpt> optList) {
    }

    public record Conversations(List<Conversation> conversationList) {
    }

    public record TotalUnread(long totalUnreadCount) {
    }

    public record ReceiveOptResult(List<String> notFoundConversationIDList) {
    }

    /** An empty JSON object for functions that only change state. */
    public record Done() {
    }
}
