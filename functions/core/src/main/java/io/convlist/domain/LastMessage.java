package io.convlist.domain;

/**
 * The newest message of a conversation (the one with the highest sequence seen, unless it was
 * excluded from being the last message).
 *
 * @param isRecalled the message was recalled: its summary is empty
 */
public record LastMessage(String msgID, long seq, String senderID, String summary, long timestamp, boolean isRecalled) {
}
