package io.convlist.store.item;

import io.convlist.store.table.Keys;
import software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.DynamoDbAttribute;
import software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.DynamoDbBean;

/**
 * The persistence shape of a profile: a user's (nickname, face) or a group's (name, face, type),
 * both under sk {@link Keys#PROFILE_SK}; the partition key tells which (see {@link Keys}).
 */
@DynamoDbBean
public class ProfileItem extends TableItem {
    private String nickname;
    private String groupName;
    private String faceUrl;
    private String groupType;

    @DynamoDbAttribute(Keys.NICKNAME)
    public String getNickname() { return nickname; }
    public void setNickname(String nickname) { this.nickname = nickname; }

    @DynamoDbAttribute(Keys.GROUP_NAME)
    public String getGroupName() { return groupName; }
    public void setGroupName(String groupName) { this.groupName = groupName; }

    @DynamoDbAttribute(Keys.FACE_URL)
    public String getFaceUrl() { return faceUrl; }
    public void setFaceUrl(String faceUrl) { this.faceUrl = faceUrl; }

    @DynamoDbAttribute(Keys.GROUP_TYPE)
    public String getGroupType() { return groupType; }
    public void setGroupType(String groupType) { this.groupType = groupType; }
}
