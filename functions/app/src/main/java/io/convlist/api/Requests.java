package io.convlist.api;

import java.math.BigInteger;
import java.util.List;

/**
 * The functions' inputs, with the contract's JSON field names. {@code userID} on a user function
 * is only for service tokens acting for a user; a user token may omit it.
 */
public final class Requests {
    private Requests() {
    }

    /** A request whose every field may be absent: an absent body is the empty request (see {@link FunctionInput}). */
    public interface AllOptional {
    }

    public record GetConversationList(String userID, Long nextSeq, Integer count) implements AllOptional {
    }

    public record OneConversation(String userID, String conversationID) {
    }

    public record ConversationIds(String userID, List<String> conversationIDList) {
    }

    public record SetDraft(String userID, String conversationID, String draftText) {
    }

    public record Pin(String userID, String conversationID, Boolean isPinned) {
    }

    public record SetReceiveOpt(String userID, List<String> conversationIDList, Integer opt) {
    }

    public record CleanUnread(String userID, String conversationID, Long cleanTimestamp, Long cleanSequence) {
    }

    public record ForUser(String userID) implements AllOptional {
    }

    public record SyncConversations(String userID, String cursor, Integer count) implements AllOptional {
    }

    public record SetC2CReceiveOpt(String userID, List<String> userIDList, Integer opt) {
    }

    public record GetC2CReceiveOpt(String userID, List<String> userIDList) {
    }

    public record SetGroupReceiveOpt(String userID, String groupID, Integer opt) {
    }

    public record GetGroupReceiveOpt(String userID, List<String> groupIDList) {
    }

    public record RecordMessage(String type, String msgID, Long seq, Long timestamp, String senderID,
            String receiverID, String groupID, String groupType, List<String> recipients, String summary,
            List<String> atUserList, Boolean atAll, Boolean excludedFromUnreadCount, Boolean excludedFromLastMessage) {
    }

    public record SetUserProfile(String userID, String nickname, String faceUrl) {
    }

    public record SetFriendRemark(String userID, String friendUserID, String remark) {
    }

    public record SetGroupProfile(String groupID, String groupName, String faceUrl, String groupType) {
    }

    /** addGroupMembers (groupType required) and removeGroupMembers: seq is the group's last message seq at the change. */
    public record GroupMembers(String groupID, String groupType, Long seq, List<String> userIDList) {
    }

    public record MarkConversation(String userID, List<String> conversationIDList, BigInteger markType, Boolean enableMark) {
    }

    /** @param customData base64; empty clears */
    public record SetCustomData(String userID, List<String> conversationIDList, String customData) {
    }

    public record DeleteConversations(String userID, List<String> conversationIDList, Boolean clearMessage) {
    }

    /** Tencent's V2TIMConversationListFilter; see {@code io.convlist.domain.list.ConversationFilter}. */
    public record Filter(Integer type, String conversationGroup, BigInteger markType, Boolean hasUnreadCount,
            Boolean hasGroupAtInfo) {
    }

    public record GetConversationListByFilter(String userID, Filter filter, Long nextSeq, Integer count) {
    }

    public record GetUnreadCountByFilter(String userID, Filter filter) {
    }

    public record ConversationGroup(String userID, String groupName, List<String> conversationIDList) {
    }

    public record RenameConversationGroup(String userID, String oldName, String newName) {
    }

    /** A recorded message: C2C by senderID and receiverID, group by groupID; summary for an edit. */
    public record MessageChange(String type, String msgID, String senderID, String receiverID, String groupID, String summary) {
    }
}
