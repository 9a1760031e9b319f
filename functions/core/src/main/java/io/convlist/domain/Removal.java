package io.convlist.domain;

/**
 * What is remembered of a conversation that left the list: why, when, and the last sequence it had.
 * A message at or below that sequence belongs to the conversation's past and never brings it back;
 * a newer one does, and only messages after the removal point count as unread.
 *
 * @param timeMillis when it left (for EXPIRED: when its retention ran out)
 */
public record Removal(ConversationId conversationId, RemovalReason reason, long timeMillis, long lastSeq) {

    /** True if a message with this sequence may bring the conversation back. */
    public boolean admits(long seq) {
        return seq > lastSeq;
    }
}
