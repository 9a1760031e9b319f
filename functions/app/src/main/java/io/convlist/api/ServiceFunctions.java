package io.convlist.api;

import static io.convlist.domain.ErrorCode.*;

import java.util.LinkedHashSet;
import java.util.Set;

import io.convlist.api.Requests.GroupMembers;
import io.convlist.api.Requests.RecordMessage;
import io.convlist.api.Requests.SetFriendRemark;
import io.convlist.api.Requests.SetGroupProfile;
import io.convlist.api.Requests.SetUserProfile;
import io.convlist.api.Responses.Done;
import io.convlist.api.Responses.MemberResults;
import io.convlist.api.doc.FunctionDoc.Fails;
import io.convlist.api.doc.FunctionDoc;
import io.convlist.auth.CallerResolver;
import io.convlist.domain.ConversationType;
import io.convlist.domain.GroupProfile;
import io.convlist.domain.GroupType;
import io.convlist.domain.Ids;
import io.convlist.domain.Limits;
import io.convlist.domain.ServiceException;
import io.convlist.domain.UserProfile;
import io.convlist.domain.message.MembershipChange;
import io.convlist.domain.message.MessageEvent;
import io.convlist.store.ConversationStore;
import io.quarkus.funqy.Funq;
import jakarta.inject.Inject;

/** The ingestion functions, for the app's backend only (service token). */
@Budgeted
public class ServiceFunctions {

    @Inject
    CallerResolver callers;

    @Inject
    ConversationStore store;

    private String serviceApp() {
        return callers.serviceApp();
    }

    @FunctionDoc(summary = "Record a message in its conversations",
            description = "C2C: in the sender's and the receiver's lists. Group: in each recipient's list (a large group: its "
                    + "members'). Redelivery and reordering leave the lists as if each message came once, in order.",
            example = "{\"type\":\"C2C\",\"msgID\":\"m2\",\"seq\":2,\"timestamp\":1795000000000,\"senderID\":\"bob\","
                    + "\"receiverID\":\"alice\",\"summary\":\"hi\"}",
            serviceOnly = true)
    @Funq
    public Done recordMessage(RecordMessage in) {
        String app = serviceApp();
        MessageEvent event = new MessageEvent(ConversationType.parse(in.type()), in.msgID(), in.seq() == null ? 0 : in.seq(),
                in.timestamp() == null ? 0 : in.timestamp(), in.senderID(), in.receiverID(), in.groupID(),
                in.groupType() == null ? null : GroupType.parse(in.groupType()), in.recipients(), in.summary(),
                // a set that keeps a null entry, for validation to refuse (Set.copyOf would throw)
                in.atUserList() == null ? Set.of() : new LinkedHashSet<>(in.atUserList()), Boolean.TRUE.equals(in.atAll()),
                Boolean.TRUE.equals(in.excludedFromUnreadCount()), Boolean.TRUE.equals(in.excludedFromLastMessage()))
                .validated();
        store.recordMessage(app, event);
        return new Done();
    }

    /** A member's outcome when DynamoDB failed on their list (the membership functions answer one per member). */
    private static final String MEMBER_THROTTLED = "DynamoDB throttled the change to this member's list: call again for the member.";
    private static final String MEMBER_UNAVAILABLE = "DynamoDB failed on this member's list, or the call ran out of time: call again "
            + "for the member.";

    /** Members joined a group: its conversation enters each one's list (see README, "Group membership"). */
    @FunctionDoc(summary = "Members joined a group",
            description = "The group's conversation enters each member's list. One result per member.",
            example = "{\"groupID\":\"g1\",\"groupType\":\"Work\",\"seq\":42,\"userIDList\":[\"dave\"]}",
            serviceOnly = true,
            itemFails = {@Fails(code = THROTTLED, when = MEMBER_THROTTLED), @Fails(code = UNAVAILABLE, when = MEMBER_UNAVAILABLE)})
    @Funq
    public MemberResults addGroupMembers(GroupMembers in) {
        String app = serviceApp();
        return MemberResults.of(store.addGroupMembers(app, membership(in, true)));
    }

    /** Members left a group: its conversation leaves each one's list with a LEFT_GROUP record. */
    @FunctionDoc(summary = "Members left a group",
            description = "The group's conversation leaves each member's list with a LEFT_GROUP removal record. One result "
                    + "per member.",
            example = "{\"groupID\":\"g1\",\"seq\":42,\"userIDList\":[\"alice\"]}",
            serviceOnly = true,
            itemFails = {@Fails(code = THROTTLED, when = MEMBER_THROTTLED), @Fails(code = UNAVAILABLE, when = MEMBER_UNAVAILABLE)})
    @Funq
    public MemberResults removeGroupMembers(GroupMembers in) {
        String app = serviceApp();
        return MemberResults.of(store.removeGroupMembers(app, membership(in, false)));
    }

    private static MembershipChange membership(GroupMembers in, boolean joining) {
        if (in.seq() == null) {
            throw ServiceException.badRequest("seq is required: the group's last message seq at the change (0: none yet)");
        }
        return new MembershipChange(in.groupID(), in.groupType() == null ? null : GroupType.parse(in.groupType()), in.seq(),
                in.userIDList()).validated(joining);
    }

    @FunctionDoc(summary = "A user's nickname and picture",
            description = "Shown as the name and face of C2C conversations with the user.",
            example = "{\"userID\":\"bob\",\"nickname\":\"Bob\",\"faceUrl\":\"https://img/bob.png\"}",
            serviceOnly = true)
    @Funq
    public Done setUserProfile(SetUserProfile in) {
        String app = serviceApp();
        store.putUserProfile(app, new UserProfile(Ids.requireUserId("userID", in.userID()),
                Ids.requireMaxBytes("nickname", in.nickname(), Limits.NAME_MAX_BYTES),
                Ids.requireMaxBytes("faceUrl", in.faceUrl(), Limits.FACE_URL_MAX_BYTES)));
        return new Done();
    }

    @FunctionDoc(summary = "A user's remark for a peer",
            example = "{\"userID\":\"alice\",\"friendUserID\":\"bob\",\"remark\":\"Bob from work\"}",
            serviceOnly = true)
    @Funq
    public Done setFriendRemark(SetFriendRemark in) {
        String app = serviceApp();
        store.setFriendRemark(app, Ids.requireUserId("userID", in.userID()),
                Ids.requireUserId("friendUserID", in.friendUserID()),
                Ids.requireMaxBytes("remark", in.remark(), Limits.NAME_MAX_BYTES));
        return new Done();
    }

    @FunctionDoc(summary = "A group's name, picture and type",
            example = "{\"groupID\":\"g1\",\"groupName\":\"Team One\",\"faceUrl\":\"https://img/t1.png\","
                    + "\"groupType\":\"Work\"}",
            serviceOnly = true)
    @Funq
    public Done setGroupProfile(SetGroupProfile in) {
        String app = serviceApp();
        store.putGroupProfile(app, new GroupProfile(Ids.requireGroupId("groupID", in.groupID()),
                Ids.requireMaxBytes("groupName", in.groupName(), Limits.NAME_MAX_BYTES),
                Ids.requireMaxBytes("faceUrl", in.faceUrl(), Limits.FACE_URL_MAX_BYTES),
                in.groupType() == null ? null : GroupType.parse(in.groupType())));
        return new Done();
    }
}
