package io.convlist.store;

import software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.DynamoDbAttribute;
import software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.DynamoDbBean;

/**
 * The persistence shape of a user's settings for one peer or group, outside the capped list: they
 * survive the conversation's deletion, eviction and expiry and apply when it (re)appears. No TTL.
 */
@DynamoDbBean
public class PeerSettingsItem extends TableItem {
    private Integer recvOpt;

    @DynamoDbAttribute(Keys.RECV_OPT)
    public Integer getRecvOpt() { return recvOpt; }
    public void setRecvOpt(Integer recvOpt) { this.recvOpt = recvOpt; }
}
