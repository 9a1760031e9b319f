package io.convlist.store.peer;

import static io.convlist.store.table.Keys.*;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;

import io.convlist.domain.AppSettings;
import io.convlist.domain.ConversationId;
import io.convlist.domain.ErrorCode;
import io.convlist.domain.ItemOutcome;
import io.convlist.domain.Limits;
import io.convlist.domain.ServiceException;
import io.convlist.domain.list.SettingChange;
import io.convlist.store.app.StoreContext;
import io.convlist.store.app.StorePart;
import io.convlist.store.item.ConversationGroupsItem;
import io.convlist.store.item.Schemas;
import io.convlist.store.list.ConversationGroupNames;
import io.convlist.store.list.ConversationRows;
import io.convlist.store.table.Attempts;
import io.convlist.store.table.Av;
import io.convlist.store.table.Expr;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

/**
 * A user's conversation groups: one small item maps names to IDs (at most
 * {@value Limits#CONVERSATION_GROUPS_MAX}, unique names, both held by the item's own conditions).
 * Members hold the group's ID in their settings ({@link PeerSettingsStore}). Every change also
 * rewrites a marker whose expiresAt puts it in the index device sync reads, so devices learn the
 * new list of groups in their next round.
 */
public final class ConversationGroups extends StorePart {
    private final PeerSettingsStore memberships;
    private final PeerSettingsReader members;

    public ConversationGroups(StoreContext context, PeerSettingsStore memberships, PeerSettingsReader members) {
        super(context);
        this.memberships = memberships;
        this.members = members;
    }

    /** Creates a group and puts the conversations in it: one outcome each (the group stays if they cannot join). */
    public List<ItemOutcome> createWith(String appId, String userId, String name, List<ConversationId> ids) {
        String id = register(appId, userPk(appId, userId), name);
        return join(appId, userId, id, ids);
    }

    /** Puts conversations in the named group: one outcome each. */
    public List<ItemOutcome> add(String appId, String userId, String name, List<ConversationId> ids) {
        return join(appId, userId, idOf(userPk(appId, userId), name), ids);
    }

    /** Takes conversations out of the named group (one not in it stays out): one outcome each. */
    public List<ItemOutcome> remove(String appId, String userId, String name, List<ConversationId> ids) {
        memberships.change(appId, userId, ids, new SettingChange.LeaveGroup(idOf(userPk(appId, userId), name)));
        return ids.stream().map(ItemOutcome::ok).toList();
    }

    /** Renames a group; its members' conversations are written again so that devices show the new name. */
    public void rename(String appId, String userId, String oldName, String newName) {
        String id = renameInRegistry(appId, userPk(appId, userId), oldName, newName);
        changeMembers(appId, userId, id, new SettingChange.Refresh());
    }

    /** Deletes a group, then takes its members out of it (their settings items go if that was all they held). */
    public void delete(String appId, String userId, String name) {
        String id = unregister(appId, userPk(appId, userId), name);
        changeMembers(appId, userId, id, new SettingChange.LeaveGroup(id));
    }

    /** The group's names in creation order. */
    public List<String> names(String appId, String userId) {
        return ConversationGroupNames.names(byName(userPk(appId, userId)));
    }

    /**
     * Joining needs a settings item per conversation, so a group can never pass the
     * {@value Limits#PEER_SETTINGS_MAX} settings a user may have: the per-group limit of
     * {@value Limits#CONVERSATION_GROUP_SIZE_MAX} follows from it. At that limit every conversation
     * new to settings fails with SETTINGS_LIMIT_REACHED and none is added.
     */
    private List<ItemOutcome> join(String appId, String userId, String groupId, List<ConversationId> ids) {
        try {
            memberships.change(appId, userId, ids, new SettingChange.JoinGroup(groupId));
            return ids.stream().map(ItemOutcome::ok).toList();
        } catch (ServiceException e) {
            if (e.code() != ErrorCode.SETTINGS_LIMIT_REACHED) {
                throw e;
            }
            return ids.stream().map(id -> new ItemOutcome(id, e.code())).toList();
        }
    }

    private void changeMembers(String appId, String userId, String groupId, SettingChange change) {
        List<ConversationId> ids = members.membersOf(userPk(appId, userId), groupId);
        for (int from = 0; from < ids.size(); from += Limits.ID_LIST_MAX) {
            memberships.change(appId, userId, ids.subList(from, Math.min(ids.size(), from + Limits.ID_LIST_MAX)), change);
        }
    }

    /** Name to ID (one GetItem). */
    public Map<String, String> byName(String pk) {
        return ConversationGroupNames.byName(table.get(ConversationGroupNames.key(pk)));
    }

    /** The group's ID; NOT_FOUND if there is no group of that name. */
    String idOf(String pk, String name) {
        String id = byName(pk).get(name);
        if (id == null) {
            throw notFound(name);
        }
        return id;
    }

    /**
     * Creates an empty group: CONFLICT if the name is taken, GROUP_LIMIT_REACHED at
     * {@value Limits#CONVERSATION_GROUPS_MAX}, both checked by the write's own condition.
     *
     * @return its ID
     */
    private String register(String appId, String pk, String name) {
        return Attempts.untilDone(attempt -> {
            Map<String, AttributeValue> raw = table.get(ConversationGroupNames.key(pk));
            Map<String, String> current = ConversationGroupNames.byName(raw);
            if (current.containsKey(name)) {
                throw new ServiceException(ErrorCode.CONFLICT, "a conversation group named " + name + " exists");
            }
            if (current.size() >= Limits.CONVERSATION_GROUPS_MAX) {
                throw limitReached();
            }
            String id = Long.toString(clock.millis(), 36) + "-" + Integer.toString(ThreadLocalRandom.current().nextInt(1 << 30), 36);
            TransactWriteItem write;
            if (raw == null || raw.isEmpty()) {
                ConversationGroupsItem item = new ConversationGroupsItem();
                item.setPk(pk);
                item.setSk(CONVERSATION_GROUPS_SK);
                item.setByName(new HashMap<>(Map.of(name, id)));
                write = table.txPutNew(Schemas.CONVERSATION_GROUPS.itemToMap(item, true));
            } else {
                Expr e = new Expr();
                String path = e.where("#GROUPS_BY_NAME") + "." + e.n(name);
                e.set(path + e.where(" = :id", "id", id));
                write = table.txUpdate(ConversationGroupNames.key(pk), e, "attribute_not_exists(" + path + ")"
                        + e.where(" AND size(#GROUPS_BY_NAME) < :max", "max", Limits.CONVERSATION_GROUPS_MAX));
            }
            if (commit(appId, pk, write)) {
                return Optional.of(id);
            }
            return Optional.empty();
        });
    }

    /** Renames a group: NOT_FOUND without one of the old name, CONFLICT if the new name is taken. */
    private String renameInRegistry(String appId, String pk, String oldName, String newName) {
        return Attempts.untilDone(attempt -> {
            Map<String, String> current = byName(pk);
            String id = current.get(oldName);
            if (id == null) {
                throw notFound(oldName);
            }
            if (current.containsKey(newName)) {
                throw new ServiceException(ErrorCode.CONFLICT, "a conversation group named " + newName + " exists");
            }
            Expr e = new Expr();
            String oldPath = e.where("#GROUPS_BY_NAME") + "." + e.n(oldName);
            String newPath = e.where("#GROUPS_BY_NAME") + "." + e.n(newName);
            e.removePath(oldPath).set(newPath + e.where(" = :id", "id", id));
            if (commit(appId, pk, table.txUpdate(ConversationGroupNames.key(pk), e, oldPath + e.where(" = :id", "id", id) + " AND attribute_not_exists(" + newPath + ")"))) {
                return Optional.of(id);
            }
            return Optional.empty();
        });
    }

    /** Deletes a group by name (NOT_FOUND if there is none); returns the ID its members hold. */
    private String unregister(String appId, String pk, String name) {
        return Attempts.untilDone(attempt -> {
            String id = idOf(pk, name);
            Expr e = new Expr();
            String path = e.where("#GROUPS_BY_NAME") + "." + e.n(name);
            e.removePath(path);
            if (commit(appId, pk, table.txUpdate(ConversationGroupNames.key(pk), e, path + e.where(" = :id", "id", id)))) {
                return Optional.of(id);
            }
            return Optional.empty();
        });
    }

    /** The change with the sync marker, in one transaction; false if its condition failed (read again). */
    private boolean commit(String appId, String pk, TransactWriteItem change) {
        AppSettings app = settings.cached(appId);
        long now = clock.millis();
        Map<String, AttributeValue> marker = new HashMap<>(Av.key(pk, CONVERSATION_GROUPS_CHANGED_SK));
        marker.put(EXPIRES_AT, Av.n(ConversationRows.expiresAt(now, app)));
        try {
            table.transact(new ArrayList<>(List.of(change, table.txPut(marker))));
            return true;
        } catch (TransactionCanceledException raced) {
            return false;
        }
    }

    public static ServiceException notFound(String name) {
        return new ServiceException(ErrorCode.NOT_FOUND, "no conversation group is named " + name);
    }

    private static ServiceException limitReached() {
        return new ServiceException(ErrorCode.GROUP_LIMIT_REACHED,
                "at most " + Limits.CONVERSATION_GROUPS_MAX + " conversation groups per user");
    }
}
