package io.convlist.bench.units;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.convlist.store.table.Keys;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.Projection;
import software.amazon.awssdk.services.dynamodb.model.ProjectionType;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;

/** One local secondary index of a table: which items it holds and what of them. */
record IndexEntries(String name, String sortKey, ProjectionType projection, Set<String> included) {

    /** The table's local indexes, as DynamoDB describes the table. */
    static List<IndexEntries> of(TableDescription table) {
        return table.localSecondaryIndexes().stream().map(i -> of(i.indexName(), i.keySchema(), i.projection())).toList();
    }

    static IndexEntries of(String name, List<KeySchemaElement> keys, Projection projection) {
        return new IndexEntries(name, keys.get(1).attributeName(), projection.projectionType(), Set.copyOf(projection.nonKeyAttributes()));
    }

    /** The item's entry in this index, or null if the item is absent or lacks the index's sort key. */
    Map<String, AttributeValue> entry(Map<String, AttributeValue> item) {
        if (item == null || !item.containsKey(sortKey)) {
            return null;
        }
        if (projection == ProjectionType.ALL) {
            return item;
        }
        Map<String, AttributeValue> entry = new HashMap<>();
        item.forEach((name, value) -> {
            if (name.equals(Keys.PK) || name.equals(Keys.SK) || name.equals(sortKey) || included.contains(name)) {
                entry.put(name, value);
            }
        });
        return entry;
    }

    /**
     * Write units of keeping this index in step with a write that turned {@code before} into
     * {@code after}: a put when the item enters it, a delete when it leaves, a delete and a put when
     * its sort key changes, one write when only projected attributes change, none otherwise.
     */
    long writeUnits(Map<String, AttributeValue> before, Map<String, AttributeValue> after) {
        Map<String, AttributeValue> was = entry(before);
        Map<String, AttributeValue> is = entry(after);
        if (was == null && is == null) {
            return 0;
        }
        if (was == null) {
            return CapacityUnits.write(ItemSizes.of(is));
        }
        if (is == null) {
            return CapacityUnits.write(ItemSizes.of(was));
        }
        if (!was.get(sortKey).equals(is.get(sortKey))) {
            return CapacityUnits.write(ItemSizes.of(was)) + CapacityUnits.write(ItemSizes.of(is));
        }
        return was.equals(is) ? 0 : CapacityUnits.write(ItemSizes.of(is));
    }
}
