package io.convlist.store.group;

import static io.convlist.store.list.ConversationUpdates.*;
import static io.convlist.store.table.Keys.*;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.convlist.domain.AppSettings;
import io.convlist.domain.ConversationId;
import io.convlist.domain.ConversationType;
import io.convlist.domain.message.GroupActivity;
import io.convlist.domain.message.GroupCatchUp;
import io.convlist.domain.message.ReadState;
import io.convlist.store.app.StoreContext;
import io.convlist.store.app.StorePart;
import io.convlist.store.item.ConversationItem;
import io.convlist.store.item.ListMetaItem;
import io.convlist.store.item.RemovalItem;
import io.convlist.store.item.Schemas;
import io.convlist.store.list.CatchUp;
import io.convlist.store.list.ConversationRows;
import io.convlist.store.list.ListCap;
import io.convlist.store.list.Prior;
import io.convlist.store.table.Av;
import io.convlist.store.table.Expr;
import io.convlist.store.table.TableRequests;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

/**
 * Brings a member's conversations of large groups up to date from the groups' records (see
 * {@link GroupCatchUp} for the rules): one BatchGetItem of the groups' records, the member's
 * conversations and removal records, then a conditional UpdateItem per stale conversation, and a
 * creation under the cap for each one that left the list and has messages since. Each write is
 * made as of the group's last record (a fixed clock at its time). Stale conversations are updated before any
 * is created, so that an eviction chooses by the order every message would have given.
 */
public final class LargeGroupCatchUp extends StorePart implements CatchUp {
    private final ListCap cap;

    public LargeGroupCatchUp(StoreContext context, ListCap cap) {
        super(context);
        this.cap = cap;
    }

    @Override
    public boolean bringUp(String appId, String owner, Collection<String> groupIds) {
        if (groupIds.isEmpty()) {
            return false;
        }
        String pk = userPk(appId, owner);
        return bringUp(appId, owner, groupIds, table.batchGet(keys(appId, pk, groupIds)), Long.MAX_VALUE);
    }

    /**
     * Before a message is written to a member's list (its sender's, or one it names): the group's
     * messages that arrived before it ({@link GroupActivity#before}), so that the list then takes it
     * as recipients mode would have: in order, or late after the later ones. One BatchGetItem, and a
     * write only if the list missed messages since it last took one.
     */
    public void bringUpBefore(String appId, String owner, String groupId, long seq) {
        String pk = userPk(appId, owner);
        bringUp(appId, owner, List.of(groupId), table.batchGet(keys(appId, pk, List.of(groupId))), seq);
    }

    /**
     * Before a change of one conversation that depends on its last message or its life (read
     * points, delete, pin, draft): if it is a large group's, bring it up to date. One BatchGetItem
     * (the list's bookkeeping with the group's record, conversation and removal record) for a group
     * conversation; nothing for a C2C one.
     */
    public void bringUpIfLarge(String appId, String owner, ConversationId id) {
        if (id.type() != ConversationType.GROUP) {
            return;
        }
        String pk = userPk(appId, owner);
        List<Map<String, AttributeValue>> keys = keys(appId, pk, List.of(id.groupId()));
        Map<String, AttributeValue> metaKey = Av.key(pk, META_SK);
        keys.add(metaKey);
        Map<String, Map<String, AttributeValue>> got = table.batchGet(keys);
        ListMetaItem meta = ConversationRows.map(Schemas.LIST_META, got.get(TableRequests.keyString(metaKey)));
        if (meta != null && meta.largeGroupSet().contains(id.groupId())) {
            bringUp(appId, owner, List.of(id.groupId()), got, Long.MAX_VALUE);
        }
    }

    /**
     * After TTL deleted a conversation: a large group's whose group's messages kept it alive (by the
     * rule recipients mode follows, see {@link GroupCatchUp}) goes back whole, in its slot, with the
     * retention those messages give; until then reads skip it. One BatchGetItem and, to put it back,
     * one TransactWriteItems (its slot must still be its own).
     *
     * @return -1 if it was put back (or is back); else the seq its EXPIRED record takes: for a large
     *         group's, the group's last seq (every message came before it expired)
     */
    public long afterTtl(String appId, String owner, ConversationId id, ConversationItem old) {
        long lastSeq = orZero(old.getLastSeq());
        if (id.type() != ConversationType.GROUP) {
            return lastSeq;
        }
        String pk = userPk(appId, owner);
        Map<String, AttributeValue> metaKey = Av.key(pk, META_SK);
        Map<String, AttributeValue> stateKey = GroupRecords.key(appId, id.groupId());
        Map<String, Map<String, AttributeValue>> got = table.batchGet(List.of(metaKey, stateKey));
        ListMetaItem meta = ConversationRows.map(Schemas.LIST_META, got.get(TableRequests.keyString(metaKey)));
        GroupActivity g = GroupRecords.activity(id.groupId(), got.get(TableRequests.keyString(stateKey)));
        if (meta == null || !meta.largeGroupSet().contains(id.groupId())) {
            return lastSeq;
        }
        AppSettings app = settings.cached(appId);
        long touched = Math.max(orZero(old.getLastChange()), g.recordedAt());
        if (touched + app.retentionMillis() <= clock.millis()) {
            return Math.max(lastSeq, g.lastSeq());
        }
        old.setExpiresAt(ConversationRows.expiresAt(touched, app));
        Expr slot = new Expr();
        try {
            Map<String, AttributeValue> back = new HashMap<>(ConversationRows.toMap(old));
            back.put(RESTORED_AT, Av.n(clock.millis())); // put back, not created: the usage counters tell the two apart
            back.put(VERSION, Av.n(ConversationRows.version(old) + 1));
            table.transact(List.of(table.txPutNew(back),
                    table.txConditionCheck(metaKey, slot, slot.where("contains(#SLOTS, :slot)", "slot", (long) old.getSlot()))));
            return -1;
        } catch (TransactionCanceledException taken) {
            return Math.max(lastSeq, g.lastSeq()); // its slot went to another conversation: it expired after all
        }
    }

    /**
     * After TTL deleted a removal record: for a member of a large group, the record goes back with a
     * new retention. In recipients mode a message after the record expired creates the conversation
     * counting from that message; a large group learns of its messages only when its members read, so
     * it keeps the point they count from instead (when no message came while the record stood, the
     * two agree). One BatchGetItem and one conditional PutItem, once per retention.
     */
    public void keepRecord(String appId, String owner, ConversationId id, Map<String, AttributeValue> oldRecord) {
        if (id.type() != ConversationType.GROUP) {
            return;
        }
        String pk = userPk(appId, owner);
        Map<String, AttributeValue> metaKey = Av.key(pk, META_SK);
        ListMetaItem meta = ConversationRows.map(Schemas.LIST_META, table.get(metaKey));
        if (meta == null || !meta.largeGroupSet().contains(id.groupId())) {
            return;
        }
        Map<String, AttributeValue> record = new HashMap<>(oldRecord);
        record.put(EXPIRES_AT, Av.n(ConversationRows.expiresAt(clock.millis(), settings.cached(appId))));
        record.put(RESTORED_AT, Av.n(clock.millis())); // kept, not a new removal (UsageChanges)
        Expr e = new Expr();
        try {
            table.transact(List.of(table.txPutNew(record),
                    table.txConditionCheck(Av.key(pk, conversationSk(id)), e, e.where("attribute_not_exists(#PK)"))));
        } catch (TransactionCanceledException back) {
            // the conversation is back, or a newer record is there: nothing to keep
        }
    }

    private static List<Map<String, AttributeValue>> keys(String appId, String pk, Collection<String> groupIds) {
        List<Map<String, AttributeValue>> keys = new ArrayList<>();
        for (String groupId : groupIds) {
            ConversationId id = ConversationId.group(groupId);
            keys.add(GroupRecords.key(appId, groupId));
            keys.add(Av.key(pk, conversationSk(id)));
            keys.add(Av.key(pk, removalSk(id)));
        }
        return keys;
    }

    /** @param before catch up with the messages that arrived before this seq only (Long.MAX_VALUE: all) */
    private boolean bringUp(String appId, String owner, Collection<String> groupIds, Map<String, Map<String, AttributeValue>> got,
            long before) {
        String pk = userPk(appId, owner);
        AppSettings app = settings.cached(appId);
        long now = clock.millis();
        boolean wrote = false;
        List<Runnable> creations = new ArrayList<>();
        for (String groupId : groupIds) {
            ConversationId id = ConversationId.group(groupId);
            GroupActivity g = GroupRecords.activity(groupId, got.get(TableRequests.keyString(GroupRecords.key(appId, groupId))))
                    .before(before);
            if (g.lastSeq() == 0 || g.groupType() == null) {
                continue;
            }
            ConversationItem row = ConversationRows.conversation(got.get(TableRequests.keyString(Av.key(pk, conversationSk(id)))));
            RemovalItem removal = ConversationRows.map(Schemas.REMOVAL, got.get(TableRequests.keyString(Av.key(pk, removalSk(id)))));
            GroupCatchUp.Step step = GroupCatchUp.plan(row == null ? null
                    : new GroupCatchUp.Row(ConversationRows.readState(row), orZero(row.getLastChange())),
                    removal == null ? null : orZero(removal.getLastSeq()), g, g.groupType().keepsUnreadCount(), now, app.retentionMillis());
            if (step instanceof GroupCatchUp.Update update) {
                update(row, g, update, app);
                wrote = true; // written, or changed meanwhile by another writer: either way the caller reads again
            } else if (step instanceof GroupCatchUp.Create create) {
                Clock asRecorded = Clock.fixed(Instant.ofEpochMilli(g.recordedAt()), ZoneOffset.UTC);
                creations.add(() -> {
                    if (create.restart()) {
                        cap.restartExpired(appId, row, id, new CaughtUp(g, create), asRecorded);
                    } else {
                        cap.create(appId, owner, id, new CaughtUp(g, create), asRecorded);
                    }
                });
                wrote = true;
            }
        }
        creations.forEach(Runnable::run);
        return wrote;
    }

    /** The row's read state and last message as planned, on the condition that the row is as read. */
    private void update(ConversationItem row, GroupActivity g, GroupCatchUp.Update plan, AppSettings app) {
        Expr e = new Expr();
        long at = Math.max(orZero(row.getLastChange()), g.recordedAt());
        ReadState read = plan.read();
        if (g.lastSeq() > orZero(row.getLastSeq())) {
            e.set(LAST_SEQ, Av.n(g.lastSeq())).set(LAST_TIME, Av.n(g.lastTime()));
        }
        if (plan.showLast()) {
            e.set(LAST_MSG, AttributeValue.fromM(Schemas.LAST_MESSAGE.itemToMap(ConversationRows.lastMessage(g.lastMessage()), true)));
            activity(e, g.lastMessage().timestamp());
        }
        e.set(LAST_CHANGE, Av.n(at)).set(EXPIRES_AT, Av.n(ConversationRows.expiresAt(at, app))).add(VERSION, Av.n(1));
        if (g.groupType().keepsUnreadCount()) {
            e.set(READ_SEQ, Av.n(read.readSeq())).set(READ_EXPLICIT, Av.bool(read.explicit())).set(UNREAD_BASE, Av.n(read.unreadBase()));
            if (read.unread() == 0) {
                e.remove(UNREAD);
            } else {
                e.set(UNREAD, Av.n(read.unread()));
            }
            Map<String, AttributeValue> mentions = new HashMap<>();
            read.atInfo().forEach((seq, type) -> mentions.put(Long.toString(seq), Av.n(type)));
            e.set(AT_INFO, AttributeValue.fromM(mentions));
            if (read.excluded().isEmpty()) {
                e.remove(EXCLUDED);
            } else {
                e.set(EXCLUDED, AttributeValue.fromNs(read.excluded().stream().map(String::valueOf).toList()));
            }
        }
        String condition = e.where("attribute_exists(#PK)") + " AND " + unchangedReadState(e, ConversationRows.readState(row))
                + e.where(" AND #LAST_CHANGE = :lastChange", "lastChange", orZero(row.getLastChange()));
        try {
            table.update(Av.key(row.getPk(), row.getSk()), e, condition);
        } catch (ConditionalCheckFailedException raced) {
            // changed meanwhile: the caller reads again, and the next catch-up starts from there
        }
    }

    /** A large group's conversation created from its record, above the removal point. */
    private record CaughtUp(GroupActivity g, GroupCatchUp.Create plan) implements ListCap.NewConversation {
        @Override
        public boolean admittedAfter(Prior prior) {
            return g.lastMessage() != null && g.lastMessage().seq() > prior.floorSeq();
        }

        @Override
        public ConversationItem inSlot(String pk, int slot, Prior prior, long nowMillis, AppSettings app) {
            return ConversationRows.caughtUp(pk, g, plan, slot, prior, nowMillis, app);
        }

        @Override
        public boolean catchingUp() {
            return true;
        }
    }

    private static long orZero(Long value) {
        return value == null ? 0 : value;
    }
}
