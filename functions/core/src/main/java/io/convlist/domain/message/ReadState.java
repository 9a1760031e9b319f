package io.convlist.domain.message;

import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import io.convlist.domain.GroupAtInfo;

/**
 * A conversation's read position, as the unread rules see it. Unread counts by sequence
 * ({@code unread = lastSeq - readSeq}, less the messages excluded from the unread count), which
 * makes recording a message idempotent and independent of arrival order.
 *
 * @param explicit false while readSeq is only the baseline assumed at creation (just below the
 *                 first message seen), true once a read point was set or the owner sent a message
 * @param atInfo   unread @-mentions: seq to atType
 * @param floorSeq for a conversation brought back after a removal, the last sequence it had then
 *                 (messages up to it never count again); 0 otherwise
 * @param excluded sequences of messages excluded from the unread count that are above the read
 *                 point (or, while it is only the baseline, any: a late message may lower it below them)
 */
public record ReadState(long lastSeq, long readSeq, boolean explicit, Map<Long, Integer> atInfo, long floorSeq,
        Set<Long> excluded) {

    public ReadState(long lastSeq, long readSeq, boolean explicit, Map<Long, Integer> atInfo, long floorSeq) {
        this(lastSeq, readSeq, explicit, atInfo, floorSeq, Set.of());
    }

    /**
     * What a write must set to move the read state; null fields stay as stored.
     *
     * @param atInfo   the whole @-mention map to store, or null to keep it
     * @param addAt    one @-mention to add beside the stored ones (concurrent additions do not
     *                 overwrite each other), or null
     * @param excluded   the whole set of excluded sequences to store (empty: none), or null to keep it
     * @param unreadBase the read point plus the excluded messages above it (a new message's unread
     *                   count is its sequence minus this), or null to keep it
     */
    public record Update(Long readSeq, boolean markExplicit, Long unread, Map<Long, Integer> atInfo, GroupAtInfo addAt,
            Set<Long> excluded, Long unreadBase) {
    }

    public long unread() {
        return unreadAbove(readSeq, excluded);
    }

    /** The read point plus the excluded messages above it: a newer message's unread count is its seq minus this. */
    public long unreadBase() {
        return readSeq + excludedAbove(readSeq, excluded);
    }

    /** This state after an update (none: as it is). */
    public ReadState applied(Optional<Update> update) {
        if (update.isEmpty()) {
            return this;
        }
        Update u = update.get();
        Map<Long, Integer> at = new TreeMap<>(u.atInfo() != null ? u.atInfo() : atInfo);
        if (u.addAt() != null) {
            at.put(u.addAt().seq(), u.addAt().atType());
        }
        return new ReadState(lastSeq, u.readSeq() != null ? u.readSeq() : readSeq, explicit || u.markExplicit(), at, floorSeq,
                u.excluded() != null ? u.excluded() : excluded);
    }

    /**
     * This state after in-order messages up to {@code seq}, of which {@code newExcluded} are excluded
     * from the unread count (those above the read point are kept) and {@code newAtAll} mention
     * everyone (added where no mention of that seq is noted).
     */
    public ReadState advancedTo(long seq, Set<Long> newExcluded, Set<Long> newAtAll) {
        Set<Long> excl = new TreeSet<>(excluded);
        newExcluded.stream().filter(s -> s > readSeq).forEach(excl::add);
        Map<Long, Integer> at = new TreeMap<>(atInfo);
        newAtAll.forEach(s -> at.putIfAbsent(s, GroupAtInfo.AT_ALL));
        return new ReadState(Math.max(lastSeq, seq), readSeq, explicit, at, floorSeq, excl);
    }

    private long unreadAbove(long point, Set<Long> skipped) {
        return Math.max(0, lastSeq - point - excludedAbove(point, skipped));
    }

    private long excludedAbove(long point, Set<Long> skipped) {
        return skipped.stream().filter(s -> s > point && s <= lastSeq).count();
    }

    /**
     * Marks read up to a point: messages after it stay unread and @-mentions up to it are cleared.
     * Nothing to do if the read point is there already (set by the user, not assumed at creation).
     */
    public Optional<Update> readUpTo(long point) {
        // Below a baseline that was only assumed, the point given is what is known read (a late message
        // above it counts, as it would have lowered the baseline); never below the removal point.
        if (explicit && readSeq >= point) {
            return Optional.empty();
        }
        long to = readSeq >= point ? Math.max(point, floorSeq) : point;
        Map<Long, Integer> remaining = new TreeMap<>(atInfo);
        remaining.keySet().removeIf(seq -> seq <= to);
        Set<Long> stillExcluded = new TreeSet<>(excluded);
        stillExcluded.removeIf(seq -> seq <= to);
        return Optional.of(new Update(to, true, unreadAbove(to, stillExcluded), remaining, null, stillExcluded,
                to + excludedAbove(to, stillExcluded)));
    }

    /**
     * A message whose sequence is not above the stored last one: a duplicate or a late arrival.
     * The unread count already covers it, except while readSeq is only the creation baseline: then a
     * late message lowers it (never below the removal point of a conversation that was brought back).
     * A late @-mention that is still unread is added. The sender's read point moves up to its own
     * message. A late message excluded from the unread count is remembered, and uncounted if it was
     * counted (it was above the read point).
     */
    public Optional<Update> lateMessage(long seq, MessageRole role) {
        if (role.sender()) {
            return readUpTo(seq);
        }
        if (!role.keepsUnread() || seq <= floorSeq) {
            return Optional.empty(); // nothing to count, or a message from before the conversation left the list
        }
        if (role.excluded()) {
            return lateExcluded(seq);
        }
        Long lowered = !explicit && seq <= readSeq ? seq - 1 : null;
        long newReadSeq = lowered == null ? readSeq : lowered;
        // A mention already noted for this seq (an @all) takes this one's kind too (@all and @me).
        int noted = atInfo.getOrDefault(seq, 0);
        GroupAtInfo addAt = role.atType() != 0 && seq > newReadSeq && (noted | role.atType()) != noted
                ? new GroupAtInfo(seq, noted | role.atType()) : null;
        if (lowered == null && addAt == null) {
            return Optional.empty();
        }
        return Optional.of(new Update(lowered, false, lowered == null ? null : unreadAbove(lowered, excluded), null, addAt,
                null, lowered == null ? null : lowered + excludedAbove(lowered, excluded)));
    }

    private Optional<Update> lateExcluded(long seq) {
        if (excluded.contains(seq) || (explicit && seq <= readSeq)) {
            return Optional.empty(); // a replay, or read already
        }
        Set<Long> more = new TreeSet<>(excluded);
        more.add(seq);
        return Optional.of(new Update(null, false, unreadAbove(readSeq, more), null, null, more,
                readSeq + excludedAbove(readSeq, more)));
    }
}
