package io.convlist.store.item;

import java.util.Set;

import io.convlist.store.table.Keys;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.DynamoDbAttribute;

/**
 * A user's settings for one peer or group, in the shape both the settings item (the source, outside
 * the list) and the conversation (its copy) hold them. {@code settingsVer} grows with every change
 * of the source, so a copy is only ever replaced by a newer one, whatever order writes land in.
 * Empty sets are stored as absent attributes (DynamoDB has no empty sets).
 */
public abstract class SettingsFields extends TableItem {
    private Integer recvOpt;
    private Set<String> marks;
    private SdkBytes customData;
    private Set<String> groups;
    private Long settingsVer;

    @DynamoDbAttribute(Keys.RECV_OPT)
    public Integer getRecvOpt() { return recvOpt; }
    public void setRecvOpt(Integer recvOpt) { this.recvOpt = recvOpt; }

    /** Each set mark bit as its unsigned decimal value (a set, so marks are added and removed without a read). */
    @DynamoDbAttribute(Keys.MARKS)
    public Set<String> getMarks() { return marks; }
    public void setMarks(Set<String> marks) { this.marks = marks; }

    @DynamoDbAttribute(Keys.CUSTOM_DATA)
    public SdkBytes getCustomData() { return customData; }
    public void setCustomData(SdkBytes customData) { this.customData = customData; }

    /** The IDs of the conversation groups it is in. */
    @DynamoDbAttribute(Keys.GROUPS)
    public Set<String> getGroups() { return groups; }
    public void setGroups(Set<String> groups) { this.groups = groups; }

    @DynamoDbAttribute(Keys.SETTINGS_VER)
    public Long getSettingsVer() { return settingsVer; }
    public void setSettingsVer(Long settingsVer) { this.settingsVer = settingsVer; }

    /** True if no setting is held: the settings item then goes. */
    public boolean holdsNothing() {
        return (recvOpt == null || recvOpt == 0) && (marks == null || marks.isEmpty())
                && (customData == null || customData.asByteArray().length == 0) && (groups == null || groups.isEmpty());
    }

    public void copySettingsFrom(SettingsFields source) {
        recvOpt = source == null ? null : source.recvOpt;
        marks = source == null ? null : source.marks;
        customData = source == null ? null : source.customData;
        groups = source == null ? null : source.groups;
        settingsVer = source == null ? null : source.settingsVer;
    }
}
