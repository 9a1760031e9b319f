package io.convlist.domain.message;

import io.convlist.domain.ConversationType;
import io.convlist.domain.Ids;
import io.convlist.domain.Limits;
import io.convlist.domain.ServiceException;

/**
 * A message already recorded, named for a change of its own (recalled, edited): by msgID within its
 * conversation, C2C between {@code senderID} and {@code receiverID}, or in group {@code groupID}.
 */
public record MessageRef(ConversationType type, String msgID, String senderID, String receiverID, String groupID) {

    /** Validates the reference; throws INVALID_ARGUMENT. */
    public MessageRef validated() {
        if (type == null) {
            throw ServiceException.badRequest("type must be C2C or GROUP");
        }
        if (msgID == null || msgID.isEmpty()) {
            throw ServiceException.badRequest("msgID is required");
        }
        Ids.requireMaxBytes("msgID", msgID, Limits.MSG_ID_MAX_BYTES);
        if (type == ConversationType.C2C) {
            Ids.requireUserId("senderID", senderID);
            Ids.requireUserId("receiverID", receiverID);
            return new MessageRef(type, msgID, senderID, receiverID, null);
        }
        Ids.requireGroupId("groupID", groupID);
        return new MessageRef(type, msgID, null, null, groupID);
    }
}
