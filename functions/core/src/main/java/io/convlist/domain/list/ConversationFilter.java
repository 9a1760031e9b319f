package io.convlist.domain.list;

import io.convlist.domain.ConversationType;

/**
 * Tencent's V2TIMConversationListFilter. Every criterion given must hold.
 *
 * @param type              null: any; else C2C or GROUP
 * @param conversationGroup null: any; "": in no conversation group; else in that group
 * @param markType          null: any; 0: no marks; else any of these bits
 * @param hasUnreadCount    true: only conversations with unread messages (false or null: any)
 * @param hasGroupAtInfo    true: only conversations with an @-mention not yet read (false or null: any)
 */
public record ConversationFilter(ConversationType type, String conversationGroup, Long markType,
        boolean hasUnreadCount, boolean hasGroupAtInfo) {
}
