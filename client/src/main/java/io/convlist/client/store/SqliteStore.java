package io.convlist.client.store;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.convlist.client.LocalConversation;

/**
 * The local store in a SQLite file (sqlite-jdbc): a row per conversation (its entry as JSON) and the
 * cursor and conversation groups beside them; each commit is one SQLite transaction. A new instance
 * on the same file finds what the last one committed.
 */
public final class SqliteStore implements LocalStore {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String CURSOR = "cursor";
    private static final String GROUPS = "conversationGroups";

    private final Connection db;

    public SqliteStore(Path file) {
        try {
            db = DriverManager.getConnection("jdbc:sqlite:" + file);
            try (Statement s = db.createStatement()) {
                s.execute("PRAGMA journal_mode=WAL");
                s.execute("CREATE TABLE IF NOT EXISTS conversation (id TEXT PRIMARY KEY, entry TEXT NOT NULL)");
                s.execute("CREATE TABLE IF NOT EXISTS state (name TEXT PRIMARY KEY, value TEXT)");
            }
            db.setAutoCommit(false);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot open the local store " + file, e);
        }
    }

    @Override
    public synchronized Snapshot load() {
        try {
            Map<String, LocalConversation> conversations = new LinkedHashMap<>();
            try (Statement s = db.createStatement(); ResultSet rows = s.executeQuery("SELECT entry FROM conversation")) {
                while (rows.next()) {
                    LocalConversation c = JSON.readValue(rows.getString(1), LocalConversation.class);
                    conversations.put(c.conversationID(), c);
                }
            }
            String groups = state(GROUPS);
            List<String> names = groups == null ? List.of() : JSON.readValue(groups, new TypeReference<List<String>>() { });
            db.commit();
            return new Snapshot(conversations, state(CURSOR), names);
        } catch (SQLException | JsonProcessingException e) {
            throw new IllegalStateException("cannot read the local store", e);
        }
    }

    @Override
    public synchronized void commit(Commit commit) {
        try {
            try (PreparedStatement put = db.prepareStatement("INSERT OR REPLACE INTO conversation (id, entry) VALUES (?, ?)")) {
                for (LocalConversation c : commit.conversations()) {
                    put.setString(1, c.conversationID());
                    put.setString(2, JSON.writeValueAsString(c));
                    put.addBatch();
                }
                put.executeBatch();
            }
            if (commit.moveCursor()) {
                setState(CURSOR, commit.cursor());
            }
            if (commit.conversationGroups() != null) {
                setState(GROUPS, JSON.writeValueAsString(commit.conversationGroups()));
            }
            db.commit();
        } catch (SQLException | JsonProcessingException e) {
            try {
                db.rollback();
            } catch (SQLException ignored) {
                // the connection is gone: nothing was committed
            }
            throw new IllegalStateException("cannot write the local store", e);
        }
    }

    private String state(String name) throws SQLException {
        try (PreparedStatement get = db.prepareStatement("SELECT value FROM state WHERE name = ?")) {
            get.setString(1, name);
            try (ResultSet row = get.executeQuery()) {
                return row.next() ? row.getString(1) : null;
            }
        }
    }

    private void setState(String name, String value) throws SQLException {
        try (PreparedStatement put = db.prepareStatement("INSERT OR REPLACE INTO state (name, value) VALUES (?, ?)")) {
            put.setString(1, name);
            put.setString(2, value);
            put.executeUpdate();
        }
    }

    @Override
    public synchronized void close() {
        try {
            db.close();
        } catch (SQLException ignored) {
            // closing: nothing left to lose, every commit is on disk
        }
    }
}
