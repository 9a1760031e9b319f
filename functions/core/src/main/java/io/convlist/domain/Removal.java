package io.convlist.domain;

/**
 * What is remembered of a conversation that left the list: why, when, and the last sequence it had.
 * A message at or below that sequence belongs to the conversation's past and never brings it back;
 * a newer one does, and only messages after the removal point count as unread.
 *
 * @param timeMillis    when it left (for EXPIRED: when its retention ran out)
 * @param clearMessages the user deleted it asking for its messages to be cleared: the service holds no
 *                      messages, so it tells devices, which clear their local copies
 * @param version       above the version of every state of the conversation it removed (0: not known,
 *                      for a record written where the conversation was not in the list)
 */
public record Removal(ConversationId conversationId, RemovalReason reason, long timeMillis, long lastSeq,
        boolean clearMessages, long version) {

    public Removal(ConversationId conversationId, RemovalReason reason, long timeMillis, long lastSeq) {
        this(conversationId, reason, timeMillis, lastSeq, false, 0);
    }

    public Removal clearingMessages(boolean clear) {
        return new Removal(conversationId, reason, timeMillis, lastSeq, clear, version);
    }

    /** This removal, of the state with {@code removedVersion}: one version above it. */
    public Removal removing(long removedVersion) {
        return new Removal(conversationId, reason, timeMillis, lastSeq, clearMessages, removedVersion + 1);
    }

    /** True if a message with this sequence may bring the conversation back. */
    public boolean admits(long seq) {
        return seq > lastSeq;
    }
}
