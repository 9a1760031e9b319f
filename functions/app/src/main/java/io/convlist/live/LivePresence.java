package io.convlist.live;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;

import org.jboss.logging.Logger;

import io.convlist.store.ConversationStore;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.websockets.next.WebSocketConnection;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

/**
 * Tells the table which devices are connected here (the console counts them: DevicePresence), one
 * write as a connection opens and one as it closes, on a thread of its own in that order: a device
 * never waits for it, and a failed write is logged and dropped (the count is then off until the
 * token's expiry ends the item).
 */
@ApplicationScoped
public class LivePresence {
    private static final Logger LOG = Logger.getLogger(LivePresence.class);
    /** A connection's open and close, in the order DevicePresence keeps. */
    private static final long OPENED = 1;
    private static final long CLOSED = 2;

    @Inject
    ConversationStore store;

    private final ExecutorService writes = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "live-presence");
        t.setDaemon(true);
        return t;
    });

    void opened(String appId, String userId, WebSocketConnection connection) {
        long until = connection.userData().get(LiveUpgrade.EXPIRES_AT_SECOND);
        write(() -> store.devices().connected(appId, userId, connection.id(), OPENED, until));
    }

    void closed(String appId, String userId, WebSocketConnection connection) {
        write(() -> store.devices().disconnected(appId, userId, connection.id(), CLOSED));
    }

    private void write(Runnable write) {
        try {
            writes.execute(() -> {
                try {
                    write.run();
                } catch (RuntimeException e) {
                    LOG.warnf("recording a live connection failed (%s); the console's count is off until the item expires", e.getMessage());
                }
            });
        } catch (RejectedExecutionException stopping) {
            // the process is stopping: its connections' items end at their tokens' expiry
        }
    }

    /** Lets the closes of the connections that the stop ended be written, for a moment. */
    void stop(@Observes ShutdownEvent stop) throws InterruptedException {
        writes.shutdown();
        writes.awaitTermination(2, TimeUnit.SECONDS);
    }
}
