package io.convlist.store.group;

import static io.convlist.store.table.Keys.*;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

import io.convlist.domain.AppSettings;
import io.convlist.domain.ConversationId;
import io.convlist.domain.MemberOutcome;
import io.convlist.domain.Removal;
import io.convlist.domain.RemovalReason;
import io.convlist.domain.message.GroupActivity;
import io.convlist.domain.message.MembershipChange;
import io.convlist.store.app.StoreContext;
import io.convlist.store.app.StorePart;
import io.convlist.store.item.ConversationItem;
import io.convlist.store.item.ListMetaItem;
import io.convlist.store.item.Schemas;
import io.convlist.store.list.ConversationEditor;
import io.convlist.store.list.ConversationRows;
import io.convlist.store.list.ListCap;
import io.convlist.store.list.Prior;
import io.convlist.store.list.RemovalRecords;
import io.convlist.store.table.Attempts;
import io.convlist.store.table.Av;
import io.convlist.store.table.Expr;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Members joining and leaving groups, as the app's backend reports them ({@link MembershipRecords}
 * keeps who is a member and the group's count). A join puts the group's
 * conversation into the member's list under the cap ({@link ListCap}), as a first message would,
 * read up to the group's seq at the join; a leave takes it out and leaves a LEFT_GROUP record, so
 * that no message from before the leave brings it back. Both are idempotent and run per member in
 * parallel, and the seq they carry orders them: a join older than a recorded removal changes nothing.
 */
public final class GroupMembership extends StorePart {
    private final ListCap cap;
    private final ConversationEditor editor;
    private final RemovalRecords removals;
    private final MembershipRecords records;
    private final GroupRecords groups;

    public GroupMembership(StoreContext context, ListCap cap, ConversationEditor editor, RemovalRecords removals,
            GroupRecords groups, MembershipRecords records) {
        super(context);
        this.records = records;
        this.groups = groups;
        this.cap = cap;
        this.removals = removals;
        this.editor = editor;
    }

    /** Records the joins, then puts the group into the lists of those with no later leave recorded. */
    public List<MemberOutcome> join(String appId, MembershipChange join) {
        Set<String> members = records.apply(appId, join, true);
        boolean large = largeAfter(appId, join.groupID());
        return perMember(join, member -> {
            if (members.contains(member)) {
                joinOne(appId, member, join);
                if (large) {
                    markLarge(appId, member, join.groupID(), true);
                }
            }
        });
    }

    /** Records the leaves, then takes the group out of the lists of those with no later join recorded. */
    public List<MemberOutcome> leave(String appId, MembershipChange leave) {
        Set<String> left = records.apply(appId, leave, false);
        boolean large = groups.read(appId, leave.groupID()).large();
        return perMember(leave, member -> {
            if (left.contains(member)) {
                leaveOne(appId, member, leave);
                if (large) {
                    markLarge(appId, member, leave.groupID(), false);
                }
            }
        });
    }

    /**
     * Whether the group is large after a join: it switches (once, for good) when its member count
     * reaches the app's threshold, and every member's list then learns it is a member of a large group.
     */
    private boolean largeAfter(String appId, String groupId) {
        GroupActivity g = groups.read(appId, groupId);
        if (g.large()) {
            return true;
        }
        if (g.memberCount() < settings.cached(appId).largeGroupThreshold()) {
            return false;
        }
        groups.switchToMembers(appId, groupId);
        parallel.runAll(records.members(appId, groupId).stream().<Runnable>map(m -> () -> markLarge(appId, m, groupId, true)).toList());
        return true;
    }

    /** Adds the group to (or takes it from) the large groups on the member's list bookkeeping, which reads consult. */
    private void markLarge(String appId, String member, String groupId, boolean add) {
        Expr e = new Expr();
        AttributeValue group = AttributeValue.fromSs(List.of(groupId));
        table.update(Av.key(userPk(appId, member), META_SK), add ? e.add(LARGE_GROUPS, group) : e.delete(LARGE_GROUPS, group), null);
    }

    /** The large groups the user is a member of, from the list's bookkeeping: one GetItem. */
    public Set<String> largeGroupsOf(String appId, String userId) {
        Map<String, AttributeValue> meta = table.get(Av.key(userPk(appId, userId), META_SK));
        ListMetaItem item = ConversationRows.map(Schemas.LIST_META, meta);
        return item == null ? Set.of() : item.largeGroupSet();
    }

    /** Applies the change to each member in parallel: one outcome per member, in the order named. */
    private List<MemberOutcome> perMember(MembershipChange change, Consumer<String> apply) {
        return parallel.eachOf(change.userIDs(), apply, MemberOutcome::new);
    }

    /** Nothing to do if the member's list holds the group already (a message may have put it there first). */
    private void joinOne(String appId, String member, MembershipChange join) {
        ConversationId id = join.conversationId();
        Map<String, AttributeValue> key = Av.key(userPk(appId, member), conversationSk(id));
        Joining joining = new Joining(join);
        Attempts.untilDone(attempt -> {
            ConversationItem old = ConversationRows.conversation(table.get(key));
            boolean done;
            if (ConversationRows.isLive(old, clock.millis())) {
                return Attempts.DONE;
            } else if (old != null) {
                done = cap.restartExpired(appId, old, id, joining);
            } else {
                done = cap.create(appId, member, id, joining);
            }
            if (done) {
                return Attempts.DONE;
            }
            return Optional.empty();
        });
    }

    /** Removes the conversation if the list holds it; else records the leave, unless a newer record exists. */
    private void leaveOne(String appId, String member, MembershipChange leave) {
        ConversationId id = leave.conversationId();
        boolean removed = editor.remove(appId, member, id, (item, now) ->
                new Removal(id, RemovalReason.LEFT_GROUP, now, Math.max(item.getLastSeq() == null ? 0 : item.getLastSeq(), leave.seq()))
                        .removing(ConversationRows.version(item)));
        if (!removed) {
            removals.recordLeft(appId, member, id, leave.seq());
        }
    }

    /** A group's conversation the join creates, unless the list's removal record is from after the join. */
    private record Joining(MembershipChange join) implements ListCap.NewConversation {
        @Override
        public boolean admittedAfter(Prior prior) {
            return prior.removal() == null || join.seq() >= prior.floorSeq();
        }

        @Override
        public ConversationItem inSlot(String pk, int slot, Prior prior, long nowMillis, AppSettings app) {
            return ConversationRows.joined(pk, join, slot, prior, nowMillis, app);
        }
    }
}
