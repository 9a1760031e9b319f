package io.convlist.store.item;

import io.convlist.store.table.Keys;
import software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.DynamoDbAttribute;
import software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.DynamoDbBean;

/** The persistence shape of a user's friend remark for one peer (copied into conversations created later). */
@DynamoDbBean
public class RemarkItem extends TableItem {
    private String remark;

    @DynamoDbAttribute(Keys.REMARK)
    public String getRemark() { return remark; }
    public void setRemark(String remark) { this.remark = remark; }
}
