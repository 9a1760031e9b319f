package io.convlist.store.group;

import static io.convlist.store.table.Keys.*;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import io.convlist.domain.AppSettings;
import io.convlist.domain.message.MembershipChange;
import io.convlist.store.app.StoreContext;
import io.convlist.store.app.StorePart;
import io.convlist.store.list.ConversationRows;
import io.convlist.store.table.Attempts;
import io.convlist.store.table.Av;
import io.convlist.store.table.Expr;
import io.convlist.store.table.TableRequests;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

/**
 * Who is a member of a group: one item per member in the group's partition (member or
 * left, and the seq of the last join or leave, which orders them: a change with a lower seq is older
 * and changes nothing), and the group's member count on its state item, moved in the same
 * transactions, so it stays exact under concurrent calls. A leave's item stays for the app's
 * retention (TTL), like a removal record. Members are written up to 99 to a transaction.
 */
public final class MembershipRecords extends StorePart {
    private static final int MEMBERS_PER_TRANSACTION = TableRequests.TRANSACTION_MAX_ITEMS - 1;

    public MembershipRecords(StoreContext context) {
        super(context);
    }

    /**
     * Records the change for each member it names, where no later change is recorded.
     *
     * @return the members whose membership is now the change's (for a join: members now, whether
     *         they were already or not); the others had a later change recorded
     */
    Set<String> apply(String appId, MembershipChange change, boolean joining) {
        Set<String> current = new HashSet<>();
        List<String> members = change.userIDs();
        for (int from = 0; from < members.size(); from += MEMBERS_PER_TRANSACTION) {
            List<String> chunk = members.subList(from, Math.min(members.size(), from + MEMBERS_PER_TRANSACTION));
            current.addAll(applyToChunk(appId, change, joining, chunk));
        }
        return current;
    }

    /** Which of these users are members of the group now; one BatchGetItem per 100. */
    public Set<String> membersAmong(String appId, String groupId, Collection<String> users) {
        Map<String, Map<String, AttributeValue>> got = table.batchGet(users.stream().map(u -> key(appId, u, groupId)).toList());
        Set<String> members = new HashSet<>();
        for (String user : users) {
            Map<String, AttributeValue> item = got.get(TableRequests.keyString(key(appId, user, groupId)));
            if (item != null && Boolean.TRUE.equals(item.get(MEMBER).bool())) {
                members.add(user);
            }
        }
        return members;
    }

    /** Every member of the group now: one Query of the group's member items (per 1 MB). */
    List<String> members(String appId, String groupId) {
        Expr e = new Expr();
        return table.partOfList(groupProfilePk(appId, groupId), MEMBER_SK_PREFIX, e, e.where("#MEMBER = :member", "member", true), SK)
                .stream().map(item -> item.get(SK).s().substring(MEMBER_SK_PREFIX.length())).toList();
    }

    private Set<String> applyToChunk(String appId, MembershipChange change, boolean joining, List<String> chunk) {
        return Attempts.untilDone(attempt -> {
            Map<String, Map<String, AttributeValue>> got = table.batchGet(chunk.stream().map(u -> key(appId, u, change.groupID())).toList());
            AppSettings app = settings.cached(appId);
            long now = clock.millis();
            Set<String> current = new HashSet<>();
            List<TransactWriteItem> tx = new ArrayList<>();
            int delta = 0;
            for (String user : chunk) {
                Map<String, AttributeValue> old = got.get(TableRequests.keyString(key(appId, user, change.groupID())));
                boolean member = old != null && Boolean.TRUE.equals(old.get(MEMBER).bool());
                long seq = Av.num(old, MEMBERSHIP_SEQ, -1);
                if (old != null && seq > change.seq()) {
                    continue; // a later change is recorded: this one is older and changes nothing
                }
                current.add(user);
                if (joining ? member : old != null && !member && seq == change.seq()) {
                    continue; // already so (a repeated call)
                }
                Expr e = new Expr();
                tx.add(table.txPutIf(item(appId, user, change, joining, now, app), e, unchanged(e, old)));
                delta += joining ? 1 : member ? -1 : 0;
            }
            if (tx.isEmpty()) {
                return Optional.of(current);
            }
            if (delta != 0) {
                Expr count = new Expr().add(MEMBER_COUNT, Av.n(delta));
                tx.add(table.txUpdate(GroupRecords.key(appId, change.groupID()), count, null));
            }
            try {
                table.transact(tx);
                return Optional.of(current);
            } catch (TransactionCanceledException raced) {
                // another call changed one of these memberships: read them again
            }
            return Optional.empty();
        });
    }

    private static Map<String, AttributeValue> item(String appId, String user, MembershipChange change, boolean joining, long now,
            AppSettings app) {
        Map<String, AttributeValue> item = new HashMap<>(key(appId, user, change.groupID()));
        item.put(MEMBER, Av.bool(joining));
        item.put(MEMBERSHIP_SEQ, Av.n(change.seq()));
        if (!joining) {
            item.put(EXPIRES_AT, Av.n(ConversationRows.expiresAt(now, app)));
        }
        return item;
    }

    /** The condition that the membership item is still as it was read. */
    private static String unchanged(Expr e, Map<String, AttributeValue> old) {
        return old == null ? e.where("attribute_not_exists(#PK)")
                : e.where("#MEMBER = :member AND #MEMBERSHIP_SEQ = :seq", "member", old.get(MEMBER), "seq", old.get(MEMBERSHIP_SEQ));
    }

    private static Map<String, AttributeValue> key(String appId, String user, String groupId) {
        return Av.key(groupProfilePk(appId, groupId), memberSk(user));
    }
}
