package io.convlist.config;

import io.smallrye.config.ConfigMapping;

/** Device sync (environment CONVLIST_SYNC_CURSOR_KEY). */
@ConfigMapping(prefix = "convlist.sync")
public interface SyncConfig {
    int CURSOR_KEY_MIN = 32;

    /**
     * The secret that signs sync cursors (HMAC-SHA256), the same on every instance: a cursor is
     * opaque, bound to its list, and a tampered one is refused. At least {@value #CURSOR_KEY_MIN}
     * characters (checked at start).
     */
    String cursorKey();
}
