package io.convlist.view;

import io.convlist.domain.Removal;

/**
 * A conversation that left a list, as sync and the live channel report it.
 *
 * @param reason       DELETED, EVICTED, EXPIRED or LEFT_GROUP
 * @param time         when it left (epoch ms)
 * @param clearMessage deleted with clearMessage: the device clears its messages of the conversation
 */
public record RemovedConversation(String conversationID, String reason, long time, boolean clearMessage) {
    public static RemovedConversation of(Removal r) {
        return new RemovedConversation(r.conversationId().toString(), r.reason().name(), r.timeMillis(), r.clearMessages());
    }
}
