package io.convlist.live;

import java.time.Clock;

import io.convlist.events.LiveEvent;
import io.convlist.api.RequestGuards;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.websockets.next.OnClose;
import io.quarkus.websockets.next.OnOpen;
import io.quarkus.websockets.next.OnTextMessage;
import io.quarkus.websockets.next.OpenConnections;
import io.quarkus.websockets.next.WebSocket;
import io.quarkus.websockets.next.WebSocketConnection;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

/**
 * The live channel: one WebSocket per device at {@code /live}, opened with the user's token
 * ({@link LiveUpgrade}). It pushes the changes of that user's list only ({@link LiveEvent}); it takes
 * no frames. A sweep pings every connection (keeping proxies from dropping an idle one) and closes
 * those whose token has expired.
 */
@WebSocket(path = RequestGuards.LIVE_PATH)
public class LiveSocket {

    @Inject
    LiveConnections connections;

    @Inject
    LivePresence presence;

    @Inject
    OpenConnections open;

    @Inject
    LiveConfig config;

    @Inject
    Clock clock;

    void startSweeping(@Observes StartupEvent start, Vertx vertx) {
        vertx.setPeriodic(config.sweepInterval().toMillis(), id -> sweep());
    }

    @OnOpen
    public void opened(WebSocketConnection connection) {
        String app = connection.userData().get(LiveUpgrade.APP);
        String user = connection.userData().get(LiveUpgrade.USER);
        connections.add(app, user, connection);
        presence.opened(app, user, connection);
    }

    @OnClose
    public void closed(WebSocketConnection connection) {
        String app = connection.userData().get(LiveUpgrade.APP);
        String user = connection.userData().get(LiveUpgrade.USER);
        connections.remove(app, user, connection);
        presence.closed(app, user, connection);
    }

    @OnTextMessage
    public void received(String frame, WebSocketConnection connection) {
        LiveConnections.close(connection, CloseCodes.UNSUPPORTED_FRAME);
    }

    /** Closes the connections whose token expired, and pings the others. */
    void sweep() {
        long nowSecond = clock.millis() / 1000;
        for (WebSocketConnection c : open.listAll()) {
            Long expiresAt = c.userData().get(LiveUpgrade.EXPIRES_AT_SECOND);
            if (expiresAt != null && expiresAt <= nowSecond) {
                LiveConnections.close(c, CloseCodes.TOKEN_EXPIRED);
            } else if (c.isOpen()) {
                c.sendPing(Buffer.buffer()).subscribe().with(ok -> { }, failed -> { });
            }
        }
    }
}
