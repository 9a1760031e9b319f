package io.convlist.store;

import static io.convlist.store.Keys.*;

import io.convlist.domain.ConversationId;
import io.convlist.domain.GroupProfile;
import io.convlist.domain.UserProfile;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbTable;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;

/**
 * Profiles of users and groups, and each user's friend remarks. Profiles are read when lists are
 * read (names and faces change on their own), so writing one touches no conversation.
 */
final class ProfileStore {
    private final TableRequests table;
    private final DynamoDbTable<ProfileItem> profiles;
    private final DynamoDbTable<RemarkItem> remarks;

    ProfileStore(TableRequests table) {
        this.table = table;
        this.profiles = table.mapped(Schemas.PROFILE);
        this.remarks = table.mapped(Schemas.REMARK);
    }

    void putUserProfile(String appId, UserProfile p) {
        ProfileItem item = profile(userProfilePk(appId, p.userId()));
        item.setNickname(emptyToNull(p.nickname()));
        item.setFaceUrl(emptyToNull(p.faceUrl()));
        Dynamo.call(() -> {
            profiles.putItem(item);
            return null;
        });
    }

    void putGroupProfile(String appId, GroupProfile p) {
        ProfileItem item = profile(groupProfilePk(appId, p.groupId()));
        item.setGroupName(emptyToNull(p.groupName()));
        item.setFaceUrl(emptyToNull(p.faceUrl()));
        item.setGroupType(p.groupType() == null ? null : p.groupType().name());
        Dynamo.call(() -> {
            profiles.putItem(item);
            return null;
        });
    }

    /**
     * The owner's remark for a friend: kept on its own item (copied into conversations created
     * later) and on the owner's existing C2C conversation, so that a list page needs no extra read.
     */
    void setFriendRemark(String appId, String owner, String friend, String remark) {
        String pk = userPk(appId, owner);
        String text = emptyToNull(remark);
        RemarkItem item = new RemarkItem();
        item.setPk(pk);
        item.setSk(remarkSk(friend));
        item.setRemark(text);
        Dynamo.call(() -> {
            remarks.putItem(item);
            return null;
        });
        Expr e = new Expr();
        String condition = "attribute_exists(" + e.n(PK) + ")";
        if (text == null) {
            e.remove(REMARK);
        } else {
            e.set(REMARK, Av.s(text));
        }
        try {
            table.update(Av.key(pk, conversationSk(ConversationId.c2c(friend))), e, condition);
        } catch (ConditionalCheckFailedException noConversation) {
            // no conversation yet: it will copy the remark when it is created
        }
    }

    private static ProfileItem profile(String pk) {
        ProfileItem item = new ProfileItem();
        item.setPk(pk);
        item.setSk(PROFILE_SK);
        return item;
    }

    private static String emptyToNull(String s) {
        return s == null || s.isEmpty() ? null : s;
    }
}
