package io.convlist.store.peer;

import static io.convlist.store.table.Keys.*;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import io.convlist.domain.ConversationId;
import io.convlist.domain.Marks;
import io.convlist.domain.list.PeerSetting;
import io.convlist.store.item.PeerSettingsItem;
import io.convlist.store.item.Schemas;
import io.convlist.store.list.ConversationGroupNames;
import io.convlist.store.list.ConversationRows;
import io.convlist.store.table.Av;
import io.convlist.store.table.Expr;
import io.convlist.store.table.Keys;
import io.convlist.store.table.TableRequests;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** Reads of a user's settings per peer and group (written by {@link PeerSettingsStore}), with group names resolved. */
public final class PeerSettingsReader {
    private final TableRequests table;

    public PeerSettingsReader(TableRequests table) {
        this.table = table;
    }

    /** The settings for each peer or group named (defaults where none are set), in the order asked: one BatchGetItem. */
    public List<PeerSetting> get(String appId, String userId, List<ConversationId> ids) {
        String pk = userPk(appId, userId);
        List<Map<String, AttributeValue>> keys = new ArrayList<>(List.of(ConversationGroupNames.key(pk)));
        ids.forEach(id -> keys.add(Av.key(pk, peerSettingsSk(id))));
        Map<String, Map<String, AttributeValue>> got = table.batchGet(keys);
        Map<String, String> groupNames = ConversationGroupNames.namesById(got.get(TableRequests.keyString(ConversationGroupNames.key(pk))));
        return ids.stream().map(id -> toSetting(id,
                ConversationRows.map(Schemas.PEER_SETTINGS, got.get(TableRequests.keyString(Av.key(pk, peerSettingsSk(id))))), groupNames)).toList();
    }

    /** Every setting the user has, for operators (one Query and one GetItem for the groups' names). */
    public List<PeerSetting> list(String appId, String userId) {
        String pk = userPk(appId, userId);
        Map<String, String> groupNames = ConversationGroupNames.namesById(table.get(ConversationGroupNames.key(pk)));
        return table.partOfList(pk, PEER_SETTINGS_SK_PREFIX, new Expr(), null).stream().map(raw -> ConversationRows.map(Schemas.PEER_SETTINGS, raw))
                .map(item -> toSetting(Keys.conversationOf(item.getSk()), item, groupNames)).toList();
    }

    /** The conversations whose settings hold this conversation group (one Query of the settings items, filtered). */
    List<ConversationId> membersOf(String pk, String groupId) {
        Expr e = new Expr();
        return table.partOfList(pk, PEER_SETTINGS_SK_PREFIX, e, e.where("contains(#GROUPS, :group)", "group", groupId), SK).stream().map(raw -> Keys.conversationOf(raw.get(SK).s())).toList();
    }

    private static PeerSetting toSetting(ConversationId id, PeerSettingsItem item, Map<String, String> groupNames) {
        if (item == null) {
            return PeerSetting.none(id);
        }
        List<String> groups = item.getGroups() == null ? List.of()
                : item.getGroups().stream().map(groupNames::get).filter(Objects::nonNull).sorted().toList();
        return new PeerSetting(id, item.getRecvOpt() == null ? 0 : item.getRecvOpt(), Marks.fromBitValues(item.getMarks()),
                ConversationRows.bytes(item.getCustomData()), groups);
    }
}
