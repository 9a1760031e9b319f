package io.convlist.store.item;

import java.util.Map;

import io.convlist.store.table.Keys;
import software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.DynamoDbAttribute;
import software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.DynamoDbBean;

/**
 * A user's conversation groups: name to ID. Members hold the ID (in their settings), so a rename
 * writes this item only; IDs start with the creation time, so sorting them gives creation order.
 */
@DynamoDbBean
public class ConversationGroupsItem extends TableItem {
    private Map<String, String> byName;

    @DynamoDbAttribute(Keys.GROUPS_BY_NAME)
    public Map<String, String> getByName() { return byName; }
    public void setByName(Map<String, String> byName) { this.byName = byName; }
}
