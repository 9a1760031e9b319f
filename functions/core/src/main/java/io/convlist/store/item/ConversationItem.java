package io.convlist.store.item;

import java.util.Map;
import java.util.Set;

import io.convlist.store.table.Keys;
import software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.DynamoDbAttribute;
import software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.DynamoDbBean;
import software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.DynamoDbSecondarySortKey;

/** The persistence shape of one conversation in its owner's list, with a copy of its settings. Names: {@link Keys}. */
@DynamoDbBean
public class ConversationItem extends SettingsFields {
    private String type;
    private String target;
    private String groupType;
    private Long lastSeq;
    private Long lastTime;
    private LastMessageItem lastMsg;
    private Long readSeq;
    private Boolean readExplicit;
    private Long unread;
    private Long readTime;
    private Set<Long> excl;
    private Long unreadBase;
    private Map<String, Integer> atInfo;
    private String draftText;
    private Long draftTime;
    private Boolean pinned;
    private Long orderBase;
    private Long orderKey;
    private Integer slot;
    private String remark;
    private Long lastChange;
    private Long version;
    private Long expiresAt;
    private Long removedSeq;

    @DynamoDbAttribute(Keys.TYPE)
    public String getType() { return type; }
    public void setType(String type) { this.type = type; }

    @DynamoDbAttribute(Keys.TARGET)
    public String getTarget() { return target; }
    public void setTarget(String target) { this.target = target; }

    @DynamoDbAttribute(Keys.GROUP_TYPE)
    public String getGroupType() { return groupType; }
    public void setGroupType(String groupType) { this.groupType = groupType; }

    @DynamoDbAttribute(Keys.LAST_SEQ)
    public Long getLastSeq() { return lastSeq; }
    public void setLastSeq(Long lastSeq) { this.lastSeq = lastSeq; }

    @DynamoDbAttribute(Keys.LAST_TIME)
    public Long getLastTime() { return lastTime; }
    public void setLastTime(Long lastTime) { this.lastTime = lastTime; }

    @DynamoDbAttribute(Keys.LAST_MSG)
    public LastMessageItem getLastMsg() { return lastMsg; }
    public void setLastMsg(LastMessageItem lastMsg) { this.lastMsg = lastMsg; }

    @DynamoDbAttribute(Keys.READ_SEQ)
    public Long getReadSeq() { return readSeq; }
    public void setReadSeq(Long readSeq) { this.readSeq = readSeq; }

    @DynamoDbAttribute(Keys.READ_EXPLICIT)
    public Boolean getReadExplicit() { return readExplicit; }
    public void setReadExplicit(Boolean readExplicit) { this.readExplicit = readExplicit; }

    @DynamoDbAttribute(Keys.UNREAD)
    public Long getUnread() { return unread; }
    public void setUnread(Long unread) { this.unread = unread; }

    @DynamoDbAttribute(Keys.EXCLUDED)
    public Set<Long> getExcl() { return excl; }
    public void setExcl(Set<Long> excl) { this.excl = excl; }

    @DynamoDbAttribute(Keys.UNREAD_BASE)
    public Long getUnreadBase() { return unreadBase; }
    public void setUnreadBase(Long unreadBase) { this.unreadBase = unreadBase; }

    @DynamoDbAttribute(Keys.READ_TIME)
    public Long getReadTime() { return readTime; }
    public void setReadTime(Long readTime) { this.readTime = readTime; }

    @DynamoDbAttribute(Keys.AT_INFO)
    public Map<String, Integer> getAtInfo() { return atInfo; }
    public void setAtInfo(Map<String, Integer> atInfo) { this.atInfo = atInfo; }

    @DynamoDbAttribute(Keys.DRAFT_TEXT)
    public String getDraftText() { return draftText; }
    public void setDraftText(String draftText) { this.draftText = draftText; }

    @DynamoDbAttribute(Keys.DRAFT_TIME)
    public Long getDraftTime() { return draftTime; }
    public void setDraftTime(Long draftTime) { this.draftTime = draftTime; }

    @DynamoDbAttribute(Keys.PINNED)
    public Boolean getPinned() { return pinned; }
    public void setPinned(Boolean pinned) { this.pinned = pinned; }

    @DynamoDbAttribute(Keys.ORDER_BASE)
    public Long getOrderBase() { return orderBase; }
    public void setOrderBase(Long orderBase) { this.orderBase = orderBase; }

    @DynamoDbSecondarySortKey(indexNames = Keys.INDEX_BY_ORDER)
    @DynamoDbAttribute(Keys.ORDER_KEY)
    public Long getOrderKey() { return orderKey; }
    public void setOrderKey(Long orderKey) { this.orderKey = orderKey; }

    @DynamoDbAttribute(Keys.SLOT)
    public Integer getSlot() { return slot; }
    public void setSlot(Integer slot) { this.slot = slot; }

    @DynamoDbAttribute(Keys.REMARK)
    public String getRemark() { return remark; }
    public void setRemark(String remark) { this.remark = remark; }

    @DynamoDbAttribute(Keys.LAST_CHANGE)
    public Long getLastChange() { return lastChange; }
    public void setLastChange(Long lastChange) { this.lastChange = lastChange; }

    @DynamoDbAttribute(Keys.VERSION)
    public Long getVersion() { return version; }
    public void setVersion(Long version) { this.version = version; }

    @DynamoDbAttribute(Keys.EXPIRES_AT)
    public Long getExpiresAt() { return expiresAt; }
    public void setExpiresAt(Long expiresAt) { this.expiresAt = expiresAt; }

    @DynamoDbAttribute(Keys.REMOVED_SEQ)
    public Long getRemovedSeq() { return removedSeq; }
    public void setRemovedSeq(Long removedSeq) { this.removedSeq = removedSeq; }
}
