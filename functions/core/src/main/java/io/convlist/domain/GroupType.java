package io.convlist.domain;

import java.util.Arrays;

/** Tencent's group types. Live groups (AVChatRoom) keep no unread count. */
public enum GroupType {
    Work, Public, Meeting, AVChatRoom, Community;

    public boolean keepsUnreadCount() {
        return this != AVChatRoom;
    }

    public static GroupType parse(String value) {
        for (GroupType t : values()) {
            if (t.name().equals(value)) {
                return t;
            }
        }
        throw ServiceException.badRequest("groupType must be one of " + Arrays.toString(values()));
    }
}
