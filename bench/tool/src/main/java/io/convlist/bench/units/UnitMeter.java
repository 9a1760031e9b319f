package io.convlist.bench.units;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import io.convlist.store.table.Keys;
import software.amazon.awssdk.core.SdkRequest;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttribute;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchGetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.BatchGetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.DeleteItemRequest;
import software.amazon.awssdk.services.dynamodb.model.GetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.GetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.KeysAndAttributes;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItemsRequest;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemRequest;

/**
 * Counts the capacity units the application's requests consume, by DynamoDB's documented rules
 * ({@link CapacityUnits}, {@link ItemSizes}, {@link IndexEntries}), from the items themselves: each
 * written item is read before and after the write, and each Query's evaluated items (before its
 * filter) are read again, through a client of its own that this meter does not count. Switched off,
 * it does nothing (the reads would distort the benchmark's times).
 *
 * <p>A write whose condition fails is charged its item's size (at least 1), as DynamoDB does; a
 * cancelled transaction twice that per item. ConditionCheck items of a transaction are charged as a
 * write of their item's size, with no index writes.
 */
public final class UnitMeter implements ExecutionInterceptor {
    private static final ExecutionAttribute<List<Written>> WRITTEN = new ExecutionAttribute<>("convlist.units.written");

    /** One item a write request touches, as it was before. */
    private record Written(Map<String, AttributeValue> key, Map<String, AttributeValue> before, boolean transactional,
            boolean checkOnly) {
    }

    /**
     * Write units and read units (the latter in halves) since the last reset, and where the write
     * units went: "items" (the table's items themselves) and each index by name.
     */
    public record Units(long write, long readHalves, Map<String, Long> writesBy) {
        public double read() {
            return readHalves / 2.0;
        }

        /** E.g. "13 W, 1.5 R". */
        @Override
        public String toString() {
            return write + " W, " + (readHalves % 2 == 0 ? String.valueOf(readHalves / 2) : String.valueOf(read())) + " R";
        }

        /** With where the write units went, e.g. "6 W (byOrder 4, items 2), 0 R". */
        public String described() {
            if (write == 0) {
                return toString();
            }
            StringBuilder by = new StringBuilder();
            writesBy.forEach((where, units) -> {
                if (units > 0) {
                    by.append(by.length() == 0 ? "" : ", ").append(where).append(' ').append(units);
                }
            });
            return toString().replaceFirst(" W, ", " W (" + by + "), ");
        }
    }

    private final DynamoDbClient images;
    private final String table;
    /** The table's local indexes as DynamoDB describes them, read at the first start (the table exists by then). */
    private volatile List<IndexEntries> indexes;
    private final AtomicLong write = new AtomicLong();
    private final AtomicLong readHalves = new AtomicLong();
    private final Map<String, AtomicLong> writesBy = new ConcurrentHashMap<>();
    private volatile boolean on;

    /** @param images a client without this meter, to read items before and after writes */
    public UnitMeter(DynamoDbClient images, String table) {
        this.images = images;
        this.table = table;
    }

    public void start() {
        if (indexes == null) {
            indexes = IndexEntries.of(images.describeTable(b -> b.tableName(table)).table());
        }
        write.set(0);
        readHalves.set(0);
        writesBy.clear();
        on = true;
    }

    public Units stop() {
        on = false;
        Map<String, Long> by = new TreeMap<>();
        writesBy.forEach((k, v) -> by.put(k, v.get()));
        return new Units(write.get(), readHalves.get(), by);
    }

    @Override
    public void beforeExecution(Context.BeforeExecution context, ExecutionAttributes attributes) {
        if (!on) {
            return;
        }
        SdkRequest r = context.request();
        List<Written> written = new ArrayList<>();
        if (r instanceof PutItemRequest p) {
            written.add(written(keyOf(p.item()), false, false));
        } else if (r instanceof UpdateItemRequest u) {
            written.add(written(u.key(), false, false));
        } else if (r instanceof DeleteItemRequest d) {
            written.add(written(d.key(), false, false));
        } else if (r instanceof TransactWriteItemsRequest t) {
            for (TransactWriteItem i : t.transactItems()) {
                if (i.put() != null) {
                    written.add(written(keyOf(i.put().item()), true, false));
                } else if (i.update() != null) {
                    written.add(written(i.update().key(), true, false));
                } else if (i.delete() != null) {
                    written.add(written(i.delete().key(), true, false));
                } else if (i.conditionCheck() != null) {
                    written.add(written(i.conditionCheck().key(), true, true));
                }
            }
        }
        if (!written.isEmpty()) {
            attributes.putAttribute(WRITTEN, written);
        }
    }

    @Override
    public void afterExecution(Context.AfterExecution context, ExecutionAttributes attributes) {
        if (!on) {
            return;
        }
        List<Written> written = attributes.getAttribute(WRITTEN);
        if (written != null) {
            for (Written w : written) {
                writeUnits(w, w.checkOnly() ? w.before() : image(w.key()));
            }
        }
        SdkRequest r = context.request();
        if (r instanceof GetItemRequest g) {
            Map<String, AttributeValue> item = ((GetItemResponse) context.response()).item();
            readHalves.addAndGet(CapacityUnits.readHalves(item == null ? 0 : ItemSizes.of(item), Boolean.TRUE.equals(g.consistentRead())));
        } else if (r instanceof BatchGetItemRequest b) {
            countBatchGet(b, (BatchGetItemResponse) context.response());
        } else if (r instanceof QueryRequest q) {
            countQuery(q);
        }
    }

    @Override
    public void onExecutionFailure(Context.FailedExecution context, ExecutionAttributes attributes) {
        List<Written> written = on ? attributes.getAttribute(WRITTEN) : null;
        if (written != null) {
            for (Written w : written) {
                charge("items", CapacityUnits.write(size(w.before())), w.transactional());
            }
        }
    }

    /** The item itself, then every index it enters, leaves or changes in; transactional writes twice. */
    private void writeUnits(Written w, Map<String, AttributeValue> after) {
        charge("items", CapacityUnits.write(Math.max(size(w.before()), size(after))), w.transactional());
        if (!w.checkOnly()) {
            for (IndexEntries index : indexes) {
                charge(index.name(), index.writeUnits(w.before(), after), w.transactional());
            }
        }
    }

    private void charge(String where, long units, boolean transactional) {
        long charged = transactional ? 2 * units : units;
        write.addAndGet(charged);
        writesBy.computeIfAbsent(where, k -> new AtomicLong()).addAndGet(charged);
    }

    private void countBatchGet(BatchGetItemRequest request, BatchGetItemResponse response) {
        KeysAndAttributes asked = request.requestItems().get(table);
        if (asked == null) {
            return;
        }
        boolean consistent = Boolean.TRUE.equals(asked.consistentRead());
        KeysAndAttributes unprocessed = response.unprocessedKeys().get(table);
        List<Map<String, AttributeValue>> left = unprocessed == null ? List.of() : unprocessed.keys();
        // Each key read is charged by its whole item, whatever the projection; a missing one as the least read.
        for (Map<String, AttributeValue> key : asked.keys()) {
            if (!left.contains(key)) {
                readHalves.addAndGet(CapacityUnits.readHalves(size(image(key)), consistent));
            }
        }
    }

    /**
     * A Query reads every item its key condition and limit reach, before any filter: asked again
     * without the filter's effect, for their keys, then sized as the table or index holds them.
     */
    private void countQuery(QueryRequest q) {
        QueryRequest.Builder again = q.toBuilder();
        if (q.filterExpression() != null) {
            // Keeps the filter's names and values in use (DynamoDB refuses unused ones), lets every item through.
            again.filterExpression("(" + q.filterExpression() + ") OR attribute_exists(" + Keys.PK + ")");
        }
        if (q.projectionExpression() != null) {
            again.projectionExpression(q.projectionExpression() + ", " + Keys.PK + ", " + Keys.SK);
        }
        IndexEntries index = q.indexName() == null ? null
                : indexes.stream().filter(i -> i.name().equals(q.indexName())).findFirst().orElseThrow();
        long bytes = 0;
        for (Map<String, AttributeValue> evaluated : images.query(again.build()).items()) {
            Map<String, AttributeValue> item = image(keyOf(evaluated));
            bytes += ItemSizes.of(index == null ? item : index.entry(item));
        }
        readHalves.addAndGet(CapacityUnits.readHalves(bytes, Boolean.TRUE.equals(q.consistentRead())));
    }

    private Written written(Map<String, AttributeValue> key, boolean transactional, boolean checkOnly) {
        return new Written(key, image(key), transactional, checkOnly);
    }

    private Map<String, AttributeValue> image(Map<String, AttributeValue> key) {
        Map<String, AttributeValue> item = images.getItem(b -> b.tableName(table).key(key).consistentRead(true)).item();
        return item == null || item.isEmpty() ? null : item;
    }

    private static long size(Map<String, AttributeValue> item) {
        return item == null ? 0 : ItemSizes.of(item);
    }

    private static Map<String, AttributeValue> keyOf(Map<String, AttributeValue> item) {
        Map<String, AttributeValue> key = new HashMap<>();
        key.put(Keys.PK, item.get(Keys.PK));
        key.put(Keys.SK, item.get(Keys.SK));
        return key;
    }
}
