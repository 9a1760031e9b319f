package io.convlist.domain;

import java.util.List;

/** A conversation as callers see it, with Tencent IM's field names (V2TIMConversation). */
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
        LastMessage lastMessage,
        List<GroupAtInfo> groupAtInfoList,
        String draftText,
        Long draftTimestamp,
        boolean isPinned,
        long orderKey,
        long lastChangeTime,
        long expireTime) {
}
