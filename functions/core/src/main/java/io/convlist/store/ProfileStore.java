package io.convlist.store;

import static io.convlist.store.ConversationUpdates.*;
import static io.convlist.store.Keys.*;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.convlist.domain.AppSettings;
import io.convlist.domain.ConversationId;
import io.convlist.domain.ConversationType;
import io.convlist.domain.GroupProfile;
import io.convlist.domain.UserProfile;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbTable;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;

/**
 * Profiles of users and groups, and each user's friend remarks. Names and faces are resolved when
 * lists are read, since profiles change on their own; a change that alters what a conversation shows
 * also marks that conversation changed (a write that refreshes its lastChange and retention), so
 * device sync sends it again: a remark marks the owner's conversation, a user's profile marks the
 * C2C conversations that show it, found through the user's own list (C2C conversations come in
 * pairs). A group's profile marks nothing: the service does not know a group's members.
 */
final class ProfileStore {
    private final TableRequests table;
    private final Clock clock;
    private final AppSettingsStore settings;
    private final ParallelWrites parallel;
    private final DynamoDbTable<ProfileItem> profiles;
    private final DynamoDbTable<RemarkItem> remarks;

    ProfileStore(TableRequests table, Clock clock, AppSettingsStore settings, ParallelWrites parallel) {
        this.table = table;
        this.clock = clock;
        this.settings = settings;
        this.parallel = parallel;
        this.profiles = table.mapped(Schemas.PROFILE);
        this.remarks = table.mapped(Schemas.REMARK);
    }

    /**
     * Stores the profile, then marks changed every C2C conversation that shows it: one Query of the
     * user's own list (its small index) and one conditional UpdateItem per C2C peer there, in parallel.
     */
    void putUserProfile(String appId, UserProfile p) {
        ProfileItem item = profile(userProfilePk(appId, p.userId()));
        item.setNickname(emptyToNull(p.nickname()));
        item.setFaceUrl(emptyToNull(p.faceUrl()));
        Dynamo.call(() -> {
            profiles.putItem(item);
            return null;
        });
        AppSettings app = settings.cached(appId);
        ConversationId shown = ConversationId.c2c(p.userId());
        List<Runnable> writes = new ArrayList<>();
        for (ConversationId peer : c2cPeers(userPk(appId, p.userId()))) {
            writes.add(() -> markChanged(Av.key(userPk(appId, peer.userId()), conversationSk(shown)), app));
        }
        parallel.runAll(writes);
    }

    /** The peers of the C2C conversations in a user's list, from its small byExpiry index. */
    private List<ConversationId> c2cPeers(String pk) {
        String c2c = CONVERSATION_SK_PREFIX + ConversationType.C2C.idPrefix();
        Expr e = new Expr();
        String key = e.n(PK) + " = " + e.v(pk);
        return table.queryAll(QueryRequest.builder().tableName(table.table).indexName(INDEX_BY_EXPIRY)
                .keyConditionExpression(key).expressionAttributeNames(e.names()).expressionAttributeValues(e.values())
                .consistentRead(true).build()).stream().map(raw -> raw.get(SK).s()).filter(sk -> sk.startsWith(c2c))
                .map(Keys::conversationOf).toList();
    }

    /** Refreshes a live conversation's lastChange and retention, so that sync sends it again. */
    private void markChanged(Map<String, AttributeValue> key, AppSettings app) {
        long now = clock.millis();
        Expr e = new Expr();
        String condition = liveCondition(e, now);
        try {
            table.update(key, touch(e, now, app), condition);
        } catch (ConditionalCheckFailedException notInThatList) {
            // the peer deleted the conversation, or it left that list: nothing shows the profile there
        }
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
