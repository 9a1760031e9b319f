package io.convlist.api.doc;

import static io.convlist.api.doc.FieldDoc.text;

import java.util.Arrays;
import java.util.List;
import java.util.Map;

import io.convlist.api.Requests;
import io.convlist.domain.GroupType;
import io.convlist.domain.Limits;
import io.convlist.domain.RemovalReason;

/**
 * The fields of the functions' requests and responses, described once by name (a field means the
 * same wherever it appears) and, where one record's field differs, by record and name. The limits
 * come from {@link Limits}, the same constants the functions enforce.
 */
final class FieldDocs {
    private FieldDocs() {
    }

    private static final String ID_CHARS = Limits.ID_PATTERN.substring(0, Limits.ID_PATTERN.length() - 1);
    static final String USER_ID = "^" + ID_CHARS + "{1," + Limits.USER_ID_MAX_BYTES + "}$";
    static final String GROUP_ID = "^" + ID_CHARS + "{1," + Limits.GROUP_ID_MAX_BYTES + "}$";
    static final String CONVERSATION_ID = "^(c2c_" + ID_CHARS + "{1," + Limits.USER_ID_MAX_BYTES + "}|group_" + ID_CHARS
            + "{1," + Limits.GROUP_ID_MAX_BYTES + "})$";

    private static final List<String> GROUP_TYPES = Arrays.stream(GroupType.values()).map(Enum::name).toList();
    private static final String BYTES = " UTF-8 bytes";

    private static final Map<String, FieldDoc> BY_NAME = Map.ofEntries(
            // identities and lists of them
            Map.entry("userID", text("The user whose list: required with a service token, omitted (or the caller's own) with a user token.")
                    .pattern(USER_ID)),
            Map.entry("conversationID", text("c2c_<userID> or group_<groupID>.").pattern(CONVERSATION_ID)),
            Map.entry("conversationIDList", text("Conversation IDs (c2c_<userID> or group_<groupID>); repeats count once.")
                    .items(1, Limits.ID_LIST_MAX).itemPattern(CONVERSATION_ID)),
            Map.entry("groupID", text("A group's ID.").pattern(GROUP_ID)),
            Map.entry("groupIDList", text("Group IDs.").items(1, Limits.RECEIVE_OPT_IDS_MAX).itemPattern(GROUP_ID)),
            Map.entry("userIDList", text("User IDs (the peers of C2C conversations).").items(1, Limits.RECEIVE_OPT_IDS_MAX)
                    .itemPattern(USER_ID)),
            Map.entry("groupType", text("Tencent's group type; AVChatRoom groups keep no unread count.").oneOf(GROUP_TYPES)),
            // paging and sync
            Map.entry("nextSeq", text("0 for the first page, then each page's nextSeq until isFinished.").range(0, Long.MAX_VALUE)),
            Map.entry("count", text("Page size; absent means " + Limits.PAGE_MAX + ".").range(Limits.PAGE_MIN, Limits.PAGE_MAX)),
            Map.entry("isFinished", text("No page follows this one.")),
            Map.entry("cursor", text("A device sync cursor: opaque, signed, valid for the app's retention.")),
            // a conversation's state
            Map.entry("draftText", text("Draft text, at most " + Limits.DRAFT_MAX_BYTES + BYTES + "; null or \"\" clears it.")),
            Map.entry("isPinned", text("Pinned conversations come first; at most " + Limits.PINNED_MAX + " per user.")),
            Map.entry("opt", text("Tencent's receive option: 0 receive, 1 do not receive, 2 receive without notification, 3 without notification "
                    + "except @-mentions, 4 do not receive except @-mentions. Only 0 counts toward the unread totals.")
                    .range(0, 4)),
            Map.entry("markType", text("Mark bits: STAR 0x1, UNREAD 0x2, FOLD 0x4, HIDE 0x8, custom 1<<32 to 1<<63; any of these together.")),
            Map.entry("enableMark", text("true sets the bits, false clears them.")),
            Map.entry("customData", text("Base64, at most " + Limits.CUSTOM_DATA_MAX_BYTES + " bytes decoded; \"\" clears (in a conversation: \"\" for none).")),
            Map.entry("clearMessage", text("Devices also clear their messages of the conversation (told through sync).")),
            Map.entry("cleanTimestamp", text("C2C read point: the newest message read, epoch seconds (10^11 and up: milliseconds).")
                    .range(0, Long.MAX_VALUE)),
            Map.entry("cleanSequence", text("Read point: the seq of the newest message read.").range(0, Long.MAX_VALUE)),
            // conversation groups and the filter
            Map.entry("groupName", text("A conversation group's name, 1 to " + Limits.CONVERSATION_GROUP_NAME_MAX_BYTES + BYTES + ".")),
            Map.entry("oldName", text("The conversation group's name now.")),
            Map.entry("newName", text("Its new name, 1 to " + Limits.CONVERSATION_GROUP_NAME_MAX_BYTES + BYTES + ".")),
            Map.entry("filter", text("Every criterion given must hold; {} matches every conversation.")),
            Map.entry("conversationGroup", text("Absent: any; \"\": in no conversation group; a name: in that group (404 if there is none).")),
            Map.entry("hasUnreadCount", text("true: only conversations with unread messages.")),
            Map.entry("hasGroupAtInfo", text("true: only conversations with an @-mention not yet read.")),
            // messages
            Map.entry("type", text("C2C or GROUP.").oneOf(List.of("C2C", "GROUP"))),
            Map.entry("msgID", text("The message's ID, at most " + Limits.MSG_ID_MAX_BYTES + BYTES + ".")),
            Map.entry("seq", text("The message's sequence in its conversation, contiguous from 1 (C2C: per pair; group: the group's).")
                    .range(1, Limits.SEQ_MAX)),
            Map.entry("timestamp", text("Epoch milliseconds, from 2000-01-01 to a day ahead of the server's clock.")),
            Map.entry("senderID", text("The sender's user ID.").pattern(USER_ID)),
            Map.entry("receiverID", text("C2C: the receiver's user ID.").pattern(USER_ID)),
            Map.entry("recipients", text("Group: the members whose lists the message reaches (not used for a large group).")
                    .items(0, Limits.RECIPIENTS_MAX).itemPattern(USER_ID)),
            Map.entry("summary", text("The text shown as the last message; cut to " + Limits.SUMMARY_MAX_BYTES + BYTES + " on a character boundary.")),
            Map.entry("atUserList", text("Group: the users @-mentioned.").itemPattern(USER_ID)),
            Map.entry("atAll", text("Group: @all.")),
            Map.entry("excludedFromUnreadCount", text("The message does not count as unread.")),
            Map.entry("excludedFromLastMessage", text("The message does not become the last message.")),
            // profiles
            Map.entry("nickname", text("Shown as a C2C conversation's name; at most " + Limits.NAME_MAX_BYTES + BYTES + ".")),
            Map.entry("faceUrl", text("Picture URL, at most " + Limits.FACE_URL_MAX_BYTES + BYTES + ".")),
            Map.entry("friendUserID", text("The peer the remark is for.").pattern(USER_ID)),
            Map.entry("remark", text("Shown instead of the peer's nickname in this user's list; at most " + Limits.NAME_MAX_BYTES
                    + BYTES + "; empty clears.")),
            // answers
            Map.entry("conversationList", text("Conversations in list order: pinned first, then the most recent activity first.")),
            Map.entry("changed", text("Conversations added or changed since the cursor: the device upserts them, in order.")),
            Map.entry("removed", text("Conversations that left the list since the cursor: the device deletes them, in order.")),
            Map.entry("resyncRequired", text("The cursor is too old: drop the copy and sync again with a null cursor.")),
            Map.entry("conversationGroupList", text("The conversation groups it is in.")),
            Map.entry("groupNameList", text("The user's conversation groups, in creation order.")),
            Map.entry("optList", text("One receive option per ID asked, in the order asked.")),
            Map.entry("totalUnreadCount", text("Unread messages over the conversations counted (recvOpt 0 only).")),
            Map.entry("notFoundConversationIDList", text("The IDs named that are not in the list (their option is set all the same).")),
            Map.entry("resultList", text("One result per ID named, in the order named.")),
            Map.entry("resultCode", text("0 on success, else the HTTP status the same error has for a whole call.")),
            Map.entry("resultInfo", text("\"\" on success, else the error code.")),
            Map.entry("reason", text("Why it left the list.").oneOf(Arrays.stream(RemovalReason.values()).map(Enum::name).toList())),
            Map.entry("time", text("When it left, epoch milliseconds.")),
            // a conversation
            Map.entry("showName", text("The peer's remark or nickname, or the group's name.")),
            Map.entry("unreadCount", text("Unread messages.")),
            Map.entry("recvOpt", text("The receive option of the peer or group.")),
            Map.entry("markList", text("Each mark bit set, as a number.")),
            Map.entry("c2cReadTimestamp", text("C2C: the newest message known read, epoch seconds; 0 in a group.")),
            Map.entry("groupReadSequence", text("Group: the read point's seq; 0 in a C2C conversation.")),
            Map.entry("lastMessage", text("The newest message (null after its history is cleared).")),
            Map.entry("groupAtInfoList", text("@-mentions not yet read.")),
            Map.entry("draftTimestamp", text("When the draft was set, epoch milliseconds.")),
            Map.entry("orderKey", text("The list's sort key (larger first).")),
            Map.entry("lastChangeTime", text("The last change to the conversation, epoch milliseconds.")),
            Map.entry("expireTime", text("When it expires without further activity, epoch seconds.")),
            Map.entry("version", text("Orders the conversation's states and removals in this list: each change raises it. "
                    + "A device keeps whichever it has seen with the higher version, by event or by sync.")),
            Map.entry("isRecalled", text("The message was recalled: its summary is empty.")),
            Map.entry("atType", text("1 @me, 2 @all, 3 @all and @me.")));

    /** Where one record's field means or allows something else than the same name elsewhere. */
    private static final Map<String, FieldDoc> BY_RECORD = Map.ofEntries(
            Map.entry(key(Requests.GroupMembers.class, "userIDList"), text("The members joining or leaving.")
                    .items(1, Limits.GROUP_MEMBERS_PER_CALL_MAX).itemPattern(USER_ID)),
            Map.entry(key(Requests.GroupMembers.class, "seq"), text("The group's last message seq at the change (0: no message yet).")
                    .range(0, Limits.SEQ_MAX)),
            Map.entry(key(Requests.GroupMembers.class, "groupType"), text("Required when joining; Tencent's group type.").oneOf(GROUP_TYPES)),
            Map.entry(key(Requests.SetUserProfile.class, "userID"), text("The user the profile is of.").pattern(USER_ID)),
            Map.entry(key(Requests.SetFriendRemark.class, "userID"), text("The user who keeps the remark.").pattern(USER_ID)),
            Map.entry(key(Requests.SetGroupProfile.class, "groupName"), text("The group's name, at most " + Limits.NAME_MAX_BYTES + BYTES + ".")),
            Map.entry(key(Requests.CleanUnread.class, "conversationID"), text("One conversation, or \"\" (every one), \"c2c\" (every C2C one), \"group\" (every group).")),
            Map.entry(key(Requests.Filter.class, "type"), text("0 or absent: any; 1: C2C; 2: group.").range(0, 2)),
            Map.entry(key(Requests.Filter.class, "markType"), text("Absent: any; 0: no marks; else any of these bits.")),
            Map.entry(key(Requests.MessageChange.class, "summary"), text("modifyMessage: the edited text, cut to " + Limits.SUMMARY_MAX_BYTES + BYTES + ".")),
            Map.entry(key(Requests.MessageChange.class, "type"), text("C2C (by senderID and receiverID) or GROUP (by groupID).")
                    .oneOf(List.of("C2C", "GROUP"))),
            Map.entry("ConversationList.cursor", text("On the first page only: sync from it catches whatever changes while the device pages.")),
            Map.entry("SyncResult.cursor", text("For the next call; null when resyncRequired.")),
            Map.entry("SyncConversations.cursor", text("The previous answer's cursor, or null for a full sync.")),
            Map.entry("SyncResult.conversationGroupList", text("The user's conversation groups when they changed (and on a full "
                    + "sync's first page), for the device to replace its own; null when unchanged.").orNull()),
            Map.entry("SyncResult.isFinished", text("Nothing more has changed: call again later with the cursor.")),
            Map.entry("Conversation.type", text("C2C or GROUP.").oneOf(List.of("C2C", "GROUP"))),
            Map.entry("Conversation.userID", text("C2C: the peer; null in a group.")),
            Map.entry("Conversation.groupID", text("Group: the group; null in a C2C conversation.")),
            Map.entry("Conversation.groupType", text("Group: Tencent's group type; null in a C2C conversation.")),
            Map.entry("LastMessage.seq", text("The message's sequence in its conversation.")),
            Map.entry("GroupAtInfo.seq", text("The mentioning message's seq.")),
            Map.entry("C2CReceiveOpt.userID", text("The peer.")),
            Map.entry("MemberResult.userID", text("The member.")),
            Map.entry("OperationResult.conversationID", text("The conversation.")));

    private static String key(Class<?> record, String field) {
        return record.getSimpleName() + "." + field;
    }

    /** The field's documentation; every field the functions read or write has one. */
    static FieldDoc of(Class<?> record, String field) {
        FieldDoc doc = BY_RECORD.getOrDefault(key(record, field), BY_NAME.get(field));
        if (doc == null) {
            throw new IllegalStateException("the API description has no entry for " + key(record, field) + " (api.doc.FieldDocs)");
        }
        return doc;
    }
}
