package io.convlist.store.message;

import static io.convlist.store.list.ConversationUpdates.*;
import static io.convlist.store.table.Keys.*;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import io.convlist.domain.AppSettings;
import io.convlist.domain.ConversationId;
import io.convlist.domain.ConversationType;
import io.convlist.domain.message.GroupActivity;
import io.convlist.domain.message.MessageEvent;
import io.convlist.domain.message.MessageRole;
import io.convlist.domain.message.ReadState;
import io.convlist.store.app.StoreContext;
import io.convlist.store.app.StorePart;
import io.convlist.store.group.GroupRecords;
import io.convlist.store.group.LargeGroupCatchUp;
import io.convlist.store.group.MembershipRecords;
import io.convlist.store.item.ConversationItem;
import io.convlist.store.list.ConversationRows;
import io.convlist.store.list.ListCap;
import io.convlist.store.list.Prior;
import io.convlist.store.table.Attempts;
import io.convlist.store.table.Av;
import io.convlist.store.table.Expr;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;

/**
 * Records messages in the lists of their sender and recipients. The common case, a message into an
 * existing conversation, is one conditional UpdateItem per affected list and reads nothing; its
 * failed condition returns the old item, which tells the other paths apart: a missing conversation
 * is created under the cap ({@link ListCap}), an expired one starts afresh in its slot, and a
 * duplicate or late message changes only what the read rules ({@link ReadState}) say.
 */
public final class MessageRecorder extends StorePart {
    private final ListCap cap;
    private final GroupRecords groups;
    private final MembershipRecords memberships;
    private final LargeGroupCatchUp catchUp;

    public MessageRecorder(StoreContext context, ListCap cap, GroupRecords groups, MembershipRecords memberships,
            LargeGroupCatchUp catchUp) {
        super(context);
        this.groups = groups;
        this.memberships = memberships;
        this.catchUp = catchUp;
        this.cap = cap;
    }

    /**
     * Records one message in the sender's and every recipient's list, the writes running in
     * parallel (a group message first on the group's own record, {@link GroupRecords}). Each write is idempotent and independent of arrival order, so a partial failure is
     * healed by the pipeline's redelivery.
     */
    public void record(String appId, MessageEvent m) {
        m.notAheadOf(clock.millis());
        List<Runnable> writes = new ArrayList<>();
        if (m.type() == ConversationType.C2C) {
            writes.add(() -> apply(appId, m.senderID(), ConversationId.c2c(m.receiverID()), m, MessageRole.SENDER));
            writes.add(() -> apply(appId, m.receiverID(), ConversationId.c2c(m.senderID()), m,
                    MessageRole.recipientOf(m, m.receiverID())));
        } else {
            GroupActivity g = groups.record(appId, m);
            ConversationId group = ConversationId.group(m.groupID());
            if (g.large()) {
                // Only the lists that need something of their own: the sender's and those of the members
                // @-mentioned by name, each first taking what the group recorded before this message arrived
                // (below it, which may not be shown, and above it if it is late); the others catch up when read.
                Set<String> lists = new HashSet<>(Set.of(m.senderID()));
                Set<String> named = new HashSet<>(m.atUserList());
                named.remove(m.senderID());
                lists.addAll(named.isEmpty() ? Set.of() : memberships.membersAmong(appId, m.groupID(), named));
                for (String owner : lists) {
                    MessageRole role = owner.equals(m.senderID()) ? MessageRole.SENDER : MessageRole.recipientOf(m, owner);
                    writes.add(() -> {
                        catchUp.bringUpBefore(appId, owner, m.groupID(), m.seq());
                        apply(appId, owner, group, m, role);
                    });
                }
            } else {
                writes.add(() -> apply(appId, m.senderID(), group, m, MessageRole.SENDER));
                for (String member : m.recipients()) {
                    writes.add(() -> apply(appId, member, group, m, MessageRole.recipientOf(m, member)));
                }
            }
        }
        parallel.runAll(writes);
    }

    private void apply(String appId, String owner, ConversationId id, MessageEvent m, MessageRole role) {
        Map<String, AttributeValue> key = Av.key(userPk(appId, owner), conversationSk(id));
        Attempts.untilDone(attempt -> {
            AppSettings app = settings.cached(appId);
            long now = clock.millis();
            ConversationItem old;
            Expr e = new Expr();
            String condition = liveCondition(e, now) + e.where(" AND #LAST_SEQ < :seq", "seq", m.seq());
            if (role.excluded()) {
                condition += e.where(" AND #READ_SEQ < :seq", "seq", m.seq()); // else it is read already: see below
            }
            try {
                table.update(key, inOrder(e, m, role, now, app), condition);
                return Attempts.DONE;
            } catch (ConditionalCheckFailedException failed) {
                old = ConversationRows.conversation(failed.hasItem() ? failed.item() : null);
            }
            boolean done;
            if (!ConversationRows.isLive(old, now) && m.excludedFromLastMessage()) {
                // Such a message never creates (or restarts) a conversation; what it means one by one is kept for when it is back.
                done = keepWhileAway(appId, owner, id, old, m, role, now);
            } else if (old == null) {
                done = cap.create(appId, owner, id, new Creation(id, m, role));
            } else if (!ConversationRows.isLive(old, now)) {
                done = restartExpired(appId, old, id, m, role);
            } else if (old.getLastSeq() < m.seq()) {
                done = inOrderReadAlready(key, m, role, app);
            } else {
                done = applyLate(key, old, m, role, app);
            }
            if (done) {
                return Attempts.DONE;
            }
            return Optional.empty();
        });
    }

    /**
     * A message that arrived while the conversation was away (removed, or expired) and does not bring it
     * back: if it is excluded from the unread count or mentions the owner, that is noted on the removal
     * record (or on the expired conversation), for when the conversation comes back ({@link
     * ConversationRows#countingFrom}). Nothing to note, or nowhere to note it (no record): nothing to do.
     *
     * @return false if the conversation or its record changed meanwhile (the caller starts over)
     */
    private boolean keepWhileAway(String appId, String owner, ConversationId id, ConversationItem old, MessageEvent m,
            MessageRole role, long now) {
        if (!role.excluded() && role.atType() == 0) {
            return true;
        }
        Expr e = new Expr();
        String condition;
        Map<String, AttributeValue> key;
        if (old != null) {
            key = Av.key(old.getPk(), old.getSk());
            condition = e.where("attribute_exists(#PK) AND #EXPIRES_AT <= :now", "now", now / 1000);
            if (role.excluded()) {
                e.add(EXCLUDED, AttributeValue.fromNs(List.of(Long.toString(m.seq()))));
            } else {
                addAt(e, m.seq(), role.atType() | ConversationRows.readState(old).atInfo().getOrDefault(m.seq(), 0));
            }
        } else {
            key = Av.key(userPk(appId, owner), removalSk(id));
            condition = e.where("attribute_exists(#PK)");
            if (role.excluded()) {
                e.add(DROPPED_EXCLUDED, AttributeValue.fromNs(List.of(Long.toString(m.seq()))));
            } else {
                e.add(DROPPED_AT, AttributeValue.fromSs(List.of(m.seq() + ":" + role.atType())));
            }
        }
        try {
            table.update(key, e, condition);
            return true;
        } catch (ConditionalCheckFailedException changed) {
            return old == null && !changed.hasItem(); // no record to note it on: a conversation never seen
        }
    }

    /** A message above the stored last one: it becomes the last message and moves the conversation up. */
    private static Expr inOrder(Expr e, MessageEvent m, MessageRole role, long now, AppSettings app) {
        e.set(LAST_SEQ, Av.n(m.seq())).set(LAST_TIME, Av.n(m.timestamp()));
        if (!m.excludedFromLastMessage()) {
            e.set(LAST_MSG, ConversationRows.lastMessageValue(m));
            activity(e, m.timestamp());
        }
        touch(e, now, app);
        if (role.sender()) {
            readThrough(e, m.seq(), e.where(":time", "time", m.timestamp()));
        } else if (role.excluded()) {
            // Counts nothing: the base moves up with it (one more excluded above the read point).
            e.set(e.where("#UNREAD = :before - if_not_exists(#UNREAD_BASE, #READ_SEQ)", "before", m.seq() - 1))
                    .set(e.where("#UNREAD_BASE = if_not_exists(#UNREAD_BASE, #READ_SEQ) + :one", "one", 1))
                    .add(EXCLUDED, AttributeValue.fromNs(List.of(Long.toString(m.seq()))));
        } else if (role.keepsUnread()) {
            e.set(unreadAt(e, m.seq()));
        }
        if (role.atType() != 0) {
            addAt(e, m.seq(), role.atType());
        }
        return e;
    }

    /**
     * A newer message excluded from the unread count at or below a read point set ahead of it: it is
     * the last message, and there is nothing to exclude (it is read).
     */
    private boolean inOrderReadAlready(Map<String, AttributeValue> key, MessageEvent m, MessageRole role, AppSettings app) {
        long now = clock.millis();
        Expr e = new Expr();
        String condition = liveCondition(e, now) + e.where(" AND #LAST_SEQ < :seq AND #READ_SEQ >= :seq", "seq", m.seq());
        try {
            table.update(key, inOrder(e, m, role.counted(), now, app), condition);
            return true;
        } catch (ConditionalCheckFailedException raced) {
            return false;
        }
    }

    /** A duplicate or late message: only what the read rules say changes, if the read state is still as read. */
    private boolean applyLate(Map<String, AttributeValue> key, ConversationItem old, MessageEvent m, MessageRole role,
            AppSettings app) {
        long now = clock.millis();
        ReadState read = ConversationRows.readState(old);
        Optional<ReadState.Update> update = read.lateMessage(m.seq(), role);
        if (update.isEmpty()) {
            return true;
        }
        Expr e = touch(applyRead(new Expr(), update.get()), now, app);
        String condition = liveCondition(e, now) + " AND " + unchangedReadState(e, read);
        try {
            table.update(key, e, condition);
            return true;
        } catch (ConditionalCheckFailedException raced) {
            return false;
        }
    }

    /** A conversation created by this message, if the message is newer than the conversation's removal. */
    private record Creation(ConversationId id, MessageEvent m, MessageRole role) implements ListCap.NewConversation {
        @Override
        public boolean admittedAfter(Prior prior) {
            return prior.removal() == null || prior.toRemoval().admits(m.seq());
        }

        @Override
        public ConversationItem inSlot(String pk, int slot, Prior prior, long nowMillis, AppSettings app) {
            return ConversationRows.fresh(pk, id, m, role, slot, prior, nowMillis, app);
        }
    }

    /**
     * An expired conversation (not yet deleted by TTL) that gets a newer message starts afresh in its
     * slot ({@link ListCap#restartExpired}); an older message is from before the expiry and changes nothing.
     */
    private boolean restartExpired(String appId, ConversationItem old, ConversationId id, MessageEvent m, MessageRole role) {
        return m.seq() <= old.getLastSeq() || cap.restartExpired(appId, old, id, new Creation(id, m, role));
    }
}
