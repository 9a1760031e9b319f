package io.convlist.view;

import java.util.List;

import io.convlist.domain.LastMessage;

/**
 * What a large group's record gained ({@code GroupMode.MEMBERS}: its messages write no member's list,
 * so members' devices hear of them from this): the messages above {@code previousLastSeq} up to
 * {@code lastSeq}, which of them are excluded from unread counts or mention everyone (late ones
 * included), and the message the group shows last. It is a fact about the group, not a state of any
 * member's conversation: it carries no version, and a device counts it provisionally until its
 * conversation's next state (event, sync or read) replaces the count (docs/live.md).
 *
 * @param lastMessage the group's last message that may be shown (null if none)
 */
public record LargeGroupActivity(String appId, String groupID, long previousLastSeq, long lastSeq, LastMessage lastMessage,
        List<Long> excludedSeqs, List<Long> atAllSeqs) {
}
