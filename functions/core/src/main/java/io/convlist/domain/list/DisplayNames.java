package io.convlist.domain.list;

import io.convlist.domain.ConversationType;
import io.convlist.domain.GroupProfile;
import io.convlist.domain.GroupType;
import io.convlist.domain.UserProfile;

/**
 * Tencent IM's display rules. Group: group name, else group ID. C2C: the owner's friend remark for
 * the peer, else the peer's nickname, else the peer's userID. Face: group face / peer face.
 */
public final class DisplayNames {
    private DisplayNames() {
    }

    /** What a conversation shows of its peer or group: its name, its face, and a group's type. */
    public record Display(String showName, String faceUrl, String groupType) {
    }

    public static Display of(StoredConversation c, UserProfile peer, GroupProfile group) {
        if (c.id().type() == ConversationType.GROUP) {
            GroupType type = group != null && group.groupType() != null ? group.groupType() : c.groupType();
            return new Display(firstNonBlank(group == null ? null : group.groupName(), c.id().groupId()),
                    group == null ? null : group.faceUrl(), type == null ? null : type.name());
        }
        return new Display(firstNonBlank(c.friendRemark(), peer == null ? null : peer.nickname(), c.id().userId()),
                peer == null ? null : peer.faceUrl(), null);
    }

    private static String firstNonBlank(String... values) {
        for (String v : values) {
            if (v != null && !v.isBlank()) {
                return v;
            }
        }
        return null;
    }
}
