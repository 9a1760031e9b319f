package io.convlist.store.item;

import io.convlist.store.table.Keys;
import software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.DynamoDbAttribute;
import software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.DynamoDbPartitionKey;
import software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.DynamoDbSortKey;

/** The table's generic keys, shared by every item kind (see {@link Keys} for what they hold). */
public abstract class TableItem {
    private String pk;
    private String sk;

    @DynamoDbPartitionKey
    @DynamoDbAttribute(Keys.PK)
    public String getPk() { return pk; }
    public void setPk(String pk) { this.pk = pk; }

    @DynamoDbSortKey
    @DynamoDbAttribute(Keys.SK)
    public String getSk() { return sk; }
    public void setSk(String sk) { this.sk = sk; }
}
