package io.convlist.config;

import io.smallrye.config.ConfigMapping;
import jakarta.validation.constraints.Size;

/** Device sync (environment CONVLIST_SYNC_CURSOR_KEY). */
@ConfigMapping(prefix = "convlist.sync")
public interface SyncConfig {

    /**
     * The secret that signs sync cursors (HMAC-SHA256), the same on every instance: a cursor is
     * opaque, bound to its list, and a tampered one is refused.
     */
    @Size(min = 32, message = "must be at least 32 characters (set CONVLIST_SYNC_CURSOR_KEY)")
    String cursorKey();
}
