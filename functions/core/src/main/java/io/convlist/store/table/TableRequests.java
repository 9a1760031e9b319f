package io.convlist.store.table;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import software.amazon.awssdk.enhanced.dynamodb.DynamoDbEnhancedClient;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbTable;
import software.amazon.awssdk.enhanced.dynamodb.TableSchema;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchGetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.CancellationReason;
import software.amazon.awssdk.services.dynamodb.model.ConditionCheck;
import software.amazon.awssdk.services.dynamodb.model.Delete;
import software.amazon.awssdk.services.dynamodb.model.KeysAndAttributes;
import software.amazon.awssdk.services.dynamodb.model.Put;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;
import software.amazon.awssdk.services.dynamodb.model.ReturnValuesOnConditionCheckFailure;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;
import software.amazon.awssdk.services.dynamodb.model.Update;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemRequest;

/**
 * The requests the store classes send to the one table, each through {@link Dynamo#call} so that
 * every failure of DynamoDB itself maps the same way. Expressions the Enhanced Client cannot say
 * (counters, set ADD/DELETE, conditions on other attributes, heterogeneous batch reads) are built
 * here from {@link Keys}' names with {@link Expr}.
 */
public final class TableRequests {
    /** DynamoDB's item limit per transaction. */
    public static final int TRANSACTION_MAX_ITEMS = 100;
    /** DynamoDB's key limit per BatchGetItem. */
    private static final int BATCH_GET_MAX_KEYS = 100;
    private static final String CONDITION_FAILED = "ConditionalCheckFailed";

    final DynamoDbClient ddb;
    public final String table;
    public final DynamoDbEnhancedClient enhanced;

    public TableRequests(DynamoDbClient ddb, String table) {
        this.ddb = ddb;
        this.table = table;
        this.enhanced = DynamoDbEnhancedClient.builder().dynamoDbClient(ddb).build();
    }

    public <T> DynamoDbTable<T> mapped(TableSchema<T> schema) {
        return enhanced.table(table, schema);
    }

    /** One conditional UpdateItem; on a failed condition, DynamoDB returns the old item with the exception. */
    public void update(Map<String, AttributeValue> key, Expr e, String condition) {
        Dynamo.call(() -> ddb.updateItem(UpdateItemRequest.builder().tableName(table).key(key)
                .updateExpression(e.update()).conditionExpression(condition).expressionAttributeNames(e.names())
                .expressionAttributeValues(e.values())
                .returnValuesOnConditionCheckFailure(ReturnValuesOnConditionCheckFailure.ALL_OLD).build()));
    }

    /** Puts the item if the condition holds (ConditionalCheckFailedException if not). */
    public void putIf(Map<String, AttributeValue> item, Expr e, String condition) {
        Dynamo.call(() -> ddb.putItem(b -> b.tableName(table).item(item).conditionExpression(condition)
                .expressionAttributeNames(e.names()).expressionAttributeValues(e.values())));
    }

    public void delete(Map<String, AttributeValue> key) {
        Dynamo.call(() -> ddb.deleteItem(b -> b.tableName(table).key(key)));
    }

    /** One conditional UpdateItem that answers the item as it is after the update. */
    public Map<String, AttributeValue> updateReturningNew(Map<String, AttributeValue> key, Expr e, String condition) {
        return Dynamo.call(() -> ddb.updateItem(UpdateItemRequest.builder().tableName(table).key(key)
                .updateExpression(e.update()).conditionExpression(condition).expressionAttributeNames(e.names())
                .expressionAttributeValues(e.values()).returnValues(ReturnValue.ALL_NEW)
                .returnValuesOnConditionCheckFailure(ReturnValuesOnConditionCheckFailure.ALL_OLD).build())).attributes();
    }

    public void transact(List<TransactWriteItem> items) {
        Dynamo.call(() -> ddb.transactWriteItems(b -> b.transactItems(items)));
    }

    public TransactWriteItem txUpdate(Map<String, AttributeValue> key, Expr e, String condition) {
        return TransactWriteItem.builder().update(Update.builder().tableName(table).key(key).updateExpression(e.update())
                .conditionExpression(condition).expressionAttributeNames(e.names()).expressionAttributeValues(e.values())
                .returnValuesOnConditionCheckFailure(ReturnValuesOnConditionCheckFailure.ALL_OLD).build()).build();
    }

    public TransactWriteItem txPut(Map<String, AttributeValue> item) {
        return TransactWriteItem.builder().put(Put.builder().tableName(table).item(item).build()).build();
    }

    public TransactWriteItem txPutIf(Map<String, AttributeValue> item, Expr e, String condition) {
        return TransactWriteItem.builder().put(Put.builder().tableName(table).item(item).conditionExpression(condition)
                .expressionAttributeNames(e.names()).expressionAttributeValues(e.values()).build()).build();
    }

    /** Replaces an item only if its TTL attribute is unchanged since it was read. */
    public TransactWriteItem txPutReplacing(Map<String, AttributeValue> item, long expiresAt) {
        Expr e = new Expr();
        return txPutIf(item, e, e.where("#EXPIRES_AT = :expiresAt", "expiresAt", expiresAt));
    }

    /** Puts an item that must not exist yet. */
    public TransactWriteItem txPutNew(Map<String, AttributeValue> item) {
        Expr e = new Expr();
        return txPutIf(item, e, e.where("attribute_not_exists(#PK)"));
    }

    /** A condition on another item that the transaction's writes depend on. */
    public TransactWriteItem txConditionCheck(Map<String, AttributeValue> key, Expr e, String condition) {
        return TransactWriteItem.builder().conditionCheck(ConditionCheck.builder().tableName(table).key(key).conditionExpression(condition)
                .expressionAttributeNames(e.names()).expressionAttributeValues(e.values()).build()).build();
    }

    /**
     * Deletes a conversation only if nobody changed it since it was read: its TTL attribute and its
     * version (every write raises it; 0 for one written before versions were kept) are unchanged.
     */
    public TransactWriteItem txDeleteUnchanged(Map<String, AttributeValue> key, long expiresAt, long version) {
        Expr e = new Expr();
        String sameVersion = version == 0 ? e.where("attribute_not_exists(#VERSION)") : e.where("#VERSION = :version", "version", version);
        return txDeleteIf(key, e, e.where("#EXPIRES_AT = :expiresAt", "expiresAt", expiresAt) + " AND " + sameVersion);
    }

    public TransactWriteItem txDeleteIf(Map<String, AttributeValue> key, Expr e, String condition) {
        return TransactWriteItem.builder().delete(Delete.builder().tableName(table).key(key).conditionExpression(condition)
                .expressionAttributeNames(e.names()).expressionAttributeValues(e.values()).build()).build();
    }

    public TransactWriteItem txDelete(Map<String, AttributeValue> key) {
        return TransactWriteItem.builder().delete(Delete.builder().tableName(table).key(key).build()).build();
    }

    /** Every item of a partition, strongly consistent: one Query per 1 MB page. */
    public List<Map<String, AttributeValue>> wholePartition(String pk) {
        Expr e = new Expr();
        return queryAll(QueryRequest.builder().tableName(table).keyConditionExpression(e.where("#PK = :pk", "pk", pk))
                .expressionAttributeNames(e.names()).expressionAttributeValues(e.values()).consistentRead(true).build());
    }

    /**
     * Every item of one list whose sort key starts with {@code skPrefix} ({@code ""}: from
     * {@code skFrom} on), consistently, page after page: only those matching {@code filter} (written
     * with {@code e}'s names and values; null: all), holding only the attributes named (none: all).
     * DynamoDB charges for every item the key condition reaches, whatever the filter and projection.
     */
    public List<Map<String, AttributeValue>> partOfList(String pk, String skPrefix, Expr e, String filter, String... attributes) {
        return queryAll(request(startingWith(e, pk, skPrefix), e, filter, attributes));
    }

    private static String startingWith(Expr e, String pk, String skPrefix) {
        return e.where("#PK = :pk AND begins_with(#SK, :prefix)", "pk", pk, "prefix", skPrefix);
    }

    /** As {@link #partOfList}, for the items whose sort key is at or above {@code skFrom}. */
    public List<Map<String, AttributeValue>> listFrom(String pk, String skFrom, Expr e, String filter, String... attributes) {
        String key = e.where("#PK = :pk AND #SK >= :from", "pk", pk, "from", skFrom);
        return queryAll(request(key, e, filter, attributes));
    }

    /** The first {@code limit} items of one partition whose sort key starts with {@code skPrefix}: one Query. */
    public List<Map<String, AttributeValue>> firstOf(String pk, String skPrefix, int limit) {
        Expr e = new Expr();
        QueryRequest request = request(startingWith(e, pk, skPrefix), e, null).toBuilder().limit(limit).build();
        return Dynamo.call(() -> ddb.query(request).items());
    }

    /** Every item of one partition whose sort key lies between the two (inclusive). */
    public List<Map<String, AttributeValue>> between(String pk, String skFrom, String skTo) {
        Expr e = new Expr();
        String key = e.where("#PK = :pk AND #SK BETWEEN :from AND :to", "pk", pk, "from", skFrom, "to", skTo);
        return queryAll(request(key, e, null));
    }

    /**
     * As {@link #partOfList} for the list's conversation items, in the same Query the list's
     * bookkeeping item too (its sort key closes the range: only the conversation groups item lies
     * between), holding the owner's large groups. The bookkeeping item, if any, comes last.
     */
    public List<Map<String, AttributeValue>> conversationsAndMeta(String pk, Expr e, String filter, String... attributes) {
        String key = e.where("#PK = :pk AND #SK BETWEEN :conversations AND :meta", "pk", pk,
                "conversations", Keys.CONVERSATION_SK_PREFIX, "meta", Keys.META_SK);
        String conversations = e.where("begins_with(#SK, :conversations)", "conversations", Keys.CONVERSATION_SK_PREFIX);
        String which = "(" + conversations + (filter == null ? "" : " AND (" + filter + ")") + ")"
                + e.where(" OR #SK = :meta", "meta", Keys.META_SK);
        String[] withGroups = attributes.length == 0 ? attributes : Stream.concat(Arrays.stream(attributes),
                Stream.of(Keys.SK, Keys.LARGE_GROUPS)).distinct().toArray(String[]::new);
        return queryAll(request(key, e, which, withGroups));
    }

    private QueryRequest request(String key, Expr e, String filter, String... attributes) {
        QueryRequest.Builder b = QueryRequest.builder().tableName(table).consistentRead(true).keyConditionExpression(key);
        if (filter != null) {
            b.filterExpression(filter);
        }
        if (attributes.length > 0) {
            List<String> names = new ArrayList<>();
            for (String a : attributes) {
                names.add(e.n(a));
            }
            b.projectionExpression(String.join(", ", names));
        }
        return b.expressionAttributeNames(e.names()).expressionAttributeValues(e.values()).build();
    }

    /** Every item the query matches, page after page (the SDK's paginator). */
    public List<Map<String, AttributeValue>> queryAll(QueryRequest request) {
        return Dynamo.call(() -> ddb.queryPaginator(request).items().stream().toList());
    }

    /**
     * Consistent BatchGetItem in chunks of 100 keys; unprocessed keys are asked again after a
     * backoff, within the retry budget. Returns the items found, by {@link #keyString}.
     */
    public Map<String, Map<String, AttributeValue>> batchGet(List<Map<String, AttributeValue>> keys) {
        Map<String, Map<String, AttributeValue>> unique = new LinkedHashMap<>();
        keys.forEach(k -> unique.put(keyString(k), k));
        List<Map<String, AttributeValue>> all = new ArrayList<>(unique.values());
        Map<String, Map<String, AttributeValue>> found = new HashMap<>();
        for (int from = 0; from < all.size(); from += BATCH_GET_MAX_KEYS) {
            List<Map<String, AttributeValue>> chunk = all.subList(from, Math.min(all.size(), from + BATCH_GET_MAX_KEYS));
            Map<String, KeysAndAttributes> request = Map.of(table,
                    KeysAndAttributes.builder().keys(chunk).consistentRead(true).build());
            for (int round = 0; !request.isEmpty(); round++) {
                if (round >= Attempts.MAX) {
                    throw Attempts.contention();
                }
                Attempts.backoff(round);
                final Map<String, KeysAndAttributes> ask = request;
                BatchGetItemResponse r = Dynamo.call(() -> ddb.batchGetItem(b -> b.requestItems(ask)));
                r.responses().getOrDefault(table, List.of()).forEach(item -> found.put(keyString(item), item));
                request = r.hasUnprocessedKeys() ? r.unprocessedKeys() : Map.of();
            }
        }
        return found;
    }

    /** The one item of this key, read consistently, or null. */
    public Map<String, AttributeValue> get(Map<String, AttributeValue> key) {
        return batchGet(List.of(key)).get(keyString(key));
    }

    public static String keyString(Map<String, AttributeValue> itemOrKey) {
        return itemOrKey.get(Keys.PK).s() + "\u0000" + itemOrKey.get(Keys.SK).s();
    }

    /** True if the transaction was cancelled because the condition of its item at this index failed. */
    public static boolean failedAt(TransactionCanceledException e, int index) {
        List<CancellationReason> reasons = e.hasCancellationReasons() ? e.cancellationReasons() : List.of();
        return index < reasons.size() && CONDITION_FAILED.equals(reasons.get(index).code());
    }
}
