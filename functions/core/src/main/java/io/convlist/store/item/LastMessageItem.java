package io.convlist.store.item;

import software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.DynamoDbBean;

/** The last message, stored as a map inside the conversation item. */
@DynamoDbBean
public class LastMessageItem {
    private String msgID;
    private Long seq;
    private String senderID;
    private String summary;
    private Long timestamp;
    private Boolean isRecalled;

    public String getMsgID() { return msgID; }
    public void setMsgID(String msgID) { this.msgID = msgID; }
    public Long getSeq() { return seq; }
    public void setSeq(Long seq) { this.seq = seq; }
    public String getSenderID() { return senderID; }
    public void setSenderID(String senderID) { this.senderID = senderID; }
    public String getSummary() { return summary; }
    public void setSummary(String summary) { this.summary = summary; }
    public Long getTimestamp() { return timestamp; }
    public void setTimestamp(Long timestamp) { this.timestamp = timestamp; }
    public Boolean getIsRecalled() { return isRecalled; }
    public void setIsRecalled(Boolean isRecalled) { this.isRecalled = isRecalled; }
}
