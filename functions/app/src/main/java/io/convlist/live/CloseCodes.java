package io.convlist.live;

import io.quarkus.websockets.next.CloseReason;

/** How the live channel closes a connection, and why (docs/live.md lists them for device developers). */
public final class CloseCodes {
    /** The device sent a frame: the channel only pushes. */
    public static final CloseReason UNSUPPORTED_FRAME = new CloseReason(1003, "the live channel accepts no frames");
    /** The token the connection was opened with expired: reconnect with a fresh one, then sync. */
    public static final CloseReason TOKEN_EXPIRED = new CloseReason(4001, "token expired");
    /** The user opened more connections than allowed: this, the oldest, was closed. */
    public static final CloseReason TOO_MANY_CONNECTIONS = new CloseReason(4008, "too many connections for this user");
    /** The device did not read its frames fast enough: reconnect, then sync. */
    public static final CloseReason TOO_SLOW = new CloseReason(4009, "too slow: frames were left unsent");

    private CloseCodes() {
    }
}
