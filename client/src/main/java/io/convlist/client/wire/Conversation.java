package io.convlist.client.wire;

import java.math.BigInteger;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * A conversation as the service sends it (Tencent's V2TIMConversation field names). In a live event
 * showName, faceUrl, groupType and conversationGroupList are null: the device keeps its own
 * ({@link #withNamesOf}). {@code version} orders the conversation's states and removals.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record Conversation(String type, String conversationID, String userID, String groupID, String groupType, String showName,
        String faceUrl, long unreadCount, int recvOpt, List<BigInteger> markList, String customData,
        List<String> conversationGroupList, long c2cReadTimestamp, long groupReadSequence, LastMessage lastMessage,
        List<GroupAtInfo> groupAtInfoList, String draftText, Long draftTimestamp, boolean isPinned, long orderKey,
        long lastChangeTime, long expireTime, long version) {

    /** A message's summary as the list shows it. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record LastMessage(String msgID, long seq, String senderID, String summary, long timestamp, boolean isRecalled) {
    }

    /** An @-mention not yet read: atType 1 the user, 2 everyone, 3 both. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record GroupAtInfo(long seq, int atType) {
    }

    /** This state with the names and conversation groups {@code other} carries, where it carries them (a sync answer's copy). */
    public Conversation withJoinedFieldsOf(Conversation other) {
        return other.withNamesOf(this).withStateOf(this);
    }

    private Conversation withStateOf(Conversation state) {
        return new Conversation(state.type, state.conversationID, state.userID, state.groupID, groupType, showName, faceUrl,
                state.unreadCount, state.recvOpt, state.markList, state.customData, conversationGroupList, state.c2cReadTimestamp,
                state.groupReadSequence, state.lastMessage, state.groupAtInfoList, state.draftText, state.draftTimestamp, state.isPinned,
                state.orderKey, state.lastChangeTime, state.expireTime, state.version);
    }

    /** This state, with the names and conversation groups {@code known} had where this one has none (a live event's). */
    public Conversation withNamesOf(Conversation known) {
        if (known == null) {
            return this;
        }
        return new Conversation(type, conversationID, userID, groupID, groupType != null ? groupType : known.groupType,
                showName != null ? showName : known.showName, faceUrl != null ? faceUrl : known.faceUrl, unreadCount, recvOpt, markList,
                customData, conversationGroupList != null ? conversationGroupList : known.conversationGroupList, c2cReadTimestamp,
                groupReadSequence, lastMessage, groupAtInfoList, draftText, draftTimestamp, isPinned, orderKey, lastChangeTime,
                expireTime, version);
    }
}
