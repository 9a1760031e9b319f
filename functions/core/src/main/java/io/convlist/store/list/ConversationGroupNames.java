package io.convlist.store.list;

import static io.convlist.store.table.Keys.CONVERSATION_GROUPS_SK;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.convlist.store.item.ConversationGroupsItem;
import io.convlist.store.item.Schemas;
import io.convlist.store.table.Av;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * A user's conversation groups' names, read from their one item: what a page and sync show of the
 * groups a conversation is in. Changing the groups is the peer settings' part (ConversationGroups).
 */
public final class ConversationGroupNames {
    private ConversationGroupNames() {
    }

    /** Name to ID, from the item as read (null: no groups). */
    public static Map<String, String> byName(Map<String, AttributeValue> raw) {
        ConversationGroupsItem item = ConversationRows.map(Schemas.CONVERSATION_GROUPS, raw);
        return item == null || item.getByName() == null ? Map.of() : item.getByName();
    }

    /** ID to name, for showing the groups a conversation is in. */
    public static Map<String, String> namesById(Map<String, AttributeValue> raw) {
        Map<String, String> out = new HashMap<>();
        byName(raw).forEach((name, id) -> out.put(id, name));
        return out;
    }

    /** Names in creation order. */
    public static List<String> names(Map<String, String> byName) {
        return byName.entrySet().stream().sorted(Map.Entry.comparingByValue()).map(Map.Entry::getKey).toList();
    }

    public static Map<String, AttributeValue> key(String pk) {
        return Av.key(pk, CONVERSATION_GROUPS_SK);
    }
}
