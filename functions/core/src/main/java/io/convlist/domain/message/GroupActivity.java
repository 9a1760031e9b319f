package io.convlist.domain.message;

import java.util.Set;
import java.util.stream.Collectors;

import io.convlist.domain.GroupMode;
import io.convlist.domain.GroupType;
import io.convlist.domain.LastMessage;

/**
 * What a group's messages left on the group's own record: the highest seq and when it was recorded,
 * the last message that may be shown, and the messages a member's row must see one by one (excluded
 * from unread counts, or @all). Recorded for every group message in either {@link GroupMode}.
 *
 * @param groupType   the type the group's messages and joins carry (null before any)
 * @param lastTime    the timestamp of the message with the highest seq
 * @param lastMessage the last message that may be shown (null if none yet); its seq may be below lastSeq
 * @param recordedAt  server time (ms) the highest seq was recorded, 0 if never
 * @param excluded    seqs excluded from unread counts
 * @param atAll       seqs of messages that mention everyone
 * @param silentFrom  server time the group's last silence longer than the retention began (0: since the
 *                    group began, if its first message ended the last such silence)
 * @param silentSeq   the group's last seq when that silence began
 * @param activeSince server time the first message after that silence was recorded (or the group's first message)
 */
public record GroupActivity(String groupId, GroupType groupType, GroupMode mode, long memberCount, long lastSeq, long lastTime,
        LastMessage lastMessage, long recordedAt, Set<Long> excluded, Set<Long> atAll,
        long silentFrom, long silentSeq, long activeSince) {

    public static GroupActivity none(String groupId) {
        return new GroupActivity(groupId, null, GroupMode.RECIPIENTS, 0, 0, 0, null, 0, Set.of(), Set.of(), 0, 0, 0);
    }

    /**
     * The record as it was before the message {@code seq} (as far as a member's row needs it): what
     * a list that is about to take that message itself must see first.
     */
    public GroupActivity below(long seq) {
        if (lastSeq < seq) {
            return this;
        }
        LastMessage shown = lastMessage != null && lastMessage.seq() < seq ? lastMessage : null;
        return new GroupActivity(groupId, groupType, mode, memberCount, seq - 1, lastTime, shown, recordedAt, excluded, atAll,
                silentFrom, silentSeq, activeSince);
    }

    /**
     * The record as a member's list would have seen it just before the message {@code seq} arrived:
     * a message above every other is taken as {@link #below}; a late one leaves the later messages
     * (recipients mode applied them as they came) and takes out only its own flags, which the message
     * itself then applies.
     */
    public GroupActivity before(long seq) {
        if (lastSeq <= seq) {
            return below(seq);
        }
        return new GroupActivity(groupId, groupType, mode, memberCount, lastSeq, lastTime, lastMessage, recordedAt, without(excluded, seq),
                without(atAll, seq), silentFrom, silentSeq, activeSince);
    }

    private static Set<Long> without(Set<Long> seqs, long seq) {
        return seqs.stream().filter(s -> s != seq).collect(Collectors.toUnmodifiableSet());
    }

    public boolean large() {
        return mode == GroupMode.MEMBERS;
    }
}
