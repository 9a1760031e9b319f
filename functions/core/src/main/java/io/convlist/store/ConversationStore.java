package io.convlist.store;

import static io.convlist.store.table.Keys.userPk;

import java.time.Clock;
import java.util.List;
import java.util.Set;
import java.util.Map;
import java.util.concurrent.Executor;

import io.convlist.domain.ConversationId;
import io.convlist.domain.ConversationType;
import io.convlist.domain.GroupProfile;
import io.convlist.domain.ItemOutcome;
import io.convlist.domain.MemberOutcome;
import io.convlist.domain.Removal;
import io.convlist.domain.UserProfile;
import io.convlist.view.Conversation;
import io.convlist.domain.list.ConversationFilter;
import io.convlist.view.ConversationPage;
import io.convlist.domain.list.PeerSetting;
import io.convlist.domain.list.SettingChange;
import io.convlist.view.SyncPage;
import io.convlist.domain.list.SyncPosition;
import io.convlist.domain.message.GroupActivity;
import io.convlist.domain.message.MembershipChange;
import io.convlist.domain.message.MessageEvent;
import io.convlist.domain.message.MessageRef;
import io.convlist.store.app.AppSettingsStore;
import io.convlist.store.app.StoreContext;
import io.convlist.store.device.DevicePresence;
import io.convlist.store.group.GroupMembership;
import io.convlist.store.group.GroupRecords;
import io.convlist.store.group.LargeGroupCatchUp;
import io.convlist.store.group.MembershipRecords;
import io.convlist.store.item.ConversationItem;
import io.convlist.store.list.ConversationEditor;
import io.convlist.store.list.ConversationRows;
import io.convlist.store.list.ListCap;
import io.convlist.store.list.ListReader;
import io.convlist.store.list.ListState;
import io.convlist.store.list.ListSync;
import io.convlist.store.list.RemovalRecords;
import io.convlist.store.message.LastMessages;
import io.convlist.store.message.MessageRecorder;
import io.convlist.store.peer.ConversationGroups;
import io.convlist.store.peer.PeerSettingsReader;
import io.convlist.store.peer.PeerSettingsStore;
import io.convlist.store.peer.ProfileStore;
import io.convlist.store.table.ParallelWrites;
import io.convlist.store.table.TableRequests;
import io.convlist.store.usage.UsageCounters;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Each user's cloud conversation list in DynamoDB: the one entry point the functions, the console
 * and the TTL consumer use. Every rule-enforcing write is conditional or a transaction with
 * conditions; nothing takes a lock. The work is done by one class per responsibility:
 * {@link MessageRecorder} (messages), {@link ListCap} (the cap: creation, eviction, reconciling),
 * {@link ConversationEditor} (draft, pin, read points, delete), {@link ListReader} (pages, filtered
 * pages, by ID, unread counts), {@link PeerSettingsStore} (receive option, marks, custom data and
 * group memberships per peer and group, outside the list), {@link ConversationGroups},
 * {@link RemovalRecords} and {@link ProfileStore} (profiles and remarks).
 *
 * <p>Request budget (counted in the tests): a message into an existing conversation is one
 * conditional UpdateItem per affected user; pin, draft, recvOpt and marking one conversation read
 * are one conditional write each; a list page is one Query plus one BatchGetItem.
 */
public final class ConversationStore {
    private final MessageRecorder messages;
    private final ListCap cap;
    private final ConversationEditor editor;
    private final ListReader reader;
    private final ProfileStore profiles;
    private final PeerSettingsStore peerSettings;
    private final PeerSettingsReader peerSettingsReader;
    private final RemovalRecords removals;
    private final ListSync sync;
    private final ConversationGroups groups;
    private final LastMessages lastMessages;
    private final GroupMembership membership;
    private final GroupRecords groupRecords;
    private final LargeGroupCatchUp largeGroups;
    private final UsageCounters usage;
    private final DevicePresence devices;
    private final ParallelWrites parallel;
    private final Preparation lists;
    private final Clock clock;

    /**
     * @param fanOut runs a message's per-recipient writes (and other independent writes) in parallel
     */
    public ConversationStore(DynamoDbClient ddb, String table, Clock clock, AppSettingsStore settings, Executor fanOut) {
        TableRequests requests = new TableRequests(ddb, table);
        ParallelWrites parallel = new ParallelWrites(fanOut);
        StoreContext context = new StoreContext(requests, clock, settings, parallel);
        this.parallel = parallel;
        this.cap = new ListCap(context);
        LargeGroupCatchUp catchUp = new LargeGroupCatchUp(context, cap);
        this.largeGroups = catchUp;
        cap.catchUpWith(catchUp::bringUp);
        this.reader = new ListReader(context);
        this.groupRecords = new GroupRecords(context);
        MembershipRecords memberships = new MembershipRecords(context);
        this.messages = new MessageRecorder(context, cap, groupRecords, memberships, catchUp);
        this.editor = new ConversationEditor(context, cap);
        this.profiles = new ProfileStore(context);
        this.peerSettings = new PeerSettingsStore(context);
        this.peerSettingsReader = new PeerSettingsReader(requests);
        this.removals = new RemovalRecords(context);
        this.sync = new ListSync(context);
        this.groups = new ConversationGroups(context, peerSettings, peerSettingsReader);
        this.lastMessages = new LastMessages(context);
        this.membership = new GroupMembership(context, cap, editor, removals, groupRecords, memberships);
        this.usage = new UsageCounters(requests, clock);
        this.devices = new DevicePresence(requests, clock);
        this.lists = new Preparation(cap, catchUp);
        this.clock = clock;
    }

    /** Each app's usage counters, kept from the table's change stream. */
    /** The users' devices connected to the live channel. */
    public DevicePresence devices() {
        return devices;
    }

    public UsageCounters usage() {
        return usage;
    }

    public void recordMessage(String appId, MessageEvent m) {
        messages.record(appId, m);
    }

    /**
     * Members joined a group: its conversation enters each one's list (under the cap), with nothing
     * unread up to the join's seq. One outcome per member, in the order named.
     */
    /** The large groups whose activity the user's devices hear of (live channel): one GetItem. */
    public Set<String> largeGroupsOf(String appId, String userId) {
        return membership.largeGroupsOf(appId, userId);
    }

    public List<MemberOutcome> addGroupMembers(String appId, MembershipChange join) {
        return membership.join(appId, join);
    }

    /** Members left a group: its conversation leaves each one's list with a LEFT_GROUP record. One outcome per member. */
    public List<MemberOutcome> removeGroupMembers(String appId, MembershipChange leave) {
        return membership.leave(appId, leave);
    }

    /** How many members the group has, by the joins and leaves recorded. */
    /** The group's member count, mode and record of its messages. */
    public GroupActivity group(String appId, String groupId) {
        return groupRecords.read(appId, groupId);
    }

    /** A recalled message shows so in every list where it is the last message. */
    public void recallMessage(String appId, MessageRef ref) {
        lastMessages.recall(appId, ref);
    }

    /** An edited message shows its new summary in every list where it is the last message. */
    public void editMessage(String appId, MessageRef ref, String summary) {
        lastMessages.edit(appId, ref, summary);
    }

    /** The user's history of the conversation was cleared: no last message, nothing unread; NOT_FOUND if not in the list. */
    public void clearHistory(String appId, String userId, ConversationId id) {
        lists.prepare(appId, userId, id);
        if (!lastMessages.clearHistory(appId, userId, id)) {
            throw ConversationEditor.notFound(id);
        }
    }

    public void setDraft(String appId, String userId, ConversationId id, String draftText) {
        lists.prepare(appId, userId, id);
        editor.setDraft(appId, userId, id, draftText);
    }

    public void pin(String appId, String userId, ConversationId id, boolean pinned) {
        lists.prepare(appId, userId, id);
        editor.pin(appId, userId, id, pinned);
    }

    /**
     * Applies one change to the user's settings for the peers and groups of these conversations, in
     * the list or not; their conversations in the list show it at once.
     *
     * @return the conversation IDs that are not in the list
     */
    public List<ConversationId> changeSettings(String appId, String userId, List<ConversationId> ids, SettingChange change) {
        return peerSettings.change(appId, userId, ids, change);
    }

    /** The user's settings for each of these peers and groups (defaults where none are set), in the order asked. */
    public List<PeerSetting> settings(String appId, String userId, List<ConversationId> ids) {
        return peerSettingsReader.get(appId, userId, ids);
    }

    /** Every peer and group the user has settings for. */
    public List<PeerSetting> peerSettings(String appId, String userId) {
        return peerSettingsReader.list(appId, userId);
    }

    /** The removal records the list keeps (retention), for operators. */
    public List<Removal> removals(String appId, String userId) {
        return removals.list(appId, userId);
    }

    /**
     * A conversation TTL deleted (the TTL consumer): a large group's whose group kept it alive goes back
     * in the list as it was; otherwise it leaves its EXPIRED record, unless it is back.
     */
    public void expiredByTtl(String appId, String userId, ConversationId id, Map<String, AttributeValue> oldImage) {
        ConversationItem old = ConversationRows.conversation(oldImage);
        if (old == null) {
            return;
        }
        long lastSeq = largeGroups.afterTtl(appId, userId, id, old);
        if (lastSeq >= 0) {
            removals.recordExpired(appId, userId, id, ConversationRows.expiresAt(old) * 1000, lastSeq, ConversationRows.version(old));
        }
    }

    /**
     * A removal record TTL deleted (the TTL consumer): a large group's member's record is kept while
     * they are a member, as the point its messages count from (see {@link LargeGroupCatchUp#keepRecord}).
     */
    public void removalExpiredByTtl(String appId, String userId, ConversationId id, Map<String, AttributeValue> oldImage) {
        if (!oldImage.isEmpty()) {
            largeGroups.keepRecord(appId, userId, id, oldImage);
        }
    }

    public void markRead(String appId, String userId, ConversationId id, Long cleanTimestamp, Long cleanSequence) {
        lists.prepare(appId, userId, id);
        editor.markRead(appId, userId, id, cleanTimestamp, cleanSequence);
    }

    /** Marks every conversation read, or every one of a type ({@code only} null: all). */
    public void markAllRead(String appId, String userId, ConversationType only) {
        editor.markAllRead(appId, lists.read(appId, userId, attempt -> reader.withUnread(appId, userId), false), only);
    }

    /** Deletes one conversation; NOT_FOUND if it is not in the list. */
    public void delete(String appId, String userId, ConversationId id, boolean clearMessages) {
        lists.prepare(appId, userId, id);
        editor.delete(appId, userId, id, clearMessages);
    }

    /** Deletes each conversation named, in parallel: one outcome each, in the order named (NOT_FOUND for one not in the list). */
    public List<ItemOutcome> deleteAll(String appId, String userId, List<ConversationId> ids, boolean clearMessages) {
        return parallel.eachOf(ids, id -> delete(appId, userId, id, clearMessages), ItemOutcome::new);
    }

    public ConversationPage list(String appId, String userId, long nextSeq, int count) {
        return lists.read(appId, userId, attempt -> reader.list(appId, userId, nextSeq, count), false);
    }

    /** A page of the conversations that match the filter, paged as the plain list is. */
    public ConversationPage list(String appId, String userId, long nextSeq, int count, ConversationFilter filter) {
        Map<String, String> groups = groupsFor(appId, userId, filter);
        return lists.read(appId, userId, attempt -> reader.list(appId, userId, nextSeq, count, filter, groups, true), false);
    }

    /**
     * A page as an operator sees it: as stored, filtered or not (null), without evicting what a
     * lowered limit left over (that belongs to writers and the TTL consumer), so looking changes nothing.
     */
    public ConversationPage listAsStored(String appId, String userId, long nextSeq, int count, ConversationFilter filter) {
        return reader.list(appId, userId, nextSeq, count, filter, groupsFor(appId, userId, filter), false).answer().get();
    }

    /** The unread count of the conversations that match the filter, leaving out muted ones as the total does. */
    public long unreadMatching(String appId, String userId, ConversationFilter filter) {
        Map<String, String> groups = groupsFor(appId, userId, filter);
        return lists.read(appId, userId, attempt -> reader.unreadMatching(appId, userId, filter, groups), false);
    }

    /** One conversation; NOT_FOUND if it is not in the list. */
    public Conversation get(String appId, String userId, ConversationId id) {
        List<Conversation> found = getMany(appId, userId, List.of(id));
        if (found.isEmpty()) {
            throw ConversationEditor.notFound(id);
        }
        return found.get(0);
    }

    /** The listed conversations that exist, in the order asked. */
    public List<Conversation> getMany(String appId, String userId, List<ConversationId> ids) {
        // Catching up once is enough: the second read only sees what it wrote.
        return lists.read(appId, userId, attempt -> reader.getMany(appId, userId, ids, attempt == 0), false);
    }

    /** One page of device sync from a position (null: a full sync). See {@link SyncPosition}. */
    public SyncPage sync(String appId, String userId, SyncPosition at, int count) {
        SyncPosition position = sync.start(at);
        if (position.phase() == SyncPosition.Phase.FULL) {
            List<String> groups = sync.groupsAtStart(appId, userId, position);
            return ListSync.fullPage(position, groups, list(appId, userId, position.nextSeq(), count));
        }
        // A round that still finds a large group behind after two catch-ups answers from its last read.
        return lists.read(appId, userId, attempt -> sync.round(appId, userId, position, count), true);
    }

    /**
     * The position from which a device that reads the list now catches, by sync, whatever changes
     * while it pages: taken before the first page is read.
     */
    public SyncPosition changesFromNow() {
        return SyncPosition.changesSince(clock.millis());
    }

    /** The user's conversation groups if the filter names one (NOT_FOUND if it does not exist) or "": one GetItem. */
    private Map<String, String> groupsFor(String appId, String userId, ConversationFilter filter) {
        if (filter == null || filter.conversationGroup() == null) {
            return Map.of();
        }
        Map<String, String> byName = groups.byName(userPk(appId, userId));
        if (!filter.conversationGroup().isEmpty() && !byName.containsKey(filter.conversationGroup())) {
            throw ConversationGroups.notFound(filter.conversationGroup());
        }
        return byName;
    }

    /** Creates a conversation group with these conversations: one outcome each. */
    public List<ItemOutcome> createConversationGroup(String appId, String userId, String name, List<ConversationId> ids) {
        return groups.createWith(appId, userId, name, ids);
    }

    /** The user's conversation groups' names, in creation order. */
    public List<String> conversationGroups(String appId, String userId) {
        return groups.names(appId, userId);
    }

    public void renameConversationGroup(String appId, String userId, String oldName, String newName) {
        groups.rename(appId, userId, oldName, newName);
    }

    public void deleteConversationGroup(String appId, String userId, String name) {
        groups.delete(appId, userId, name);
    }

    public List<ItemOutcome> addConversationsToGroup(String appId, String userId, String name, List<ConversationId> ids) {
        return groups.add(appId, userId, name, ids);
    }

    public List<ItemOutcome> deleteConversationsFromGroup(String appId, String userId, String name, List<ConversationId> ids) {
        return groups.remove(appId, userId, name, ids);
    }

    public long totalUnread(String appId, String userId) {
        return lists.read(appId, userId, attempt -> reader.totalUnread(appId, userId), false);
    }

    public ListState state(String appId, String userId) {
        return cap.state(appId, userId);
    }

    /** Makes the list's bookkeeping exact and evicts any excess over the app's limit (idempotent). */
    public void reconcile(String appId, String userId) {
        cap.reconcile(appId, userId);
    }

    public void putUserProfile(String appId, UserProfile p) {
        profiles.putUserProfile(appId, p);
    }

    public void putGroupProfile(String appId, GroupProfile p) {
        profiles.putGroupProfile(appId, p);
    }

    public void setFriendRemark(String appId, String owner, String friend, String remark) {
        profiles.setFriendRemark(appId, owner, friend, remark);
    }
}
