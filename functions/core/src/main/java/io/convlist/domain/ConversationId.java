package io.convlist.domain;

/**
 * A conversation's identity within its owner's list: {@code c2c_<userID>} or
 * {@code group_<groupID>}. Parsing validates the embedded ID, so a stored conversation ID is always
 * well-formed.
 */
public record ConversationId(ConversationType type, String targetId) {

    public static ConversationId c2c(String userId) {
        Ids.requireUserId("userID", userId);
        return new ConversationId(ConversationType.C2C, userId);
    }

    public static ConversationId group(String groupId) {
        Ids.requireGroupId("groupID", groupId);
        return new ConversationId(ConversationType.GROUP, groupId);
    }

    public static ConversationId parse(String value) {
        if (value == null || value.isEmpty()) {
            throw ServiceException.badRequest("conversationID is required");
        }
        if (value.startsWith(ConversationType.C2C.idPrefix())) {
            return c2c(value.substring(ConversationType.C2C.idPrefix().length()));
        }
        if (value.startsWith(ConversationType.GROUP.idPrefix())) {
            return group(value.substring(ConversationType.GROUP.idPrefix().length()));
        }
        throw ServiceException.badRequest("conversationID must be c2c_<userID> or group_<groupID>");
    }

    public String userId() {
        return type == ConversationType.C2C ? targetId : null;
    }

    public String groupId() {
        return type == ConversationType.GROUP ? targetId : null;
    }

    @Override
    public String toString() {
        return type.idPrefix() + targetId;
    }
}
