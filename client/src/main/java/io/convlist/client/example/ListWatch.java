package io.convlist.client.example;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

import io.convlist.client.ConversationListener;
import io.convlist.client.ConversationManager;
import io.convlist.client.LocalConversation;
import io.convlist.client.store.SqliteStore;

/**
 * The library's runnable example: one user's local list, kept by the library in a SQLite file and
 * printed again whenever a callback says it changed (conversations kept only on the device marked).
 * {@code java ListWatch FUNCTIONS_URL TOKEN SQLITE_FILE}; {@code ./run-local.sh list --user alice} runs it.
 */
public final class ListWatch {
    static final int SHOWN = 15;

    public static void main(String[] args) throws Exception {
        if (args.length != 3) {
            System.err.println("usage: ListWatch FUNCTIONS_URL TOKEN SQLITE_FILE   (e.g. http://127.0.0.1:8080 …)");
            System.exit(2);
        }
        String base = args[0].replaceFirst("/$", "");
        Path file = Path.of(args[2]);
        Files.createDirectories(file.toAbsolutePath().getParent());
        ConversationManager[] manager = new ConversationManager[1];
        ConversationListener print = new ConversationListener() {
            @Override
            public void onSyncServerFinish() {
                show(manager[0], "synced");
            }

            @Override
            public void onSyncServerFailed() {
                System.out.println(Instant.now() + "  sync failed: trying again");
            }

            @Override
            public void onNewConversation(List<LocalConversation> conversations) {
                show(manager[0], conversations.size() + " new");
            }

            @Override
            public void onConversationChanged(List<LocalConversation> conversations) {
                show(manager[0], conversations.size() + " changed");
            }

            @Override
            public void onConversationDeleted(List<String> ids, List<String> reasons) {
                show(manager[0], "deleted " + ids + " " + reasons);
            }
        };
        manager[0] = ConversationManager.create(base, base.replaceFirst("^http", "ws") + "/live", () -> args[1], new SqliteStore(file), print);
        manager[0].start();
        System.err.println("watching the local list in " + file + " (Ctrl-C stops)");
        Thread.currentThread().join();
    }

    static synchronized void show(ConversationManager manager, String why) {
        if (manager == null) {
            return;
        }
        ConversationManager.Page page = manager.getConversationList(0, SHOWN);
        StringBuilder out = new StringBuilder("\n" + Instant.now() + "  " + why + "; total unread " + manager.getTotalUnreadMessageCount() + "\n");
        for (LocalConversation c : page.conversationList()) {
            var s = c.state();
            out.append(String.format("  %s %-24s unread %-3d %s%s%n", s.isPinned() ? "*" : " ", s.conversationID(), s.unreadCount(),
                    s.lastMessage() == null ? "" : s.lastMessage().summary(),
                    c.onlyOnDevice() ? "   [only on this device: " + c.leftBecause() + "]" : ""));
        }
        if (!page.isFinished()) {
            out.append("  …\n");
        }
        System.out.print(out);
    }
}
