package io.convlist.api;

import java.util.List;

import io.convlist.domain.Conversation;

/** The functions' outputs. */
public final class Responses {
    private Responses() {
    }

    public record ConversationList(List<Conversation> conversationList, long nextSeq, boolean isFinished) {
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
