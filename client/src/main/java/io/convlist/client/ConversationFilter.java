package io.convlist.client;

import java.math.BigInteger;

/**
 * Tencent's V2TIMConversationListFilter, applied to the local list as the service applies it: every
 * criterion given must hold.
 *
 * @param type              0 any, 1 C2C, 2 group
 * @param conversationGroup null any, "" in no conversation group, a name: in that group
 * @param markType          null any, 0 no marks, else any of these bits
 * @param hasUnreadCount    only with unread messages
 * @param hasGroupAtInfo    only with an @-mention not yet read
 */
public record ConversationFilter(int type, String conversationGroup, Long markType, boolean hasUnreadCount, boolean hasGroupAtInfo) {
    public static final ConversationFilter ANY = new ConversationFilter(0, null, null, false, false);

    public ConversationFilter withType(int t) {
        return new ConversationFilter(t, conversationGroup, markType, hasUnreadCount, hasGroupAtInfo);
    }

    public ConversationFilter inGroup(String name) {
        return new ConversationFilter(type, name, markType, hasUnreadCount, hasGroupAtInfo);
    }

    public ConversationFilter marked(long bits) {
        return new ConversationFilter(type, conversationGroup, bits, hasUnreadCount, hasGroupAtInfo);
    }

    public ConversationFilter withUnread() {
        return new ConversationFilter(type, conversationGroup, markType, true, hasGroupAtInfo);
    }

    public ConversationFilter withMention() {
        return new ConversationFilter(type, conversationGroup, markType, hasUnreadCount, true);
    }

    boolean matches(LocalConversation entry) {
        var c = entry.state();
        if (type == 1 && !"C2C".equals(c.type()) || type == 2 && !"GROUP".equals(c.type())) {
            return false;
        }
        var groups = c.conversationGroupList() == null ? java.util.List.<String>of() : c.conversationGroupList();
        if (conversationGroup != null && (conversationGroup.isEmpty() ? !groups.isEmpty() : !groups.contains(conversationGroup))) {
            return false;
        }
        if (markType != null) {
            var marks = c.markList() == null ? java.util.List.<BigInteger>of() : c.markList();
            boolean any = markType == 0 ? marks.isEmpty()
                    : marks.stream().anyMatch(m -> !m.and(BigInteger.valueOf(markType)).equals(BigInteger.ZERO));
            if (!any) {
                return false;
            }
        }
        if (hasUnreadCount && c.unreadCount() == 0) {
            return false;
        }
        return !hasGroupAtInfo || c.groupAtInfoList() != null && !c.groupAtInfoList().isEmpty();
    }
}
