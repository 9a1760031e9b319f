package io.convlist.domain;

/**
 * What one message means for one list: the sender's own list (its read point moves up to the
 * message) or a recipient's (unread counts, except in live groups, and @-mentions of that user).
 */
public record MessageRole(boolean sender, boolean keepsUnread, int atType) {

    public static final MessageRole SENDER = new MessageRole(true, false, 0);

    public static MessageRole recipientOf(MessageEvent m, String recipient) {
        boolean keepsUnread = m.type() == ConversationType.C2C || m.groupType().keepsUnreadCount();
        int atType = keepsUnread && m.type() == ConversationType.GROUP ? m.atTypeFor(recipient) : 0;
        return new MessageRole(false, keepsUnread, atType);
    }

    /**
     * The read point of a conversation this message creates: a recipient's starts just below the
     * first message seen (a late earlier message lowers it, see {@link ReadState#lateMessage}).
     */
    public long initialReadSeq(long seq) {
        return keepsUnread ? seq - 1 : seq;
    }

    public long initialUnread() {
        return keepsUnread ? 1 : 0;
    }
}
