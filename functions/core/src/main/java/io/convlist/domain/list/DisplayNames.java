package io.convlist.domain.list;

import java.util.Map;
import java.util.Objects;

import io.convlist.domain.ConversationType;
import io.convlist.domain.GroupProfile;
import io.convlist.domain.GroupType;
import io.convlist.domain.Marks;
import io.convlist.domain.UserProfile;

/**
 * Tencent IM's display rules. Group: group name, else group ID. C2C: the owner's friend remark for
 * the peer, else the peer's nickname, else the peer's userID. Face: group face / peer face.
 * Conversation groups are held by ID and shown by name (a group deleted meanwhile is not shown).
 */
public final class DisplayNames {
    private DisplayNames() {
    }

    public static Conversation present(StoredConversation c, UserProfile peer, GroupProfile group,
            Map<String, String> conversationGroupNames) {
        String showName;
        String faceUrl;
        String groupType = null;
        if (c.id().type() == ConversationType.GROUP) {
            showName = firstNonBlank(group == null ? null : group.groupName(), c.id().groupId());
            faceUrl = group == null ? null : group.faceUrl();
            GroupType type = group != null && group.groupType() != null ? group.groupType() : c.groupType();
            groupType = type == null ? null : type.name();
        } else {
            showName = firstNonBlank(c.friendRemark(), peer == null ? null : peer.nickname(), c.id().userId());
            faceUrl = peer == null ? null : peer.faceUrl();
        }
        return new Conversation(c.id().type().name(), c.id().toString(), c.id().userId(), c.id().groupId(),
                groupType, showName, faceUrl, c.unreadCount(), c.recvOpt(), Marks.markList(c.marks()), c.customDataBase64(),
                c.conversationGroupIds().stream().map(conversationGroupNames::get).filter(Objects::nonNull).sorted().toList(),
                c.id().type() == ConversationType.C2C ? c.readTimeMillis() / 1000 : 0,
                c.id().type() == ConversationType.GROUP ? c.readSeq() : 0,
                c.lastMessage(),
                c.groupAtInfoList(), c.draftText(), c.draftTimestamp(), c.pinned(), c.orderKey(),
                c.lastChangeMillis(), c.expiresAtEpochSecond());
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
