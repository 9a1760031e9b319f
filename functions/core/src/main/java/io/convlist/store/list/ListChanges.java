package io.convlist.store.list;

import static io.convlist.store.table.Keys.CONVERSATION_GROUPS_SK;
import static io.convlist.store.table.Keys.CONVERSATION_SK_PREFIX;
import static io.convlist.store.table.Keys.REMOVAL_SK_PREFIX;
import static io.convlist.store.table.Keys.SK;

import java.util.Map;
import java.util.Optional;
import java.util.Set;

import io.convlist.store.item.ConversationItem;
import io.convlist.store.item.Schemas;
import io.convlist.store.table.Keys;
import io.convlist.view.ListChange;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * What a record of the table's stream means to the list it belongs to. Every change of a list is a
 * write of one of its items, so the stream has them all, evictions and TTL expiry included, and
 * reading them from it costs the write path nothing and reads nothing:
 * <ul>
 * <li>a conversation written: its new state (a deleted conversation says nothing itself: the
 * removal record written with it does);</li>
 * <li>a removal record written: the removal, with its reason (an EXPIRED one is written by the
 * TTL consumer after DynamoDB deletes the conversation);</li>
 * <li>the conversation groups' item written: the groups' names.</li>
 * </ul>
 * Anything else (bookkeeping, settings, profiles, other tables' items) makes no change.
 */
public final class ListChanges {
    private ListChanges() {
    }

    /** The large groups a user is a member of, as the list's bookkeeping now says. */
    public record LargeGroups(String appId, String userId, Set<String> groupIds) {
    }

    /**
     * A write of a list's bookkeeping: the owner's large groups now (their devices hear of those
     * groups' activity); nothing for any other item.
     */
    public static Optional<LargeGroups> largeGroupsOf(Map<String, AttributeValue> keys, Map<String, AttributeValue> newImage) {
        Keys.Owner owner = Keys.ownerOf(keys.containsKey(Keys.PK) ? keys.get(Keys.PK).s() : null);
        if (owner == null || !keys.containsKey(SK) || !Keys.META_SK.equals(keys.get(SK).s())) {
            return Optional.empty();
        }
        AttributeValue groups = newImage.get(Keys.LARGE_GROUPS);
        return Optional.of(new LargeGroups(owner.appId(), owner.userId(), groups == null || !groups.hasSs() ? Set.of() : Set.copyOf(groups.ss())));
    }

    /**
     * @param newImage the item as written; empty for a REMOVE
     * @param nowMillis what "live" is judged by: a conversation rewritten after its retention ran out is no change
     */
    public static Optional<ListChange> of(Map<String, AttributeValue> keys, Map<String, AttributeValue> newImage, long nowMillis) {
        Keys.Owner owner = Keys.ownerOf(keys.containsKey(Keys.PK) ? keys.get(Keys.PK).s() : null);
        if (owner == null || newImage.isEmpty() || !keys.containsKey(SK)) {
            return Optional.empty();
        }
        String sk = keys.get(SK).s();
        if (sk.startsWith(CONVERSATION_SK_PREFIX)) {
            ConversationItem item = ConversationRows.conversation(newImage);
            return ConversationRows.isLive(item, nowMillis)
                    ? Optional.of(new ListChange.Changed(owner.appId(), owner.userId(), ListReader.present(owner.appId(), item, Map.of()).withoutJoinedFields()))
                    : Optional.empty();
        }
        if (sk.startsWith(REMOVAL_SK_PREFIX)) {
            return Optional.of(new ListChange.Removed(owner.appId(), owner.userId(),
                    ConversationRows.toRemoval(ConversationRows.map(Schemas.REMOVAL, newImage))));
        }
        if (sk.equals(CONVERSATION_GROUPS_SK)) {
            return Optional.of(new ListChange.GroupsChanged(owner.appId(), owner.userId(),
                    ConversationGroupNames.names(ConversationGroupNames.byName(newImage))));
        }
        return Optional.empty();
    }
}
