package io.convlist.bench.units;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.convlist.store.Keys;
import io.convlist.store.TableDefinition;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.LocalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.ProjectionType;

/** One local secondary index of the table (from {@link TableDefinition}): which items it holds and what of them. */
record IndexEntries(String name, String sortKey, ProjectionType projection, Set<String> included) {

    static List<IndexEntries> ofTable() {
        return TableDefinition.localIndexes().stream().map(IndexEntries::of).toList();
    }

    static IndexEntries of(LocalSecondaryIndex index) {
        String sortKey = index.keySchema().get(1).attributeName();
        return new IndexEntries(index.indexName(), sortKey, index.projection().projectionType(),
                Set.copyOf(index.projection().nonKeyAttributes()));
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
