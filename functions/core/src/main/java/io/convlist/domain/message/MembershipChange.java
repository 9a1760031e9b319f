package io.convlist.domain.message;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import io.convlist.domain.ConversationId;
import io.convlist.domain.GroupType;
import io.convlist.domain.Ids;
import io.convlist.domain.Limits;
import io.convlist.domain.ServiceException;

/**
 * Members joining or leaving a group, as the app's backend reports them.
 *
 * @param seq       the group's last message sequence when they joined or left (0: no message yet): a
 *                  joining member counts only messages above it as unread; a leaving member's list
 *                  takes back no message at or below it
 * @param groupType the group's type (for a join; the conversation shows it)
 */
public record MembershipChange(String groupID, GroupType groupType, long seq, List<String> userIDs) {

    /** Validates the change and drops repeated members; throws INVALID_ARGUMENT. */
    public MembershipChange validated(boolean joining) {
        Ids.requireGroupId("groupID", groupID);
        if (joining && groupType == null) {
            throw ServiceException.badRequest("groupType is required");
        }
        if (seq < 0 || seq > Limits.SEQ_MAX) {
            throw ServiceException.badRequest("seq must be 0.." + Limits.SEQ_MAX);
        }
        if (userIDs == null || userIDs.isEmpty() || userIDs.size() > Limits.GROUP_MEMBERS_PER_CALL_MAX) {
            throw ServiceException.badRequest("userIDList must name 1.." + Limits.GROUP_MEMBERS_PER_CALL_MAX + " members");
        }
        Set<String> unique = new LinkedHashSet<>();
        for (String user : userIDs) {
            unique.add(Ids.requireUserId("userIDList[]", user));
        }
        return new MembershipChange(groupID, groupType, seq, List.copyOf(unique));
    }

    public ConversationId conversationId() {
        return ConversationId.group(groupID);
    }
}
