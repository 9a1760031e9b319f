package io.convlist.store.item;

import io.convlist.store.table.Keys;
import software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.DynamoDbAttribute;
import software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.DynamoDbBean;

/**
 * The persistence shape of an app's settings. The same shape serves the settings item
 * ({@code app#{app}/settings}) and the app's entry in the apps index ({@code apps/{app}}).
 */
@DynamoDbBean
public class AppSettingsItem extends TableItem {
    private String name;
    private String edition;
    private Integer conversationLimit;
    private Integer retentionDays;
    private Integer largeGroupThreshold;
    private Long updatedAt;
    private Long retentionChangedAt;
    private Integer retentionBefore;

    @DynamoDbAttribute(Keys.NAME)
    public String getName() { return name; }
    public void setName(String name) { this.name = name; }

    @DynamoDbAttribute(Keys.EDITION)
    public String getEdition() { return edition; }
    public void setEdition(String edition) { this.edition = edition; }

    @DynamoDbAttribute(Keys.CONVERSATION_LIMIT)
    public Integer getConversationLimit() { return conversationLimit; }
    public void setConversationLimit(Integer conversationLimit) { this.conversationLimit = conversationLimit; }

    @DynamoDbAttribute(Keys.RETENTION_DAYS)
    public Integer getRetentionDays() { return retentionDays; }
    public void setRetentionDays(Integer retentionDays) { this.retentionDays = retentionDays; }

    @DynamoDbAttribute(Keys.LARGE_GROUP_THRESHOLD)
    public Integer getLargeGroupThreshold() { return largeGroupThreshold; }
    public void setLargeGroupThreshold(Integer largeGroupThreshold) { this.largeGroupThreshold = largeGroupThreshold; }

    @DynamoDbAttribute(Keys.UPDATED_AT)
    public Long getUpdatedAt() { return updatedAt; }
    public void setUpdatedAt(Long updatedAt) { this.updatedAt = updatedAt; }

    @DynamoDbAttribute(Keys.RETENTION_CHANGED_AT)
    public Long getRetentionChangedAt() { return retentionChangedAt; }
    public void setRetentionChangedAt(Long retentionChangedAt) { this.retentionChangedAt = retentionChangedAt; }

    @DynamoDbAttribute(Keys.RETENTION_BEFORE)
    public Integer getRetentionBefore() { return retentionBefore; }
    public void setRetentionBefore(Integer retentionBefore) { this.retentionBefore = retentionBefore; }
}
