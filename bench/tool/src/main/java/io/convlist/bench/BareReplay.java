package io.convlist.bench;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;

import software.amazon.awssdk.core.SdkRequest;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.BatchGetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.DeleteItemRequest;
import software.amazon.awssdk.services.dynamodb.model.GetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.KeysAndAttributes;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItemsRequest;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemRequest;

/**
 * The bare-SDK layer of the benchmark: sends requests the store recorded on one table to another
 * table in the same state, with the low-level client and nothing above it. Requests that the store
 * sent in parallel (a message's writes) are sent in parallel here too.
 */
final class BareReplay {
    private final DynamoDbClient ddb;
    private final String table;
    private final Executor parallel;

    BareReplay(DynamoDbClient ddb, String table, Executor parallel) {
        this.ddb = ddb;
        this.table = table;
        this.parallel = parallel;
    }

    void sequentially(List<SdkRequest> requests) {
        requests.forEach(this::send);
    }

    void inParallel(List<SdkRequest> requests) {
        CompletableFuture.allOf(requests.stream().map(r -> CompletableFuture.runAsync(() -> send(r), parallel))
                .toArray(CompletableFuture[]::new)).join();
    }

    private void send(SdkRequest request) {
        if (request instanceof UpdateItemRequest r) {
            ddb.updateItem(r.toBuilder().tableName(table).build());
        } else if (request instanceof QueryRequest r) {
            ddb.query(r.toBuilder().tableName(table).build());
        } else if (request instanceof GetItemRequest r) {
            ddb.getItem(r.toBuilder().tableName(table).build());
        } else if (request instanceof PutItemRequest r) {
            ddb.putItem(r.toBuilder().tableName(table).build());
        } else if (request instanceof DeleteItemRequest r) {
            ddb.deleteItem(r.toBuilder().tableName(table).build());
        } else if (request instanceof BatchGetItemRequest r) {
            Map<String, KeysAndAttributes> items = new LinkedHashMap<>();
            r.requestItems().values().forEach(keys -> items.put(table, keys));
            ddb.batchGetItem(r.toBuilder().requestItems(items).build());
        } else if (request instanceof TransactWriteItemsRequest r) {
            ddb.transactWriteItems(r.toBuilder().transactItems(r.transactItems().stream().map(this::retarget).toList()).build());
        } else {
            throw new IllegalArgumentException("no replay for " + request.getClass().getSimpleName());
        }
    }

    private TransactWriteItem retarget(TransactWriteItem item) {
        TransactWriteItem.Builder b = item.toBuilder();
        if (item.put() != null) {
            b.put(item.put().toBuilder().tableName(table).build());
        }
        if (item.update() != null) {
            b.update(item.update().toBuilder().tableName(table).build());
        }
        if (item.delete() != null) {
            b.delete(item.delete().toBuilder().tableName(table).build());
        }
        if (item.conditionCheck() != null) {
            b.conditionCheck(item.conditionCheck().toBuilder().tableName(table).build());
        }
        return b.build();
    }
}
