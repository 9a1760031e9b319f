package io.convlist.store;

import software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.DynamoDbAttribute;
import software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.DynamoDbBean;

/**
 * The persistence shape of a removal record: a conversation that left its owner's list, why, when,
 * and its last seq. Expires with the app's retention (TTL), like a conversation; never counted
 * toward the cap and never listed.
 */
@DynamoDbBean
public class RemovalItem extends TableItem {
    private String reason;
    private Long removedAt;
    private Long lastSeq;
    private Long expiresAt;
    private Boolean clearMessages;

    @DynamoDbAttribute(Keys.REASON)
    public String getReason() { return reason; }
    public void setReason(String reason) { this.reason = reason; }

    @DynamoDbAttribute(Keys.REMOVED_AT)
    public Long getRemovedAt() { return removedAt; }
    public void setRemovedAt(Long removedAt) { this.removedAt = removedAt; }

    @DynamoDbAttribute(Keys.LAST_SEQ)
    public Long getLastSeq() { return lastSeq; }
    public void setLastSeq(Long lastSeq) { this.lastSeq = lastSeq; }

    @DynamoDbAttribute(Keys.EXPIRES_AT)
    public Long getExpiresAt() { return expiresAt; }
    public void setExpiresAt(Long expiresAt) { this.expiresAt = expiresAt; }

    @DynamoDbAttribute(Keys.CLEAR_MESSAGES)
    public Boolean getClearMessages() { return clearMessages; }
    public void setClearMessages(Boolean clearMessages) { this.clearMessages = clearMessages; }
}
