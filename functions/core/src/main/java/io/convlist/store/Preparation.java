package io.convlist.store;

import java.util.function.IntFunction;

import io.convlist.domain.ConversationId;
import io.convlist.store.group.LargeGroupCatchUp;
import io.convlist.store.list.ListCap;
import io.convlist.store.list.ListRead;
import io.convlist.store.table.Attempts;

/**
 * Where the facade brings a list up to date before an operation works on it: a large group's
 * conversations take the messages their group recorded, and a list over a lowered limit is trimmed.
 * Below the facade, reads only read: they say what they found behind ({@link ListRead}).
 */
final class Preparation {
    /** How often a read is made again after bringing its list up to date. */
    private static final int READS = 3;

    private final ListCap cap;
    private final LargeGroupCatchUp largeGroups;

    Preparation(ListCap cap, LargeGroupCatchUp largeGroups) {
        this.cap = cap;
        this.largeGroups = largeGroups;
    }

    /**
     * Before a change that depends on a conversation's last message or its life (read points, delete,
     * pin, draft, cleared history): a large group's conversation is brought up to date. One
     * BatchGetItem for a group conversation, nothing for a C2C one.
     */
    void prepare(String appId, String userId, ConversationId id) {
        largeGroups.bringUpIfLarge(appId, userId, id);
    }

    /**
     * A read of the user's list, with the list made current first. If the read finds the list over a
     * lowered limit, the excess is evicted and it reads again; if it finds large groups that may be
     * behind, they are brought up to date and, if that wrote anything, it reads again. At most
     * {@value #READS} reads; then THROTTLED, or, with {@code lastReadStands}, the last read's answer.
     *
     * @param read one read, given its attempt (0 first)
     */
    <T> T read(String appId, String userId, IntFunction<ListRead<T>> read, boolean lastReadStands) {
        for (int attempt = 0; attempt < READS; attempt++) {
            ListRead<T> found = read.apply(attempt);
            if (found.overLimit()) {
                cap.trimToLimit(appId, userId);
                continue;
            }
            boolean wrote = largeGroups.bringUp(appId, userId, found.behind());
            if (!wrote || (lastReadStands && attempt == READS - 1)) {
                return found.answer().get();
            }
        }
        throw Attempts.contention();
    }
}
