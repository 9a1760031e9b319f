package io.convlist.store.peer;

import static io.convlist.store.list.ConversationUpdates.*;
import static io.convlist.store.table.Keys.*;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.convlist.domain.AppSettings;
import io.convlist.domain.ConversationId;
import io.convlist.domain.GroupProfile;
import io.convlist.domain.UserProfile;
import io.convlist.store.app.StoreContext;
import io.convlist.store.app.StorePart;
import io.convlist.store.item.ProfileItem;
import io.convlist.store.item.RemarkItem;
import io.convlist.store.item.Schemas;
import io.convlist.store.list.ShownIn;
import io.convlist.store.table.Av;
import io.convlist.store.table.Dynamo;
import io.convlist.store.table.Expr;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbTable;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;

/**
 * Profiles of users and groups, and each user's friend remarks. Names and faces are resolved when
 * lists are read, since profiles change on their own; a change that alters what a conversation shows
 * also marks that conversation changed (a write that refreshes its lastChange and retention), so
 * device sync sends it again: a remark marks the owner's conversation, a profile marks every
 * conversation that shows it, found in the "shown in" index ({@link ShownIn}).
 */
public final class ProfileStore extends StorePart {
    private final DynamoDbTable<ProfileItem> profiles;
    private final DynamoDbTable<RemarkItem> remarks;

    public ProfileStore(StoreContext context) {
        super(context);
        this.profiles = table.mapped(Schemas.PROFILE);
        this.remarks = table.mapped(Schemas.REMARK);
    }

    /** Stores the profile, then marks changed every conversation that shows it (see {@link #markShowing}). */
    public void putUserProfile(String appId, UserProfile p) {
        ProfileItem item = profile(userProfilePk(appId, p.userId()));
        item.setNickname(emptyToNull(p.nickname()));
        item.setFaceUrl(emptyToNull(p.faceUrl()));
        put(profiles, item);
        markShowing(appId, ConversationId.c2c(p.userId()));
    }

    /**
     * Marks changed, in parallel, the conversations with this peer or group in every list that holds
     * one: {@value Keys#SHOWN_IN_SHARDS} Queries of the index and one conditional UpdateItem per list.
     */
    private void markShowing(String appId, ConversationId shown) {
        AppSettings app = settings.cached(appId);
        List<Runnable> writes = new ArrayList<>();
        for (String owner : ShownIn.owners(table, appId, shown)) {
            writes.add(() -> markChanged(Av.key(userPk(appId, owner), conversationSk(shown)), app));
        }
        parallel.runAll(writes);
    }

    /** Refreshes a live conversation's lastChange and retention, so that sync sends it again. */
    private void markChanged(Map<String, AttributeValue> key, AppSettings app) {
        long now = clock.millis();
        Expr e = new Expr();
        String condition = liveCondition(e, now);
        try {
            table.update(key, touch(e, now, app), condition);
        } catch (ConditionalCheckFailedException notInThatList) {
            // removed (or expired) since the index was read: nothing shows the profile there
        }
    }

    public void putGroupProfile(String appId, GroupProfile p) {
        ProfileItem item = profile(groupProfilePk(appId, p.groupId()));
        item.setGroupName(emptyToNull(p.groupName()));
        item.setFaceUrl(emptyToNull(p.faceUrl()));
        item.setGroupType(p.groupType() == null ? null : p.groupType().name());
        put(profiles, item);
        markShowing(appId, ConversationId.group(p.groupId()));
    }

    /**
     * The owner's remark for a friend: kept on its own item (copied into conversations created
     * later) and on the owner's existing C2C conversation, so that a list page needs no extra read.
     */
    public void setFriendRemark(String appId, String owner, String friend, String remark) {
        String pk = userPk(appId, owner);
        String text = emptyToNull(remark);
        RemarkItem item = new RemarkItem();
        item.setPk(pk);
        item.setSk(remarkSk(friend));
        item.setRemark(text);
        put(remarks, item);
        long now = clock.millis();
        Expr e = new Expr();
        String condition = liveCondition(e, now);
        if (text == null) {
            e.remove(REMARK);
        } else {
            e.set(REMARK, Av.s(text));
        }
        touch(e, now, settings.cached(appId));
        try {
            table.update(Av.key(pk, conversationSk(ConversationId.c2c(friend))), e, condition);
        } catch (ConditionalCheckFailedException noConversation) {
            // no conversation yet: it will copy the remark when it is created
        }
    }

    private static <T> void put(DynamoDbTable<T> table, T item) {
        Dynamo.call(() -> {
            table.putItem(item);
            return null;
        });
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
