package io.convlist.domain.list;

import java.util.List;

import io.convlist.domain.ConversationId;
import io.convlist.domain.GroupAtInfo;
import io.convlist.domain.GroupType;
import io.convlist.domain.LastMessage;

/**
 * A conversation as the store holds it: state only. Names and faces of peers and groups are not
 * here; they are resolved at read time ({@link DisplayNames}), because profiles change
 * independently of conversations. The owner's friend remark is the owner's own data and is kept on
 * the conversation.
 */
public record StoredConversation(
        ConversationId id,
        GroupType groupType,
        long unreadCount,
        int recvOpt,
        long marks,
        String customDataBase64,
        List<String> conversationGroupIds,
        long readSeq,
        long readTimeMillis,
        LastMessage lastMessage,
        List<GroupAtInfo> groupAtInfoList,
        String draftText,
        Long draftTimestamp,
        boolean pinned,
        long orderKey,
        String friendRemark,
        long lastChangeMillis,
        long expiresAtEpochSecond,
        long version) {
}
