package io.convlist.domain;

/** A user's receive option for one peer (C2C) or group, kept whether or not the conversation is in the list. */
public record PeerSetting(ConversationId conversationId, int recvOpt) {
}
