package io.convlist.domain.list;

import java.math.BigInteger;
import java.util.List;

import io.convlist.domain.GroupAtInfo;
import io.convlist.domain.LastMessage;

/**
 * A conversation as callers see it, with Tencent IM's field names (V2TIMConversation). customData
 * is the bytes in base64 ("" for none); markList holds each set mark bit as a number ({@link Marks}).
 * c2cReadTimestamp (C2C only, else 0) is in seconds as Tencent's: the newest message known read;
 * groupReadSequence (groups only, else 0) is the read point.
 */
public record Conversation(
        String type,
        String conversationID,
        String userID,
        String groupID,
        String groupType,
        String showName,
        String faceUrl,
        long unreadCount,
        int recvOpt,
        List<BigInteger> markList,
        String customData,
        List<String> conversationGroupList,
        long c2cReadTimestamp,
        long groupReadSequence,
        LastMessage lastMessage,
        List<GroupAtInfo> groupAtInfoList,
        String draftText,
        Long draftTimestamp,
        boolean isPinned,
        long orderKey,
        long lastChangeTime,
        long expireTime) {
}
