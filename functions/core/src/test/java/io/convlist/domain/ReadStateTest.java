package io.convlist.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import io.convlist.domain.message.MessageEvent;
import io.convlist.domain.message.MessageRole;
import io.convlist.domain.message.ReadState;
import org.junit.jupiter.api.Test;

/** The unread rules without a backend: read points, late and duplicate messages, the sender's own messages. */
class ReadStateTest {
    static final MessageRole RECIPIENT = new MessageRole(false, true, 0, false);
    static final MessageRole LIVE_GROUP_MEMBER = new MessageRole(false, false, 0, false);

    static ReadState state(long lastSeq, long readSeq, boolean explicit, Map<Long, Integer> at) {
        return new ReadState(lastSeq, readSeq, explicit, new TreeMap<>(at), 0);
    }

    @Test
    void readUpTo_beforeTheLastMessage_leavesTheRestUnread_andClearsMentionsUpToThePoint() {
        ReadState.Update u = state(10, 2, true, Map.of(3L, 1, 8L, 2)).readUpTo(5).orElseThrow();
        assertThat(u.readSeq()).isEqualTo(5);
        assertThat(u.unread()).isEqualTo(5);
        assertThat(u.markExplicit()).isTrue();
        assertThat(u.atInfo()).containsExactly(Map.entry(8L, 2));
    }

    @Test
    void readUpTo_aPointAlreadyRead_changesNothing() {
        assertThat(state(10, 7, true, Map.of()).readUpTo(7)).isEmpty();
        assertThat(state(10, 7, true, Map.of()).readUpTo(3)).isEmpty();
    }

    @Test
    void lateMessage_belowTheCreationBaseline_lowersIt_soItCountsAsUnread() {
        // Created by seq 5 (baseline read point 4); seq 3 arrives late: 3, 4 and 5 are unread.
        ReadState.Update u = state(5, 4, false, Map.of()).lateMessage(3, RECIPIENT).orElseThrow();
        assertThat(u.readSeq()).isEqualTo(2);
        assertThat(u.unread()).isEqualTo(3);
        assertThat(u.markExplicit()).isFalse();
    }

    @Test
    void lateMessage_belowAnExplicitReadPoint_orADuplicate_changesNothing() {
        assertThat(state(5, 4, true, Map.of()).lateMessage(3, RECIPIENT)).isEmpty();
        assertThat(state(5, 4, false, Map.of()).lateMessage(5, RECIPIENT)).isEmpty();
    }

    @Test
    void lateMention_stillUnread_isAdded_once() {
        MessageRole mentioned = new MessageRole(false, true, GroupAtInfo.AT_ME, false);
        ReadState.Update u = state(9, 2, true, Map.of()).lateMessage(6, mentioned).orElseThrow();
        assertThat(u.addAt()).isEqualTo(new GroupAtInfo(6, GroupAtInfo.AT_ME));
        assertThat(u.readSeq()).isNull();
        assertThat(state(9, 2, true, Map.of(6L, 1)).lateMessage(6, mentioned)).isEmpty();
        assertThat(state(9, 7, true, Map.of()).lateMessage(6, mentioned)).as("already read").isEmpty();
    }

    @Test
    void sendersLateMessage_movesItsReadPointUpToIt() {
        ReadState.Update u = state(9, 2, true, Map.of(4L, 1)).lateMessage(6, MessageRole.SENDER).orElseThrow();
        assertThat(u.readSeq()).isEqualTo(6);
        assertThat(u.unread()).isEqualTo(3);
        assertThat(u.atInfo()).isEmpty();
    }

    @Test
    void broughtBackConversation_ignoresMessagesFromBeforeItsRemoval() {
        // Removed at seq 7, brought back by seq 10 (baseline read point 9): seq 6 is from before the removal.
        ReadState back = new ReadState(10, 9, false, new TreeMap<>(), 7);
        assertThat(back.lateMessage(6, RECIPIENT)).isEmpty();
        assertThat(back.lateMessage(7, RECIPIENT)).isEmpty();
        // Seq 8 came after the removal: it counts, and the read point goes just below it.
        ReadState.Update u = back.lateMessage(8, RECIPIENT).orElseThrow();
        assertThat(u.readSeq()).isEqualTo(7);
        assertThat(u.unread()).isEqualTo(3);
    }

    @Test
    void removal_admitsOnlyMessagesAfterItsPoint() {
        Removal r = new Removal(ConversationId.c2c("bob"), RemovalReason.DELETED, 1, 7);
        assertThat(r.admits(7)).isFalse();
        assertThat(r.admits(8)).isTrue();
    }

    @Test
    void liveGroups_keepNoUnread_soALateMessageChangesNothing() {
        assertThat(state(9, 9, false, Map.of()).lateMessage(3, LIVE_GROUP_MEMBER)).isEmpty();
    }

    @Test
    void messageRole_recipientOfALiveGroup_countsNothing_recipientOfAWorkGroup_countsAndIsMentioned() {
        MessageEvent live = new MessageEvent(ConversationType.GROUP, "m", 4, 1, "carol", null, "g", GroupType.AVChatRoom,
                List.of("bob"), "", Set.of("bob"), false);
        MessageEvent work = new MessageEvent(ConversationType.GROUP, "m", 4, 1, "carol", null, "g", GroupType.Work,
                List.of("bob"), "", Set.of("bob"), true);
        assertThat(MessageRole.recipientOf(live, "bob")).isEqualTo(new MessageRole(false, false, 0, false));
        assertThat(MessageRole.recipientOf(work, "bob")).isEqualTo(new MessageRole(false, true, GroupAtInfo.AT_ALL_AT_ME, false));
        assertThat(MessageRole.recipientOf(work, "bob").initialReadSeq(4)).isEqualTo(3);
        assertThat(MessageRole.SENDER.initialReadSeq(4)).isEqualTo(4);
        assertThat(MessageRole.SENDER.initialUnread()).isZero();
        assertThat(MessageRole.recipientOf(work, "bob").initialUnread()).isEqualTo(1);
    }

    static final MessageRole EXCLUDED = new MessageRole(false, true, 0, true);

    static ReadState withExcluded(long lastSeq, long readSeq, boolean explicit, Long... excluded) {
        return new ReadState(lastSeq, readSeq, explicit, new TreeMap<>(), 0, Set.of(excluded));
    }

    @Test
    void lateExcludedMessage_aboveTheReadPoint_isUncounted_once() {
        ReadState s = withExcluded(10, 4, true, 9L);
        assertThat(s.unread()).isEqualTo(5);
        ReadState.Update u = s.lateMessage(6, EXCLUDED).orElseThrow();
        assertThat(u.unread()).isEqualTo(4);
        assertThat(u.excluded()).containsExactly(6L, 9L);
        assertThat(u.unreadBase()).isEqualTo(4 + 2);
        assertThat(withExcluded(10, 4, true, 6L, 9L).lateMessage(6, EXCLUDED)).isEmpty(); // a replay
        assertThat(s.lateMessage(3, EXCLUDED)).isEmpty(); // read already
    }

    @Test
    void readUpTo_dropsExcludedAtOrBelowThePoint_andCountsOnlyThoseAbove() {
        ReadState.Update u = withExcluded(10, 2, true, 3L, 8L).readUpTo(5).orElseThrow();
        assertThat(u.excluded()).containsExactly(8L);
        assertThat(u.unread()).isEqualTo(4); // 6, 7, 9, 10
        assertThat(u.unreadBase()).isEqualTo(6);
    }

    @Test
    void readUpTo_belowAnAssumedBaseline_setsThePoint_soALateMessageAboveItCounts() {
        // Created by message 10 (baseline 9, not explicit); the user says it read up to 4.
        ReadState.Update u = withExcluded(10, 9, false).readUpTo(4).orElseThrow();
        assertThat(u.readSeq()).isEqualTo(4);
        assertThat(u.markExplicit()).isTrue();
        assertThat(u.unread()).isEqualTo(6);
        // An explicit point is never moved down.
        assertThat(withExcluded(10, 9, true).readUpTo(4)).isEmpty();
    }

    @Test
    void loweringTheBaseline_keepsExcludedMessagesUncounted() {
        // Created by excluded message 10 (baseline 9); excluded 7 arrived late (remembered below the baseline).
        ReadState s = withExcluded(10, 9, false, 7L, 10L);
        assertThat(s.unread()).isZero();
        ReadState.Update u = s.lateMessage(5, RECIPIENT).orElseThrow();
        assertThat(u.readSeq()).isEqualTo(4);
        assertThat(u.unread()).isEqualTo(4); // 5, 6, 8, 9
        assertThat(u.unreadBase()).isEqualTo(6);
    }
}
