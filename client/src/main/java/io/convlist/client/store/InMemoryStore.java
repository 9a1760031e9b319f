package io.convlist.client.store;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.convlist.client.LocalConversation;

/** A local store that lasts as long as the process: for tests, and for devices that keep nothing. */
public final class InMemoryStore implements LocalStore {
    private final Map<String, LocalConversation> conversations = new LinkedHashMap<>();
    private String cursor;
    private List<String> groups = List.of();

    @Override
    public synchronized Snapshot load() {
        return new Snapshot(new LinkedHashMap<>(conversations), cursor, groups);
    }

    @Override
    public synchronized void commit(Commit commit) {
        commit.conversations().forEach(c -> conversations.put(c.conversationID(), c));
        if (commit.moveCursor()) {
            cursor = commit.cursor();
        }
        if (commit.conversationGroups() != null) {
            groups = List.copyOf(commit.conversationGroups());
        }
    }
}
