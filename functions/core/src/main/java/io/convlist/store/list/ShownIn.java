package io.convlist.store.list;

import static io.convlist.store.table.Keys.*;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.convlist.domain.ConversationId;
import io.convlist.store.table.Av;
import io.convlist.store.table.Expr;
import io.convlist.store.table.TableRequests;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.Delete;
import software.amazon.awssdk.services.dynamodb.model.Put;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
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
        String[] owner = userPk.split("#", 3);
        return Av.key(shownInPk(owner[1], id, owner[2]), owner[2]);
    }

    static TransactWriteItem add(TableRequests table, String userPk, ConversationId id) {
        return TransactWriteItem.builder().put(Put.builder().tableName(table.table).item(key(userPk, id)).build()).build();
    }

    static TransactWriteItem remove(TableRequests table, String userPk, ConversationId id) {
        return TransactWriteItem.builder().delete(Delete.builder().tableName(table.table).key(key(userPk, id)).build()).build();
    }

    /** The users whose lists hold this conversation ID: one Query per shard. */
    public static List<String> owners(TableRequests table, String appId, ConversationId id) {
        List<String> owners = new ArrayList<>();
        for (int shard = 0; shard < SHOWN_IN_SHARDS; shard++) {
            Expr e = new Expr();
            String key = e.n(PK) + " = " + e.v(shownInPk(appId, id, shard));
            table.queryAll(QueryRequest.builder().tableName(table.table).keyConditionExpression(key)
                    .expressionAttributeNames(e.names()).expressionAttributeValues(e.values()).consistentRead(true).build())
                    .forEach(item -> owners.add(item.get(SK).s()));
        }
        return owners;
    }
}
