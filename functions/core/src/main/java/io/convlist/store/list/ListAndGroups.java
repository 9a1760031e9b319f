package io.convlist.store.list;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.convlist.store.table.Keys;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** The conversation items one Query read, and the large groups the bookkeeping item that came with them names. */
public record ListAndGroups(List<Map<String, AttributeValue>> conversations, Set<String> largeGroups) {

    static ListAndGroups of(List<Map<String, AttributeValue>> items) {
        List<Map<String, AttributeValue>> conversations = new ArrayList<>(items.size());
        Set<String> groups = Set.of();
        for (Map<String, AttributeValue> item : items) {
            if (Keys.META_SK.equals(item.get(Keys.SK).s())) {
                AttributeValue lg = item.get(Keys.LARGE_GROUPS);
                groups = lg == null ? Set.of() : Set.copyOf(lg.ss());
            } else {
                conversations.add(item);
            }
        }
        return new ListAndGroups(conversations, groups);
    }
}
