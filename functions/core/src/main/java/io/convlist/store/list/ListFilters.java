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
        List<String> all = new ArrayList<>(List.of(e.n(EXPIRES_AT) + " > " + e.v(nowSecond)));
        if (f == null) {
            return all.get(0);
        }
        if (f.type() != null) {
            all.add(e.n(TYPE) + " = " + e.v(f.type().name()));
        }
        if (f.conversationGroup() != null && !f.conversationGroup().isEmpty()) {
            all.add("contains(" + e.n(GROUPS) + ", " + e.v(groups.get(f.conversationGroup())) + ")");
        } else if (f.conversationGroup() != null && !groups.isEmpty()) {
            // In none of the groups that exist: an ID left on a member by a deleted group does not count.
            all.add("NOT (" + String.join(" OR ", groups.values().stream().map(id -> "contains(" + e.n(GROUPS) + ", " + e.v(id) + ")").toList()) + ")");
        }
        if (f.markType() != null) {
            List<String> bits = Marks.bitValues(f.markType());
            all.add(bits.isEmpty() ? "attribute_not_exists(" + e.n(MARKS) + ")"
                    : "(" + String.join(" OR ", bits.stream().map(b -> "contains(" + e.n(MARKS) + ", " + e.v(b) + ")").toList()) + ")");
        }
        if (f.hasUnreadCount()) {
            all.add(e.n(UNREAD) + " > " + e.v(0));
        }
        if (f.hasGroupAtInfo()) {
            all.add("size(" + e.n(AT_INFO) + ") > " + e.v(0));
        }
        return String.join(" AND ", all);
    }
}
