package io.convlist.domain.message;

import java.util.Set;
import java.util.TreeSet;

import io.convlist.domain.GroupAtInfo;

/**
 * How a member's conversation of a large group ({@link GroupMode#MEMBERS}) is brought up to date
 * from the group's record: the messages above the row's last seq, applied as they would have been
 * one by one in recipients mode, and the conversation's life judged by the same rule (it lives while
 * something touched it within the retention: its owner, or a group message).
 */
public final class GroupCatchUp {
    private GroupCatchUp() {
    }

    /** What the planner needs of a member's stored conversation. */
    public record Row(ReadState read, long lastChange) {
        long lastSeq() {
            return read.lastSeq();
        }
    }

    /** What to do. */
    public sealed interface Step permits Nothing, Update, Create {
    }

    /** The row is up to date, or it expired with nothing after (reads hide it, as TTL will). */
    public record Nothing() implements Step {
    }

    /**
     * The row's read state after the group's messages it has not seen (those above its last seq, and
     * flagged ones that arrived late, below it), as of the group's last record.
     *
     * @param showLast the group's last message becomes the conversation's (it is above the row's)
     */
    public record Update(ReadState read, boolean showLast) implements Step {
    }

    /**
     * The conversation is created (or, replacing an expired row, restarted in its slot) with the
     * group's messages above {@code floorSeq}: they all count, as they would once delivered.
     */
    public record Create(long floorSeq, Set<Long> excluded, Set<Long> atAll, boolean restart) implements Step {
    }

    /**
     * @param row          the member's stored conversation, or null if there is none
     * @param removalSeq   the seq of the member's removal record for the group, or null if none
     * @param keepsUnread  the group's type counts unread messages
     */
    public static Step plan(Row row, Long removalSeq, GroupActivity g, boolean keepsUnread, long nowMillis, long retentionMillis) {
        if (row == null) {
            // No row and no record: TTL deleted a row whose group is still active, and the TTL consumer
            // puts it back; or a join that has not finished. Either way nothing is created here.
            return removalSeq == null || !shownAbove(g, removalSeq) ? new Nothing() : create(removalSeq, g, keepsUnread, false);
        }
        long touched = row.lastChange();
        if (row.lastSeq() < g.lastSeq() && g.activeSince() > touched
                && g.activeSince() - Math.max(g.silentFrom(), touched) > retentionMillis) {
            // It expired in the group's last long silence; the first message after it restarted it.
            long floor = g.silentFrom() >= touched ? Math.max(row.lastSeq(), g.silentSeq()) : row.lastSeq();
            return shownAbove(g, floor) ? create(floor, g, keepsUnread, true) : new Nothing();
        }
        if (Math.max(touched, g.recordedAt()) + retentionMillis <= nowMillis) {
            return new Nothing(); // expired since the group's last message
        }
        ReadState read = row.read();
        if (keepsUnread) {
            // Flagged messages below the row's last seq that the group recorded after the row passed them
            // (late arrivals): each as a late message would have been applied; the rules skip what they saw.
            for (long seq : between(g.excluded(), 0, row.lastSeq())) {
                read = read.applied(read.lateMessage(seq, new MessageRole(false, true, 0, true)));
            }
            for (long seq : between(g.atAll(), 0, row.lastSeq())) {
                if (!g.excluded().contains(seq)) {
                    read = read.applied(read.lateMessage(seq, new MessageRole(false, true, GroupAtInfo.AT_ALL, false)));
                }
            }
            Set<Long> excluded = between(g.excluded(), row.lastSeq(), g.lastSeq());
            Set<Long> atAll = between(g.atAll(), row.lastSeq(), g.lastSeq());
            atAll.removeAll(excluded);
            read = read.advancedTo(g.lastSeq(), excluded, atAll);
        } else {
            read = read.advancedTo(g.lastSeq(), Set.of(), Set.of());
        }
        boolean showLast = g.lastMessage() != null && g.lastMessage().seq() > row.lastSeq();
        return read.equals(row.read()) && !showLast ? new Nothing() : new Update(read, showLast);
    }

    /** A message that may be shown came after this seq: only such a message creates a conversation. */
    private static boolean shownAbove(GroupActivity g, long seq) {
        return g.lastMessage() != null && g.lastMessage().seq() > seq;
    }

    private static Create create(long floor, GroupActivity g, boolean keepsUnread, boolean restart) {
        Set<Long> excluded = keepsUnread ? between(g.excluded(), floor, g.lastSeq()) : Set.of();
        Set<Long> atAll = keepsUnread ? between(g.atAll(), floor, g.lastSeq()) : new TreeSet<>();
        atAll.removeAll(excluded);
        return new Create(floor, excluded, atAll, restart);
    }

    private static Set<Long> between(Set<Long> seqs, long above, long atMost) {
        Set<Long> out = new TreeSet<>();
        seqs.stream().filter(s -> s > above && s <= atMost).forEach(out::add);
        return out;
    }
}
