package io.convlist.domain.list;

import java.util.List;

import io.convlist.domain.ConversationId;
import io.convlist.domain.ReceiveOpt;

/**
 * A user's settings for one peer (C2C) or group, kept whether or not the conversation is in the
 * list: the receive option, marks ({@link Marks}), custom data and the conversation groups it is in.
 */
public record PeerSetting(ConversationId conversationId, int recvOpt, long marks, byte[] customData,
        List<String> conversationGroups) {

    public static PeerSetting none(ConversationId id) {
        return new PeerSetting(id, ReceiveOpt.RECEIVE, 0, new byte[0], List.of());
    }
}
