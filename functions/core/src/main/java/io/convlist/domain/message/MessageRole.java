package io.convlist.domain.message;

import io.convlist.domain.ConversationType;

/**
 * What one message means for one list: the sender's own list (its read point moves up to the
 * message) or a recipient's (unread counts, except in live groups, and @-mentions of that user).
 *
 * @param excluded a recipient's message excluded from the unread count: it counts nothing and
 *                 mentions no one, in a conversation that otherwise counts
 */
public record MessageRole(boolean sender, boolean keepsUnread, int atType, boolean excluded) {

    public static final MessageRole SENDER = new MessageRole(true, false, 0, false);

    public static MessageRole recipientOf(MessageEvent m, String recipient) {
        boolean keepsUnread = m.type() == ConversationType.C2C || m.groupType().keepsUnreadCount();
        boolean excluded = keepsUnread && m.excludedFromUnreadCount();
        int atType = keepsUnread && !excluded && m.type() == ConversationType.GROUP ? m.atTypeFor(recipient) : 0;
        return new MessageRole(false, keepsUnread, atType, excluded);
    }

    /**
     * The read point of a conversation this message creates: a recipient's starts just below the
     * first message seen (a late earlier message lowers it, see {@link ReadState#lateMessage}).
     */
    public long initialReadSeq(long seq) {
        return keepsUnread ? seq - 1 : seq;
    }

    /** The same role without the exclusion (for a message that is read already, there is nothing to exclude). */
    public MessageRole counted() {
        return new MessageRole(sender, keepsUnread, atType, false);
    }

    public long initialUnread() {
        return keepsUnread && !excluded ? 1 : 0;
    }
}
