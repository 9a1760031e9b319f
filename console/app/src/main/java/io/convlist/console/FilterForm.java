package io.convlist.console;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

import io.convlist.domain.ConversationType;
import io.convlist.domain.Ids;
import io.convlist.domain.Limits;
import io.convlist.domain.Marks;
import io.convlist.domain.ServiceException;
import io.convlist.domain.list.ConversationFilter;

/**
 * The user page's filter, as the form sends it: the same filter as getConversationListByFilter.
 *
 * @param type  "" any, "C2C" or "GROUP"
 * @param group absent any, "-" in no group, else a group name
 * @param mark  "" any, "none", or STAR, UNREAD, FOLD or HIDE
 */
public record FilterForm(String type, String group, String mark, boolean unread, boolean at) {
    static final String NO_GROUP = "-";

    static FilterForm of(String type, String group, String mark, String unread, String at) {
        return new FilterForm(type == null ? "" : type, group == null ? "" : group, mark == null ? "" : mark,
                "on".equals(unread), "on".equals(at));
    }

    public boolean active() {
        return !type.isEmpty() || !group.isEmpty() || !mark.isEmpty() || unread || at;
    }

    /** The filter, or null when the form sets nothing; INVALID_ARGUMENT for a value the form never sends. */
    ConversationFilter toFilter() {
        if (!active()) {
            return null;
        }
        ConversationType conversationType;
        try {
            conversationType = type.isEmpty() ? null : ConversationType.valueOf(type);
        } catch (IllegalArgumentException e) {
            throw ServiceException.badRequest("type must be C2C or GROUP");
        }
        String conversationGroup = group.isEmpty() ? null : group.equals(NO_GROUP) ? "" : group;
        Ids.requireMaxBytes("group", conversationGroup, Limits.CONVERSATION_GROUP_NAME_MAX_BYTES);
        Long marks = switch (mark) {
            case "" -> null;
            case "none" -> 0L;
            case "STAR" -> Marks.STAR;
            case "UNREAD" -> Marks.UNREAD;
            case "FOLD" -> Marks.FOLD;
            case "HIDE" -> Marks.HIDE;
            default -> throw ServiceException.badRequest("mark must be none, STAR, UNREAD, FOLD or HIDE");
        };
        return new ConversationFilter(conversationType, conversationGroup, marks, unread, at);
    }

    /** The form's values as query parameters (for the next page's link), each starting with &amp;. */
    public String query() {
        StringBuilder q = new StringBuilder();
        append(q, "type", type);
        append(q, "group", group);
        append(q, "mark", mark);
        append(q, "unread", unread ? "on" : "");
        append(q, "at", at ? "on" : "");
        return q.toString();
    }

    private static void append(StringBuilder q, String name, String value) {
        if (!value.isEmpty()) {
            q.append('&').append(name).append('=').append(URLEncoder.encode(value, StandardCharsets.UTF_8));
        }
    }
}
