package io.convlist.client.store;

import java.util.List;
import java.util.Map;

import io.convlist.client.LocalConversation;

/**
 * Where a device keeps its local list, the sync cursor and its conversation groups. A commit is
 * atomic: the conversations it writes and the cursor it moves are stored together or not at all, so
 * a crash between a sync answer's changes and its cursor never loses a change or applies one twice
 * (applying one twice is harmless anyway: versions decide). An Android app implements this on its own
 * SQLite, as {@link SqliteStore} does with sqlite-jdbc.
 */
public interface LocalStore extends AutoCloseable {

    /** What a store holds. */
    record Snapshot(Map<String, LocalConversation> conversations, String cursor, List<String> conversationGroups) {
    }

    /**
     * One atomic write.
     *
     * @param conversations written whole (a conversation's entry replaces its former one)
     * @param moveCursor    whether {@code cursor} is the new cursor (null: start over from the beginning)
     * @param conversationGroups the user's groups now, or null if unchanged
     */
    record Commit(List<LocalConversation> conversations, boolean moveCursor, String cursor, List<String> conversationGroups) {
        public static Commit of(List<LocalConversation> conversations) {
            return new Commit(conversations, false, null, null);
        }
    }

    Snapshot load();

    void commit(Commit commit);

    @Override
    default void close() {
    }
}
