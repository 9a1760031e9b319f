package io.convlist.store.list;

import static io.convlist.store.table.Keys.conversationSk;

import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import io.convlist.domain.AppSettings;
import io.convlist.domain.ConversationId;
import io.convlist.domain.ConversationType;
import io.convlist.domain.GroupAtInfo;
import io.convlist.domain.GroupType;
import io.convlist.domain.LastMessage;
import io.convlist.domain.Marks;
import io.convlist.domain.OrderKeys;
import io.convlist.domain.Removal;
import io.convlist.domain.RemovalReason;
import io.convlist.domain.list.StoredConversation;
import io.convlist.domain.message.GroupActivity;
import io.convlist.domain.message.GroupCatchUp;
import io.convlist.domain.message.MembershipChange;
import io.convlist.domain.message.MessageEvent;
import io.convlist.domain.message.MessageRole;
import io.convlist.domain.message.ReadState;
import io.convlist.store.item.ConversationItem;
import io.convlist.store.item.LastMessageItem;
import io.convlist.store.item.RemovalItem;
import io.convlist.store.item.Schemas;
import io.convlist.store.table.Keys;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.enhanced.dynamodb.TableSchema;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** Conversion between conversation items and the domain, at the store's edge. */
public final class ConversationRows {
    private static final long DAY_SECONDS = 86_400;

    private ConversationRows() {
    }

    /** The item of a raw attribute map, or null for none (an absent or empty map). */
    public static <T> T map(TableSchema<T> schema, Map<String, AttributeValue> raw) {
        return raw == null || raw.isEmpty() ? null : schema.mapToItem(raw);
    }

    public static ConversationItem conversation(Map<String, AttributeValue> raw) {
        return map(Schemas.CONVERSATION, raw);
    }

    public static Map<String, AttributeValue> toMap(ConversationItem item) {
        return Schemas.CONVERSATION.itemToMap(item, true);
    }

    static ConversationId toId(ConversationItem item) {
        return new ConversationId(ConversationType.valueOf(item.getType()), item.getTarget());
    }

    public static long expiresAt(ConversationItem item) {
        return item.getExpiresAt() == null ? 0 : item.getExpiresAt();
    }

    /** Expired conversations are gone for every read and write, whether or not TTL deleted them yet. */
    public static boolean isLive(ConversationItem item, long nowMillis) {
        return item != null && expiresAt(item) > nowMillis / 1000;
    }

    /** The TTL value of a change made now: the last change plus the app's retention. */
    public static long expiresAt(long nowMillis, AppSettings app) {
        return nowMillis / 1000 + app.retentionDays() * DAY_SECONDS;
    }

    public static ReadState readState(ConversationItem item) {
        Map<Long, Integer> at = new TreeMap<>();
        if (item.getAtInfo() != null) {
            item.getAtInfo().forEach((seq, type) -> at.put(Long.parseLong(seq), type));
        }
        return new ReadState(orZero(item.getLastSeq()), orZero(item.getReadSeq()),
                Boolean.TRUE.equals(item.getReadExplicit()), at, orZero(item.getRemovedSeq()),
                item.getExcl() == null ? Set.of() : Set.copyOf(item.getExcl()));
    }

    static StoredConversation toStored(ConversationItem item) {
        LastMessage last = toLastMessage(item.getLastMsg());
        List<GroupAtInfo> at = new ArrayList<>();
        if (item.getAtInfo() != null) {
            item.getAtInfo().forEach((seq, type) -> at.add(new GroupAtInfo(Long.parseLong(seq), type)));
            at.sort(Comparator.comparingLong(GroupAtInfo::seq));
        }
        return new StoredConversation(toId(item),
                item.getGroupType() == null ? null : GroupType.parse(item.getGroupType()),
                Math.max(0, orZero(item.getUnread())), item.getRecvOpt() == null ? 0 : item.getRecvOpt(),
                Marks.fromBitValues(item.getMarks()), Base64.getEncoder().encodeToString(bytes(item.getCustomData())),
                item.getGroups() == null ? List.of() : List.copyOf(item.getGroups()), orZero(item.getReadSeq()),
                orZero(item.getReadTime()), last, at,
                item.getDraftText(), item.getDraftTime(), Boolean.TRUE.equals(item.getPinned()), item.getOrderKey(),
                item.getRemark(), orZero(item.getLastChange()), expiresAt(item), version(item));
    }

    public static LastMessageItem lastMessage(MessageEvent m) {
        return lastMessage(new LastMessage(m.msgID(), m.seq(), m.senderID(), m.summary(), m.timestamp(), false));
    }

    public static LastMessage toLastMessage(LastMessageItem lm) {
        return lm == null ? null
                : new LastMessage(lm.getMsgID(), lm.getSeq(), lm.getSenderID(), lm.getSummary(), lm.getTimestamp(),
                        Boolean.TRUE.equals(lm.getIsRecalled()));
    }

    public static AttributeValue lastMessageValue(MessageEvent m) {
        return AttributeValue.fromM(Schemas.LAST_MESSAGE.itemToMap(lastMessage(m), true));
    }

    /**
     * A conversation created by a message, in a slot of its owner's list, with what it inherits from
     * outside the list (remark, the owner's settings for the peer, the point it was removed at).
     */
    public static ConversationItem fresh(String pk, ConversationId id, MessageEvent m, MessageRole role, int slot,
            Prior prior, long nowMillis, AppSettings app) {
        ConversationItem item = newInSlot(pk, id, slot, m.timestamp(), prior, nowMillis, app);
        item.setGroupType(m.groupType() == null ? null : m.groupType().name());
        item.setLastSeq(m.seq());
        item.setLastTime(m.timestamp());
        item.setLastMsg(m.excludedFromLastMessage() ? null : lastMessage(m));
        item.setReadSeq(role.initialReadSeq(m.seq()));
        item.setReadTime(role.sender() ? m.timestamp() : null);
        item.setExcl(role.excluded() ? new HashSet<>(Set.of(m.seq())) : null);
        item.setUnreadBase(role.initialReadSeq(m.seq()) + (role.excluded() ? 1 : 0));
        item.setReadExplicit(role.sender());
        item.setUnread(role.initialUnread() == 0 ? null : (long) role.initialUnread());
        item.setRemovedSeq(prior.floorSeq() == 0 ? null : prior.floorSeq());
        item.setAtInfo(role.atType() == 0 ? new HashMap<>() : new HashMap<>(Map.of(Long.toString(m.seq()), role.atType())));
        if (prior.removal() != null && !role.sender()) {
            countingFrom(item, prior.floorSeq(), prior.removal().droppedExcluded(), prior.removal().droppedMentions());
        }
        return item;
    }

    /**
     * A conversation back in the list counts every message above the point it left at (seqs are
     * contiguous: those that came while it was away count too, as a group's unread is counted by seq),
     * less those excluded from the unread count, with the @-mentions noted while it was away. Nothing
     * changes for a read point set by the owner, or a conversation that counts no unread messages.
     */
    static void countingFrom(ConversationItem item, long floor, Set<Long> excludedMeanwhile, Map<Long, Integer> mentionsMeanwhile) {
        boolean counts = item.getType().equals(ConversationType.C2C.name()) || GroupType.parse(item.getGroupType()).keepsUnreadCount();
        if (Boolean.TRUE.equals(item.getReadExplicit()) || !counts || item.getReadSeq() < floor) {
            return;
        }
        long last = item.getLastSeq();
        Set<Long> excluded = new TreeSet<>(item.getExcl() == null ? Set.of() : item.getExcl());
        excludedMeanwhile.stream().filter(seq -> seq > floor && seq <= last).forEach(excluded::add);
        excluded.removeIf(seq -> seq <= floor);
        long base = floor + excluded.size();
        item.setReadSeq(floor);
        item.setExcl(excluded.isEmpty() ? null : new HashSet<>(excluded));
        item.setUnreadBase(base);
        item.setUnread(last > base ? last - base : null);
        Map<String, Integer> at = new HashMap<>(item.getAtInfo() == null ? Map.of() : item.getAtInfo());
        mentionsMeanwhile.forEach((seq, type) -> {
            if (seq > floor && seq <= last && !excluded.contains(seq)) {
                at.merge(Long.toString(seq), type, (a, b) -> a | b);
            }
        });
        item.setAtInfo(at);
    }

    /**
     * A group's conversation put into a member's list by the join itself: no last message yet, read
     * up to the group's seq at the join (an explicit read point: nothing before it ever counts), and
     * at the top of the unpinned conversations, as the join is its latest activity.
     */
    public static ConversationItem joined(String pk, MembershipChange join, int slot, Prior prior, long nowMillis, AppSettings app) {
        ConversationItem item = newInSlot(pk, join.conversationId(), slot, nowMillis, prior, nowMillis, app);
        item.setGroupType(join.groupType().name());
        item.setLastSeq(join.seq());
        item.setLastTime(nowMillis);
        item.setReadSeq(join.seq());
        item.setUnreadBase(join.seq());
        item.setReadExplicit(true);
        long floor = Math.max(prior.floorSeq(), join.seq());
        item.setRemovedSeq(floor == 0 ? null : floor);
        item.setAtInfo(new HashMap<>());
        return item;
    }

    /**
     * A large group's conversation created (or restarted) by catching up with the group's record:
     * as if every message above the floor had been delivered, its last message the group's, its read
     * point the floor (they all count), read as of the group's last record.
     */
    public static ConversationItem caughtUp(String pk, GroupActivity g, GroupCatchUp.Create plan, int slot, Prior prior, long nowMillis,
            AppSettings app) {
        LastMessage shown = g.lastMessage();
        ConversationItem item = newInSlot(pk, ConversationId.group(g.groupId()), slot, shown.timestamp(), prior, nowMillis, app);
        boolean keepsUnread = g.groupType().keepsUnreadCount();
        item.setGroupType(g.groupType().name());
        item.setLastSeq(g.lastSeq());
        item.setLastTime(g.lastTime());
        item.setLastMsg(lastMessage(shown));
        long floor = Math.max(plan.floorSeq(), prior.floorSeq());
        item.setReadSeq(keepsUnread ? floor : g.lastSeq());
        item.setExcl(plan.excluded().isEmpty() ? null : new HashSet<>(plan.excluded()));
        long base = floor + plan.excluded().size();
        item.setUnreadBase(keepsUnread ? base : g.lastSeq());
        item.setReadExplicit(false);
        item.setUnread(keepsUnread && g.lastSeq() > base ? g.lastSeq() - base : null);
        item.setRemovedSeq(floor == 0 ? null : floor);
        Map<String, Integer> at = new HashMap<>();
        plan.atAll().forEach(seq -> at.put(Long.toString(seq), GroupAtInfo.AT_ALL));
        item.setAtInfo(at);
        if (prior.removal() != null) { // @-mentions by name of messages that came while it was away
            countingFrom(item, floor, prior.removal().droppedExcluded(), prior.removal().droppedMentions());
        }
        return item;
    }

    public static LastMessageItem lastMessage(LastMessage m) {
        LastMessageItem lm = new LastMessageItem();
        lm.setMsgID(m.msgID());
        lm.setSeq(m.seq());
        lm.setSenderID(m.senderID());
        lm.setSummary(m.summary());
        lm.setTimestamp(m.timestamp());
        lm.setIsRecalled(m.isRecalled() ? true : null);
        return lm;
    }

    /** What every new conversation has: its keys, slot and order, the owner's settings and remark, its times. */
    private static ConversationItem newInSlot(String pk, ConversationId id, int slot, long activityMillis, Prior prior,
            long nowMillis, AppSettings app) {
        ConversationItem item = new ConversationItem();
        item.setPk(pk);
        item.setSk(conversationSk(id));
        item.setType(id.type().name());
        item.setTarget(id.targetId());
        item.copySettingsFrom(prior.settings());
        item.setPinned(false);
        item.setSlot(slot);
        item.setOrderBase(OrderKeys.basePart(false, slot));
        item.setOrderKey(OrderKeys.of(false, slot, activityMillis));
        item.setRemark(prior.remarkText());
        item.setLastChange(nowMillis);
        item.setExpiresAt(expiresAt(nowMillis, app));
        item.setVersion(firstVersion(nowMillis, prior.removal() == null ? 0 : orZero(prior.removal().getVersion())));
        return item;
    }

    /**
     * A new conversation's version: above its last removal's (or the expired state it replaces), and
     * never below its creation time in microseconds, so that it is also above every state of a former
     * conversation of that ID whose removal record is gone or not written yet (TTL deletes before its
     * consumer writes the record): such a state is at least a retention old, and a conversation is not
     * written a thousand times a millisecond.
     */
    public static long firstVersion(long nowMillis, long predecessor) {
        return Math.max(predecessor + 1, nowMillis * 1000);
    }

    static Removal toRemoval(RemovalItem item) {
        return new Removal(Keys.conversationOf(item.getSk()), RemovalReason.valueOf(item.getReason()),
                orZero(item.getRemovedAt()), orZero(item.getLastSeq()), Boolean.TRUE.equals(item.getClearMessages()),
                orZero(item.getVersion()));
    }

    /** The record a conversation leaves when it is removed; it expires with the app's retention from now. */
    static Map<String, AttributeValue> removalRecord(String pk, Removal removal, long nowMillis, AppSettings app) {
        RemovalItem item = new RemovalItem();
        item.setPk(pk);
        item.setSk(Keys.removalSk(removal.conversationId()));
        item.setReason(removal.reason().name());
        item.setRemovedAt(removal.timeMillis());
        item.setLastSeq(removal.lastSeq());
        item.setVersion(removal.version());
        item.setClearMessages(removal.clearMessages() ? true : null);
        item.setExpiresAt(expiresAt(nowMillis, app));
        return Schemas.REMOVAL.itemToMap(item, true);
    }

    /** How a stored conversation leaves the list now: evicted, or expired if its retention already ran out. */
    static Removal removalOf(ConversationItem item, RemovalReason reasonIfLive, long nowMillis) {
        boolean expired = !isLive(item, nowMillis);
        return new Removal(toId(item), expired ? RemovalReason.EXPIRED : reasonIfLive,
                expired ? expiresAt(item) * 1000 : nowMillis, orZero(item.getLastSeq())).removing(version(item));
    }

    /** A conversation's version; 0 for one written before versions were kept. */
    public static long version(ConversationItem item) {
        return orZero(item.getVersion());
    }

    public static byte[] bytes(SdkBytes value) {
        return value == null ? new byte[0] : value.asByteArray();
    }

    private static long orZero(Long value) {
        return value == null ? 0 : value;
    }
}
