package io.convlist.store.peer;

import static io.convlist.store.list.ConversationUpdates.*;
import static io.convlist.store.table.Keys.*;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;

import io.convlist.domain.AppSettings;
import io.convlist.domain.ConversationId;
import io.convlist.domain.ErrorCode;
import io.convlist.domain.Limits;
import io.convlist.domain.ServiceException;
import io.convlist.domain.list.SettingChange;
import io.convlist.store.app.StoreContext;
import io.convlist.store.app.StorePart;
import io.convlist.store.item.ListMetaItem;
import io.convlist.store.item.PeerSettingsItem;
import io.convlist.store.item.Schemas;
import io.convlist.store.item.SettingsFields;
import io.convlist.store.list.ConversationRows;
import io.convlist.store.table.Attempts;
import io.convlist.store.table.Av;
import io.convlist.store.table.Expr;
import io.convlist.store.table.TableRequests;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

/**
 * A user's settings for peers and groups (receive option, marks, custom data, conversation groups),
 * in items of their own outside the capped list: they survive the conversation's deletion, eviction
 * and expiry, can be set for a peer not in the list, and a conversation copies them when it is
 * created. At most {@value Limits#PEER_SETTINGS_MAX} per user, counted on the list's bookkeeping item
 * in the same transaction that adds or removes one; an item that comes to hold nothing goes.
 */
public final class PeerSettingsStore extends StorePart {

    public PeerSettingsStore(StoreContext context) {
        super(context);
    }

    /**
     * Applies one change to the settings of each peer or group named, then copies each resulting
     * state onto its conversation if it is in the list. Settings that are new are added in one
     * transaction with their count, conditioned on the cap ({@value Limits#PEER_SETTINGS_MAX}), so a
     * request that would pass it writes nothing, also when callers race (one BatchGetItem first tells
     * new from existing, and refuses early). Existing ones are changed conditioned on their version;
     * one removed meanwhile is read and changed again.
     *
     * @return the IDs whose conversation is not in the list (their settings are stored all the same)
     */
    public List<ConversationId> change(String appId, String userId, List<ConversationId> ids, SettingChange change) {
        String pk = userPk(appId, userId);
        Map<ConversationId, SettingsFields> states = new ConcurrentHashMap<>();
        if (!ids.isEmpty()) {
            AtomicReference<List<ConversationId>> pending = new AtomicReference<>(ids);
            Attempts.untilDone(attempt -> {
                pending.set(changeOnce(pk, pending.get(), change, states));
                return pending.get().isEmpty() ? Attempts.DONE : Optional.empty();
            });
        }
        return copyOntoConversations(appId, pk, ids, states);
    }

    /** One attempt over {@code ids}; returns those another caller added or removed meanwhile, to do again. */
    private List<ConversationId> changeOnce(String pk, List<ConversationId> ids, SettingChange change,
            Map<ConversationId, SettingsFields> states) {
        Map<String, AttributeValue> metaKey = Av.key(pk, META_SK);
        List<Map<String, AttributeValue>> keys = new ArrayList<>(List.of(metaKey));
        ids.forEach(id -> keys.add(settingsKey(pk, id)));
        Map<String, Map<String, AttributeValue>> got = table.batchGet(keys);
        ListMetaItem meta = ConversationRows.map(Schemas.LIST_META, got.get(TableRequests.keyString(metaKey)));
        long count = meta == null || meta.getSettingsCount() == null ? 0 : meta.getSettingsCount();
        List<ConversationId> added = new ArrayList<>();
        List<ConversationId> existing = new ArrayList<>();
        for (ConversationId id : ids) {
            if (got.containsKey(TableRequests.keyString(settingsKey(pk, id)))) {
                existing.add(id);
            } else if (change.clearsOnly()) {
                states.put(id, newItem(pk, id, null)); // nothing stored: no version to copy
            } else {
                added.add(id);
            }
        }
        if (count + added.size() > Limits.PEER_SETTINGS_MAX) {
            throw limitReached();
        }
        if (!added.isEmpty() && !addAll(pk, added, change, states)) {
            return ids; // one of them appeared meanwhile: read again
        }
        List<ConversationId> raced = Collections.synchronizedList(new ArrayList<>());
        List<Runnable> writes = new ArrayList<>();
        existing.forEach(id -> writes.add(() -> {
            SettingsFields after = changeExisting(pk, id, change);
            if (after == null) {
                raced.add(id);
            } else {
                states.put(id, after);
            }
        }));
        parallel.runAll(writes);
        return List.copyOf(raced);
    }

    /**
     * Adds new settings with their count, in transactions of at most 99 settings (DynamoDB's limit is
     * 100 items): the first carries the count of all of them and the cap's condition, so only a
     * request of 100 new IDs takes two, and a later one that fails gives its part of the count back.
     *
     * @return false if one of them was added by another caller meanwhile
     */
    private boolean addAll(String pk, List<ConversationId> added, SettingChange change, Map<ConversationId, SettingsFields> states) {
        int chunk = TableRequests.TRANSACTION_MAX_ITEMS - 1;
        for (int from = 0; from < added.size(); from += chunk) {
            List<ConversationId> part = added.subList(from, Math.min(added.size(), from + chunk));
            List<TransactWriteItem> tx = new ArrayList<>();
            Map<ConversationId, PeerSettingsItem> items = new LinkedHashMap<>();
            for (ConversationId id : part) {
                PeerSettingsItem item = newItem(pk, id, firstVersion());
                SettingWrites.apply(item, change);
                items.put(id, item);
                tx.add(table.txPutNew(Schemas.PEER_SETTINGS.itemToMap(item, true)));
            }
            if (from == 0) {
                tx.add(countSettings(pk, added.size()));
            }
            try {
                table.transact(tx);
                states.putAll(items);
            } catch (TransactionCanceledException cancelled) {
                if (from == 0 && TableRequests.failedAt(cancelled, part.size())) {
                    throw limitReached();
                }
                if (from > 0) {
                    table.transact(List.of(countSettings(pk, -(added.size() - from))));
                }
                return false;
            }
        }
        return true;
    }

    /**
     * Changes an existing settings item, counting its version up in the same update (one item's
     * update is atomic, so concurrent changes neither conflict nor share a version), and removes it
     * (uncounting it) if it now holds nothing.
     *
     * @return the settings after the change, or null if another caller removed them meanwhile
     */
    private SettingsFields changeExisting(String pk, ConversationId id, SettingChange change) {
        Expr e = SettingWrites.apply(new Expr(), change).add(SETTINGS_VER, Av.n(1));
        PeerSettingsItem after;
        try {
            after = Schemas.PEER_SETTINGS.mapToItem(table.updateReturningNew(settingsKey(pk, id), e, e.where("attribute_exists(#PK)")));
        } catch (ConditionalCheckFailedException removed) {
            return null;
        }
        if (after.holdsNothing()) {
            try {
                table.transact(List.of(deleteIfVersion(pk, id, after.getSettingsVer()), countSettings(pk, -1)));
            } catch (TransactionCanceledException changedAgain) {
                // another caller set something meanwhile: its newer state stands, and it copies it
            }
        }
        return after;
    }

    /** Copies each state onto its conversation; returns the IDs not in the list. */
    private List<ConversationId> copyOntoConversations(String appId, String pk, List<ConversationId> ids,
            Map<ConversationId, SettingsFields> states) {
        AppSettings app = settings.cached(appId);
        List<ConversationId> notInList = Collections.synchronizedList(new ArrayList<>());
        parallel.runAll(ids.stream().<Runnable>map(id -> () -> {
            if (!copyOntoConversation(pk, id, states.get(id), app)) {
                notInList.add(id);
            }
        }).toList());
        return ids.stream().filter(notInList::contains).toList();
    }

    /**
     * The conversation shows the state at once, unless it shows a newer one already (the version
     * decides, whatever order concurrent changes land in); false if it is not in the list. A state
     * without a version (nothing stored) only clears a conversation that never copied any settings.
     */
    private boolean copyOntoConversation(String pk, ConversationId id, SettingsFields state, AppSettings app) {
        long now = clock.millis();
        Expr e = SettingWrites.copy(new Expr(), state);
        String newer = state.getSettingsVer() == null ? e.where("attribute_not_exists(#SETTINGS_VER)")
                : e.where("(attribute_not_exists(#SETTINGS_VER) OR #SETTINGS_VER < :version)", "version", state.getSettingsVer());
        String condition = liveCondition(e, now) + " AND " + newer;
        if (state.getSettingsVer() != null) {
            touch(e, now, app);
        }
        try {
            table.update(Av.key(pk, conversationSk(id)), e, condition);
            return true;
        } catch (ConditionalCheckFailedException failed) {
            return ConversationRows.isLive(ConversationRows.conversation(failed.hasItem() ? failed.item() : null), now);
        }
    }

    /**
     * Versions count up by one with every change and start from the clock in microseconds, so a
     * settings item removed and added again later starts above any version its conversation copied
     * (unless the old one saw more than a thousand changes per millisecond of its life).
     */
    private long firstVersion() {
        return clock.millis() * 1000;
    }

    private static PeerSettingsItem newItem(String pk, ConversationId id, Long version) {
        PeerSettingsItem item = new PeerSettingsItem();
        item.setPk(pk);
        item.setSk(peerSettingsSk(id));
        item.setSettingsVer(version);
        return item;
    }

    private static Map<String, AttributeValue> settingsKey(String pk, ConversationId id) {
        return Av.key(pk, peerSettingsSk(id));
    }

    private TransactWriteItem deleteIfVersion(String pk, ConversationId id, long version) {
        Expr e = new Expr();
        return table.txDeleteIf(settingsKey(pk, id), e, e.where("#SETTINGS_VER = :version", "version", version));
    }

    /** Counts settings in or out; counting in is conditioned on the cap holding after it. */
    private TransactWriteItem countSettings(String pk, int delta) {
        Expr e = new Expr();
        e.add(SETTINGS_COUNT, Av.n(delta));
        String condition = delta > 0
                ? e.where("attribute_not_exists(#SETTINGS_COUNT) OR #SETTINGS_COUNT <= :room", "room", Limits.PEER_SETTINGS_MAX - delta)
                : null;
        return table.txUpdate(Av.key(pk, META_SK), e, condition);
    }

    private static ServiceException limitReached() {
        return new ServiceException(ErrorCode.SETTINGS_LIMIT_REACHED,
                "at most " + Limits.PEER_SETTINGS_MAX + " peers and groups can have settings");
    }
}
