package io.convlist.store.list;

import static io.convlist.store.table.Keys.*;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.convlist.domain.ConversationId;
import io.convlist.domain.ConversationType;
import io.convlist.domain.Removal;
import io.convlist.store.item.PeerSettingsItem;
import io.convlist.store.item.RemarkItem;
import io.convlist.store.item.RemovalItem;
import io.convlist.store.item.Schemas;
import io.convlist.store.table.Av;
import io.convlist.store.table.Expr;
import io.convlist.store.table.TableRequests;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;

/**
 * What a conversation being created inherits from outside the capped list: the owner's remark for
 * the peer, the owner's settings for the peer or group, and the removal record if the conversation
 * left the list before. Read in the same BatchGetItem as the list's bookkeeping; the creating
 * transaction checks the settings are unchanged and deletes the record.
 */
public record Prior(ConversationId id, String pk, RemarkItem remark, PeerSettingsItem settings, RemovalItem removal) {

    /** The keys to read for a conversation of this owner. */
    static List<Map<String, AttributeValue>> keys(String pk, ConversationId id) {
        List<Map<String, AttributeValue>> keys = new ArrayList<>(List.of(Av.key(pk, peerSettingsSk(id)), Av.key(pk, removalSk(id))));
        if (id.type() == ConversationType.C2C) {
            keys.add(Av.key(pk, remarkSk(id.targetId())));
        }
        return keys;
    }

    static Prior of(String pk, ConversationId id, Map<String, Map<String, AttributeValue>> got) {
        return new Prior(id, pk,
                ConversationRows.map(Schemas.REMARK, got.get(TableRequests.keyString(Av.key(pk, remarkSk(id.targetId()))))),
                ConversationRows.map(Schemas.PEER_SETTINGS, got.get(TableRequests.keyString(Av.key(pk, peerSettingsSk(id))))),
                ConversationRows.map(Schemas.REMOVAL, got.get(TableRequests.keyString(Av.key(pk, removalSk(id))))));
    }

    String remarkText() {
        return remark == null ? null : remark.getRemark();
    }

    /** The removal point a new conversation starts above; 0 if it never left the list (within retention). */
    public long floorSeq() {
        return removal == null || removal.getLastSeq() == null ? 0 : removal.getLastSeq();
    }

    public Removal toRemoval() {
        return removal == null ? null : ConversationRows.toRemoval(removal);
    }

    /**
     * The creating transaction's items besides the conversation: the settings it copied must be
     * unchanged (a concurrent change then updates the conversation, or this creation starts over),
     * and the removal record, if any, goes: the conversation is back.
     */
    List<TransactWriteItem> transactionItems(TableRequests table) {
        List<TransactWriteItem> items = new ArrayList<>();
        Expr e = new Expr();
        String unchanged = settings == null ? e.where("attribute_not_exists(#PK)")
                : settings.getSettingsVer() == null ? e.where("attribute_exists(#PK) AND attribute_not_exists(#SETTINGS_VER)")
                : e.where("#SETTINGS_VER = :version", "version", settings.getSettingsVer());
        items.add(table.txConditionCheck(Av.key(pk, peerSettingsSk(id)), e, unchanged));
        if (removal != null) {
            Expr r = new Expr();
            String same = r.where("#REMOVED_AT = :removedAt", "removedAt", removal.getRemovedAt());
            items.add(table.txDeleteIf(Av.key(pk, removalSk(id)), r, same));
        }
        return items;
    }
}
