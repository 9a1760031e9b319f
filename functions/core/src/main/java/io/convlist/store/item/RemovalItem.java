package io.convlist.store.item;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;

import io.convlist.store.table.Keys;
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
    private Long version;
    private Long expiresAt;
    private Boolean clearMessages;
    private Set<Long> droppedExcl;
    private Set<String> droppedAt;

    @DynamoDbAttribute(Keys.REASON)
    public String getReason() { return reason; }
    public void setReason(String reason) { this.reason = reason; }

    @DynamoDbAttribute(Keys.REMOVED_AT)
    public Long getRemovedAt() { return removedAt; }
    public void setRemovedAt(Long removedAt) { this.removedAt = removedAt; }

    @DynamoDbAttribute(Keys.LAST_SEQ)
    public Long getLastSeq() { return lastSeq; }
    public void setLastSeq(Long lastSeq) { this.lastSeq = lastSeq; }

    @DynamoDbAttribute(Keys.VERSION)
    public Long getVersion() { return version; }
    public void setVersion(Long version) { this.version = version; }

    @DynamoDbAttribute(Keys.EXPIRES_AT)
    public Long getExpiresAt() { return expiresAt; }
    public void setExpiresAt(Long expiresAt) { this.expiresAt = expiresAt; }

    @DynamoDbAttribute(Keys.CLEAR_MESSAGES)
    public Boolean getClearMessages() { return clearMessages; }
    public void setClearMessages(Boolean clearMessages) { this.clearMessages = clearMessages; }

    @DynamoDbAttribute(Keys.DROPPED_EXCLUDED)
    public Set<Long> getDroppedExcl() { return droppedExcl; }
    public void setDroppedExcl(Set<Long> droppedExcl) { this.droppedExcl = droppedExcl; }

    @DynamoDbAttribute(Keys.DROPPED_AT)
    public Set<String> getDroppedAt() { return droppedAt; }
    public void setDroppedAt(Set<String> droppedAt) { this.droppedAt = droppedAt; }

    /** The seqs excluded from the unread count of messages that arrived while the conversation was away. */
    public Set<Long> droppedExcluded() { return droppedExcl == null ? Set.of() : droppedExcl; }

    /** The @-mentions of messages that arrived while the conversation was away: seq to atType. */
    public Map<Long, Integer> droppedMentions() {
        Map<Long, Integer> out = new HashMap<>();
        if (droppedAt != null) {
            droppedAt.forEach(e -> out.merge(Long.parseLong(e.substring(0, e.indexOf(':'))), Integer.parseInt(e.substring(e.indexOf(':') + 1)),
                    (a, b) -> a | b));
        }
        return out;
    }
}
