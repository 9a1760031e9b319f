package io.convlist.view;

import io.convlist.domain.Removal;

/**
 * A conversation that left a list, as sync and the live channel report it.
 *
 * @param reason       DELETED, EVICTED, EXPIRED or LEFT_GROUP
 * @param time         when it left (epoch ms)
 * @param clearMessage deleted with clearMessage: the device clears its messages of the conversation
 * @param version      above every state of the conversation it removed (Conversation's version); 0
 *                     where not known (a group left whose conversation the list did not hold)
 */
public record RemovedConversation(String conversationID, String reason, long time, boolean clearMessage, long version) {
    public static RemovedConversation of(Removal r) {
        return new RemovedConversation(r.conversationId().toString(), r.reason().name(), r.timeMillis(), r.clearMessages(),
                r.version());
    }
}
