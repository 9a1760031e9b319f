package io.convlist.domain;

import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * A conversation's read position, as the unread rules see it. Unread counts by sequence
 * ({@code unread = lastSeq - readSeq}), which makes recording a message idempotent and independent
 * of arrival order.
 *
 * @param explicit false while readSeq is only the baseline assumed at creation (just below the
 *                 first message seen), true once a read point was set or the owner sent a message
 * @param atInfo   unread @-mentions: seq to atType
 * @param floorSeq for a conversation brought back after a removal, the last sequence it had then
 *                 (messages up to it never count again); 0 otherwise
 */
public record ReadState(long lastSeq, long readSeq, boolean explicit, Map<Long, Integer> atInfo, long floorSeq) {

    /**
     * What a write must set to move the read state; null fields stay as stored.
     *
     * @param atInfo the whole @-mention map to store, or null to keep it
     * @param addAt  one @-mention to add beside the stored ones (concurrent additions do not
     *               overwrite each other), or null
     */
    public record Update(Long readSeq, boolean markExplicit, Long unread, Map<Long, Integer> atInfo, GroupAtInfo addAt) {
    }

    public long unread() {
        return Math.max(0, lastSeq - readSeq);
    }

    /**
     * Marks read up to a point: messages after it stay unread and @-mentions up to it are cleared.
     * Nothing to do if the read point is there already.
     */
    public Optional<Update> readUpTo(long point) {
        if (readSeq >= point) {
            return Optional.empty();
        }
        Map<Long, Integer> remaining = new TreeMap<>(atInfo);
        remaining.keySet().removeIf(seq -> seq <= point);
        return Optional.of(new Update(point, true, Math.max(0, lastSeq - point), remaining, null));
    }

    /**
     * A message whose sequence is not above the stored last one: a duplicate or a late arrival.
     * The unread count already covers it, except while readSeq is only the creation baseline: then a
     * late message lowers it (never below the removal point of a conversation that was brought back).
     * A late @-mention that is still unread is added. The sender's read point moves up to its own message.
     */
    public Optional<Update> lateMessage(long seq, MessageRole role) {
        if (role.sender()) {
            return readUpTo(seq);
        }
        if (!role.keepsUnread() || seq <= floorSeq) {
            return Optional.empty(); // nothing to count, or a message from before the conversation left the list
        }
        Long lowered = !explicit && seq <= readSeq ? seq - 1 : null;
        long newReadSeq = lowered == null ? readSeq : lowered;
        GroupAtInfo addAt = role.atType() != 0 && seq > newReadSeq && !atInfo.containsKey(seq)
                ? new GroupAtInfo(seq, role.atType()) : null;
        if (lowered == null && addAt == null) {
            return Optional.empty();
        }
        return Optional.of(new Update(lowered, false, lowered == null ? null : lastSeq - lowered, null, addAt));
    }
}
