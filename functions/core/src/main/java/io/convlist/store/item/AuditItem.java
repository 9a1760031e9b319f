package io.convlist.store.item;

import io.convlist.store.table.Keys;
import software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.DynamoDbAttribute;
import software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.DynamoDbBean;

/** The persistence shape of one audited change of one app setting. */
@DynamoDbBean
public class AuditItem extends TableItem {
    private Long updatedAt;
    private String actor;
    private String field;
    private String oldValue;
    private String newValue;

    @DynamoDbAttribute(Keys.UPDATED_AT)
    public Long getUpdatedAt() { return updatedAt; }
    public void setUpdatedAt(Long updatedAt) { this.updatedAt = updatedAt; }

    @DynamoDbAttribute(Keys.ACTOR)
    public String getActor() { return actor; }
    public void setActor(String actor) { this.actor = actor; }

    @DynamoDbAttribute(Keys.FIELD)
    public String getField() { return field; }
    public void setField(String field) { this.field = field; }

    @DynamoDbAttribute(Keys.OLD_VALUE)
    public String getOldValue() { return oldValue; }
    public void setOldValue(String oldValue) { this.oldValue = oldValue; }

    @DynamoDbAttribute(Keys.NEW_VALUE)
    public String getNewValue() { return newValue; }
    public void setNewValue(String newValue) { this.newValue = newValue; }
}
