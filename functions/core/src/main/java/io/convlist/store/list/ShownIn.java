package io.convlist.store.list;

import static io.convlist.store.table.Keys.*;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.convlist.domain.ConversationId;
import io.convlist.store.table.Av;
import io.convlist.store.table.TableRequests;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;

/**
 * The "shown in" index: which users' lists hold a conversation with a given peer or group. An entry
 * is put in the transaction that creates the conversation and deleted in the one that removes it
 * (delete, eviction, and the TTL consumer's), so a profile change can mark exactly the conversations
 * that show the profile and device sync sends them again. Entries are spread over
 * {@value Keys#SHOWN_IN_SHARDS} partitions per conversation ID.
 */
public final class ShownIn {
    private ShownIn() {
    }

    /** The entry for the list with partition key {@code userPk} ({@code u#{app}#{user}}). */
    static Map<String, AttributeValue> key(String userPk, ConversationId id) {
        Owner owner = ownerOf(userPk);
        return Av.key(shownInPk(owner.appId(), id, owner.userId()), owner.userId());
    }

    static TransactWriteItem add(TableRequests table, String userPk, ConversationId id) {
        return table.txPut(key(userPk, id));
    }

    static TransactWriteItem remove(TableRequests table, String userPk, ConversationId id) {
        return table.txDelete(key(userPk, id));
    }

    /** The users whose lists hold this conversation ID: one Query per shard. */
    public static List<String> owners(TableRequests table, String appId, ConversationId id) {
        List<String> owners = new ArrayList<>();
        for (int shard = 0; shard < SHOWN_IN_SHARDS; shard++) {
            table.wholePartition(shownInPk(appId, id, shard)).forEach(item -> owners.add(item.get(SK).s()));
        }
        return owners;
    }
}
