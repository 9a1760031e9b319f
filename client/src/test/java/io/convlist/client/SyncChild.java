package io.convlist.client;

import java.nio.file.Path;
import java.util.List;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.convlist.client.store.SqliteStore;
import io.convlist.client.transport.OkHttpCloud;
import io.convlist.client.transport.OkHttpLive;
import okhttp3.OkHttpClient;

/**
 * A device process for the crash test: syncs in pages of 10 into a SQLite file, printing "committed N"
 * after each answer's commit and pausing there, so that the test can kill it in the middle of the sync.
 * {@code java SyncChild BASE_URL LIVE_URL TOKEN FILE}
 */
public final class SyncChild {
    public static void main(String[] args) throws Exception {
        ObjectMapper json = new ObjectMapper();
        OkHttpClient http = new OkHttpClient();
        new ConversationManager(new OkHttpCloud(http, args[0], () -> args[2], json), new OkHttpLive(http, args[1], () -> args[2], json),
                new SqliteStore(Path.of(args[3])), new ConversationListener() {
                    @Override
                    public void onNewConversation(List<LocalConversation> conversations) {
                        System.out.println("committed " + conversations.size());
                        System.out.flush();
                        try {
                            Thread.sleep(300);
                        } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                        }
                    }
                }, json, new Backoff(50, 1_000), 10).start();
        Thread.currentThread().join();
    }
}
