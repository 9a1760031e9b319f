package io.convlist.store.list;

import static io.convlist.store.table.Keys.*;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.convlist.domain.Marks;
import io.convlist.domain.list.ConversationFilter;
import io.convlist.store.table.Expr;

/**
 * A {@link ConversationFilter} as a DynamoDB filter expression on conversation items. DynamoDB has
 * no bitwise operators, which is why marks are stored as a set of bit values: "any of these bits"
 * is one {@code contains} per bit.
 */
public final class ListFilters {
    private ListFilters() {
    }

    /**
     * The conversation is live at {@code nowSecond} and matches the filter (null: any).
     *
     * @param groups the user's conversation groups, name to ID (read when the filter names a group or "")
     */
    static String condition(Expr e, ConversationFilter f, Map<String, String> groups, long nowSecond) {
        List<String> all = new ArrayList<>(List.of(e.where("#EXPIRES_AT > :now", "now", nowSecond)));
        if (f == null) {
            return all.get(0);
        }
        if (f.type() != null) {
            all.add(e.where("#TYPE = :type", "type", f.type().name()));
        }
        if (f.conversationGroup() != null && !f.conversationGroup().isEmpty()) {
            all.add(e.where("contains(#GROUPS, :group)", "group", groups.get(f.conversationGroup())));
        } else if (f.conversationGroup() != null && !groups.isEmpty()) {
            // In none of the groups that exist: an ID left on a member by a deleted group does not count.
            all.add("NOT (" + String.join(" OR ", groups.values().stream().map(id -> e.where("contains(#GROUPS, :group)", "group", id)).toList()) + ")");
        }
        if (f.markType() != null) {
            List<String> bits = Marks.bitValues(f.markType());
            all.add(bits.isEmpty() ? e.where("attribute_not_exists(#MARKS)")
                    : "(" + String.join(" OR ", bits.stream().map(b -> e.where("contains(#MARKS, :bit)", "bit", b)).toList()) + ")");
        }
        if (f.hasUnreadCount()) {
            all.add(e.where("#UNREAD > :zero", "zero", 0));
        }
        if (f.hasGroupAtInfo()) {
            all.add(e.where("size(#AT_INFO) > :zero", "zero", 0));
        }
        return String.join(" AND ", all);
    }
}
