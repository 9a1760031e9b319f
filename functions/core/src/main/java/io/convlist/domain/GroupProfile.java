package io.convlist.domain;

public record GroupProfile(String groupId, String groupName, String faceUrl, GroupType groupType) {
}
