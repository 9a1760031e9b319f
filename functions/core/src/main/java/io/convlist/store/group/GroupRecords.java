package io.convlist.store.group;

import static io.convlist.store.table.Keys.*;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import io.convlist.domain.GroupMode;
import io.convlist.domain.GroupType;
import io.convlist.domain.LastMessage;
import io.convlist.domain.message.GroupActivity;
import io.convlist.domain.message.MessageEvent;
import io.convlist.store.app.StoreContext;
import io.convlist.store.app.StorePart;
import io.convlist.store.item.Schemas;
import io.convlist.store.list.ConversationRows;
import io.convlist.store.table.Attempts;
import io.convlist.store.table.Av;
import io.convlist.store.table.Expr;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;

/**
 * The group's record of its messages ({@link GroupActivity}), on the group's state item: one
 * conditional UpdateItem per group message in the common case. A message above the recorded seq
 * becomes the group's last; a late one adds only what members must see one by one (excluded from
 * unread counts, @all); the first message after a silence longer than the retention also records
 * that silence, which decides whether a member's conversation expired in it.
 */
public final class GroupRecords extends StorePart {

    public GroupRecords(StoreContext context) {
        super(context);
    }

    /** Records a group message; answers the group's record with it. */
    public GroupActivity record(String appId, MessageEvent m) {
        Map<String, AttributeValue> key = key(appId, m.groupID());
        return Attempts.untilDone(attempt -> {
            long now = clock.millis();
            long quietSince = now - settings.cached(appId).retentionMillis();
            Expr e = oneByOne(inOrder(new Expr(), m, now), m);
            // The group's first message ends the silence since its creation.
            e.set(e.where("#ACTIVE_SINCE = if_not_exists(#ACTIVE_SINCE, :now)", "now", now));
            String condition = e.where("attribute_not_exists(#LAST_SEQ) OR (#LAST_SEQ < :seq AND #RECORDED_AT >= :quietSince)",
                    "seq", m.seq(), "quietSince", quietSince);
            GroupActivity before;
            try {
                return Optional.of(activity(m.groupID(), table.updateReturningNew(key, e, condition)));
            } catch (ConditionalCheckFailedException failed) {
                before = activity(m.groupID(), failed.item());
            }
            if (before.lastSeq() >= m.seq()) {
                Expr late = oneByOne(new Expr(), m);
                return Optional.of(late.update().isEmpty() ? before : activity(m.groupID(), table.updateReturningNew(key, late, null)));
            }
            Expr afterSilence = oneByOne(inOrder(new Expr(), m, now), m).set(SILENT_FROM, Av.n(before.recordedAt()))
                    .set(SILENT_SEQ, Av.n(before.lastSeq())).set(ACTIVE_SINCE, Av.n(now));
            String unchanged = afterSilence.where("#LAST_SEQ = :seq AND #RECORDED_AT = :recordedAt",
                    "seq", before.lastSeq(), "recordedAt", before.recordedAt());
            try {
                return Optional.of(activity(m.groupID(), table.updateReturningNew(key, afterSilence, unchanged)));
            } catch (ConditionalCheckFailedException raced) {
                // another message was recorded meanwhile: decide again
            }
            return Optional.empty();
        });
    }

    /** Puts the group in large-group mode, for good (see GroupMode.MEMBERS). */
    void switchToMembers(String appId, String groupId) {
        Expr e = new Expr().set(GROUP_MODE, Av.s(GroupMode.MEMBERS.name()));
        table.update(key(appId, groupId), e, null);
    }

    /** The group's record as stored (an empty one if the group never had a message or a member). */
    public GroupActivity read(String appId, String groupId) {
        return activity(groupId, table.get(key(appId, groupId)));
    }

    private static Expr inOrder(Expr e, MessageEvent m, long now) {
        e.set(LAST_SEQ, Av.n(m.seq())).set(LAST_TIME, Av.n(m.timestamp())).set(RECORDED_AT, Av.n(now))
                .set(GROUP_TYPE, Av.s(m.groupType().name()));
        if (!m.excludedFromLastMessage()) {
            e.set(LAST_MSG, ConversationRows.lastMessageValue(m));
        }
        return e;
    }

    /** What each member's row must see of this message, whatever its order: its exclusion and its @all (by seq). */
    private static Expr oneByOne(Expr e, MessageEvent m) {
        if (m.excludedFromUnreadCount()) {
            e.add(EXCLUDED, AttributeValue.fromNs(List.of(Long.toString(m.seq()))));
        }
        if (m.atAll()) {
            e.add(AT_ALL, AttributeValue.fromNs(List.of(Long.toString(m.seq()))));
        }
        return e;
    }

    private static Set<Long> seqs(Map<String, AttributeValue> item, String attribute) {
        AttributeValue v = item.get(attribute);
        return v == null ? Set.of() : v.ns().stream().map(Long::parseLong).collect(Collectors.toUnmodifiableSet());
    }

    public static Map<String, AttributeValue> key(String appId, String groupId) {
        return Av.key(groupProfilePk(appId, groupId), GROUP_STATE_SK);
    }

    static GroupActivity activity(String groupId, Map<String, AttributeValue> item) {
        if (item == null || item.isEmpty()) {
            return GroupActivity.none(groupId);
        }
        AttributeValue mode = item.get(GROUP_MODE);
        LastMessage last = ConversationRows.toLastMessage(
                item.containsKey(LAST_MSG) ? Schemas.LAST_MESSAGE.mapToItem(item.get(LAST_MSG).m()) : null);
        AttributeValue type = item.get(GROUP_TYPE);
        return new GroupActivity(groupId, type == null ? null : GroupType.parse(type.s()),
                mode == null ? GroupMode.RECIPIENTS : GroupMode.valueOf(mode.s()),
                Av.num(item, MEMBER_COUNT, 0), Av.num(item, LAST_SEQ, 0), Av.num(item, LAST_TIME, 0), last,
                Av.num(item, RECORDED_AT, 0), seqs(item, EXCLUDED), seqs(item, AT_ALL), Av.num(item, SILENT_FROM, 0), Av.num(item, SILENT_SEQ, 0),
                Av.num(item, ACTIVE_SINCE, 0));
    }
}
