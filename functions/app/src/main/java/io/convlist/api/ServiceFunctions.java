package io.convlist.api;

import java.util.LinkedHashSet;
import java.util.Set;

import io.convlist.api.Requests.GroupMembers;
import io.convlist.api.Requests.RecordMessage;
import io.convlist.api.Requests.SetFriendRemark;
import io.convlist.api.Requests.SetGroupProfile;
import io.convlist.api.Requests.SetUserProfile;
import io.convlist.api.Responses.Done;
import io.convlist.api.Responses.MemberResults;
import io.convlist.auth.CallerResolver;
import io.convlist.domain.ConversationType;
import io.convlist.domain.GroupProfile;
import io.convlist.domain.GroupType;
import io.convlist.domain.Ids;
import io.convlist.domain.Limits;
import io.convlist.domain.MembershipChange;
import io.convlist.domain.MessageEvent;
import io.convlist.domain.ServiceException;
import io.convlist.domain.UserProfile;
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

    @Funq
    public Done recordMessage(RecordMessage in) {
        String app = serviceApp();
        if (in == null) {
            throw ServiceException.badRequest("a message is required");
        }
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

    /** Members joined a group: its conversation enters each one's list (see README, "Group membership"). */
    @Funq
    public MemberResults addGroupMembers(GroupMembers in) {
        String app = serviceApp();
        return MemberResults.of(store.addGroupMembers(app, membership(in, true)));
    }

    /** Members left a group: its conversation leaves each one's list with a LEFT_GROUP record. */
    @Funq
    public MemberResults removeGroupMembers(GroupMembers in) {
        String app = serviceApp();
        return MemberResults.of(store.removeGroupMembers(app, membership(in, false)));
    }

    private static MembershipChange membership(GroupMembers in, boolean joining) {
        if (in == null) {
            throw ServiceException.badRequest("groupID, seq and userIDList are required");
        }
        if (in.seq() == null) {
            throw ServiceException.badRequest("seq is required: the group's last message seq at the change (0: none yet)");
        }
        return new MembershipChange(in.groupID(), in.groupType() == null ? null : GroupType.parse(in.groupType()), in.seq(),
                in.userIDList()).validated(joining);
    }

    @Funq
    public Done setUserProfile(SetUserProfile in) {
        String app = serviceApp();
        if (in == null) {
            throw ServiceException.badRequest("a profile is required");
        }
        store.putUserProfile(app, new UserProfile(Ids.requireUserId("userID", in.userID()),
                Ids.requireMaxBytes("nickname", in.nickname(), Limits.NAME_MAX_BYTES),
                Ids.requireMaxBytes("faceUrl", in.faceUrl(), Limits.FACE_URL_MAX_BYTES)));
        return new Done();
    }

    @Funq
    public Done setFriendRemark(SetFriendRemark in) {
        String app = serviceApp();
        if (in == null) {
            throw ServiceException.badRequest("a remark is required");
        }
        store.setFriendRemark(app, Ids.requireUserId("userID", in.userID()),
                Ids.requireUserId("friendUserID", in.friendUserID()),
                Ids.requireMaxBytes("remark", in.remark(), Limits.NAME_MAX_BYTES));
        return new Done();
    }

    @Funq
    public Done setGroupProfile(SetGroupProfile in) {
        String app = serviceApp();
        if (in == null) {
            throw ServiceException.badRequest("a group profile is required");
        }
        store.putGroupProfile(app, new GroupProfile(Ids.requireGroupId("groupID", in.groupID()),
                Ids.requireMaxBytes("groupName", in.groupName(), Limits.NAME_MAX_BYTES),
                Ids.requireMaxBytes("faceUrl", in.faceUrl(), Limits.FACE_URL_MAX_BYTES),
                in.groupType() == null ? null : GroupType.parse(in.groupType())));
        return new Done();
    }
}
