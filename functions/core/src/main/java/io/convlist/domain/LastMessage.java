package io.convlist.domain;

/** The newest message of a conversation (the one with the highest sequence seen). */
public record LastMessage(String msgID, long seq, String senderID, String summary, long timestamp) {
}
