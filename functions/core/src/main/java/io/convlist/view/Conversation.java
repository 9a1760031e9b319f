package io.convlist.view;

import java.math.BigInteger;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import io.convlist.domain.ConversationType;
import io.convlist.domain.GroupAtInfo;
import io.convlist.domain.LastMessage;
import io.convlist.domain.Marks;
import io.convlist.domain.list.DisplayNames;
import io.convlist.domain.list.StoredConversation;

/**
 * A conversation as callers see it, with Tencent IM's field names (V2TIMConversation). customData
 * is the bytes in base64 ("" for none); markList holds each set mark bit as a number ({@link Marks}).
 * c2cReadTimestamp (C2C only, else 0) is in seconds as Tencent's: the newest message known read;
 * groupReadSequence (groups only, else 0) is the read point. version orders the conversation's states
 * and removals in its list ({@link RemovedConversation#version()}): each write raises it, whatever the
 * writers' clocks say.
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
        long expireTime,
        long version) {

    /**
     * A stored conversation as its owner sees it: named and pictured as {@code display} says, in the
     * conversation groups named (held by ID; a group deleted meanwhile is not shown).
     */
    public static Conversation of(StoredConversation c, DisplayNames.Display display, Map<String, String> conversationGroupNames) {
        return new Conversation(c.id().type().name(), c.id().toString(), c.id().userId(), c.id().groupId(),
                display.groupType(), display.showName(), display.faceUrl(), c.unreadCount(), c.recvOpt(), Marks.markList(c.marks()),
                c.customDataBase64(),
                c.conversationGroupIds().stream().map(conversationGroupNames::get).filter(Objects::nonNull).sorted().toList(),
                c.id().type() == ConversationType.C2C ? c.readTimeMillis() / 1000 : 0,
                c.id().type() == ConversationType.GROUP ? c.readSeq() : 0,
                c.lastMessage(), c.groupAtInfoList(), c.draftText(), c.draftTimestamp(), c.pinned(), c.orderKey(),
                c.lastChangeMillis(), c.expiresAtEpochSecond(), c.version());
    }

    /**
     * This state without what sync joins from other items (the peer's or group's name, face and type,
     * and the conversation groups' names): null, for a device to keep its own.
     */
    public Conversation withoutJoinedFields() {
        return new Conversation(type, conversationID, userID, groupID, null, null, null, unreadCount, recvOpt, markList, customData,
                null, c2cReadTimestamp, groupReadSequence, lastMessage, groupAtInfoList, draftText, draftTimestamp, isPinned, orderKey,
                lastChangeTime, expireTime, version);
    }
}
