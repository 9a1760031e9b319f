package io.convlist.domain.message;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import io.convlist.domain.ConversationType;
import io.convlist.domain.GroupAtInfo;
import io.convlist.domain.GroupType;
import io.convlist.domain.Ids;
import io.convlist.domain.Limits;
import io.convlist.domain.ServiceException;

/**
 * A message the pipeline has sent in a C2C or group conversation. {@code seq} is the message's
 * sequence within its conversation (contiguous from 1, as Tencent numbers them): unread counts are
 * sequence differences, which makes recording idempotent and independent of arrival order.
 *
 * @param recipients              group members whose lists get the message (the sender is added
 *                                separately); ignored for C2C, where the receiver is {@code receiverID}
 * @param excludedFromUnreadCount counts in no one's unread count (Tencent's isExcludedFromUnreadCount)
 * @param excludedFromLastMessage neither creates a conversation nor becomes its lastMessage nor moves it
 *                                (Tencent's isExcludedFromLastMessage); it still counts as unread
 */
public record MessageEvent(
        ConversationType type,
        String msgID,
        long seq,
        long timestamp,
        String senderID,
        String receiverID,
        String groupID,
        GroupType groupType,
        List<String> recipients,
        String summary,
        Set<String> atUserList,
        boolean atAll,
        boolean excludedFromUnreadCount,
        boolean excludedFromLastMessage) {

    public MessageEvent(ConversationType type, String msgID, long seq, long timestamp, String senderID, String receiverID,
            String groupID, GroupType groupType, List<String> recipients, String summary, Set<String> atUserList, boolean atAll) {
        this(type, msgID, seq, timestamp, senderID, receiverID, groupID, groupType, recipients, summary, atUserList, atAll,
                false, false);
    }

    /** Validates the event and cuts the summary to its limit; throws INVALID_ARGUMENT. */
    public MessageEvent validated() {
        if (type == null) {
            throw ServiceException.badRequest("type must be C2C or GROUP");
        }
        Ids.requireMaxBytes("msgID", msgID, Limits.MSG_ID_MAX_BYTES);
        if (msgID == null || msgID.isEmpty()) {
            throw ServiceException.badRequest("msgID is required");
        }
        if (seq < 1 || seq > Limits.SEQ_MAX) {
            throw ServiceException.badRequest("seq must be 1.." + Limits.SEQ_MAX);
        }
        if (timestamp < Limits.TIMESTAMP_MIN_MILLIS) {
            throw ServiceException.badRequest("timestamp must be epoch milliseconds from 2000-01-01 on");
        }
        Ids.requireUserId("senderID", senderID);
        String cutSummary = Ids.truncateUtf8(Ids.requireWellFormed("summary", summary == null ? "" : summary), Limits.SUMMARY_MAX_BYTES);
        if (type == ConversationType.C2C) {
            Ids.requireUserId("receiverID", receiverID);
            if (receiverID.equals(senderID)) {
                throw ServiceException.badRequest("receiverID must differ from senderID");
            }
            return new MessageEvent(type, msgID, seq, timestamp, senderID, receiverID, null, null, List.of(),
                    cutSummary, Set.of(), false, excludedFromUnreadCount, excludedFromLastMessage);
        }
        Ids.requireGroupId("groupID", groupID);
        if (groupType == null) {
            throw ServiceException.badRequest("groupType is required for group messages");
        }
        List<String> members = recipients == null ? List.of() : recipients;
        if (members.size() > Limits.RECIPIENTS_MAX) {
            throw ServiceException.badRequest("at most " + Limits.RECIPIENTS_MAX + " recipients per message");
        }
        Set<String> unique = new LinkedHashSet<>();
        for (String member : members) {
            unique.add(Ids.requireUserId("recipients[]", member)); // a null member is refused here
        }
        unique.remove(senderID);
        Set<String> at = new LinkedHashSet<>();
        if (atUserList != null) {
            if (atUserList.size() > Limits.RECIPIENTS_MAX) {
                throw ServiceException.badRequest("at most " + Limits.RECIPIENTS_MAX + " entries in atUserList");
            }
            for (String u : atUserList) {
                at.add(Ids.requireUserId("atUserList[]", u));
            }
        }
        return new MessageEvent(type, msgID, seq, timestamp, senderID, null, groupID, groupType,
                List.copyOf(unique), cutSummary, Set.copyOf(at), atAll, excludedFromUnreadCount, excludedFromLastMessage);
    }

    /**
     * Refuses a timestamp more than {@link Limits#TIMESTAMP_AHEAD_MAX_MILLIS} ahead of the server's
     * clock: it would put the conversation above every other for as long.
     */
    public MessageEvent notAheadOf(long nowMillis) {
        if (timestamp > nowMillis + Limits.TIMESTAMP_AHEAD_MAX_MILLIS) {
            throw ServiceException.badRequest("timestamp is more than a day ahead of the server's clock (epoch milliseconds expected)");
        }
        return this;
    }

    /** The @-type this message carries for one recipient, 0 if none. */
    public int atTypeFor(String recipient) {
        return GroupAtInfo.atTypeFor(atUserList.contains(recipient), atAll);
    }
}
