package io.convlist.domain;

/** The outcome for one conversation of a call that names several: {@code error} null on success. */
public record ItemOutcome(ConversationId conversationId, ErrorCode error) {

    public static ItemOutcome ok(ConversationId id) {
        return new ItemOutcome(id, null);
    }
}
