package io.convlist.live;

import java.time.Clock;
import java.util.Set;

import org.jboss.logging.Logger;

import io.convlist.events.LiveEvent;
import io.convlist.api.RequestGuards;
import io.convlist.store.ConversationStore;
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

    private static final Logger LOG = Logger.getLogger(LiveSocket.class);

    @Inject
    LivePresence presence;

    @Inject
    ConversationStore store;

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
        connections.add(app, user, connection, largeGroupsOf(app, user));
        presence.opened(app, user, connection);
    }

    /** One GetItem of the list's bookkeeping; if it fails, none (the device hears of those groups by sync). */
    private Set<String> largeGroupsOf(String app, String user) {
        try {
            return store.largeGroupsOf(app, user);
        } catch (RuntimeException e) {
            LOG.warnf("reading %s/%s's large groups failed (%s): its devices hear of them by sync", app, user, e.getMessage());
            return Set.of();
        }
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
