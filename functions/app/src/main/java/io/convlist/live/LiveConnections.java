package io.convlist.live;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import org.jboss.logging.Logger;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.convlist.events.LiveEvent;
import io.convlist.view.ListChange;
import io.quarkus.websockets.next.CloseReason;
import io.quarkus.websockets.next.UserData;
import io.quarkus.websockets.next.WebSocketConnection;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * The devices connected to this instance, by list (app and user). A change is serialized once and
 * sent to each connection of its list without waiting: a connection with too many frames unsent is
 * closed as too slow, so a slow device never holds up another or the stream.
 */
@ApplicationScoped
public class LiveConnections {
    private static final Logger LOG = Logger.getLogger(LiveConnections.class);
    static final UserData.TypedKey<AtomicInteger> UNSENT = new UserData.TypedKey<>("convlist.unsent");

    @Inject
    LiveConfig config;

    @Inject
    ObjectMapper json;

    private final Map<ListKey, Deque<WebSocketConnection>> byList = new ConcurrentHashMap<>();

    record ListKey(String appId, String userId) {
    }

    /**
     * Adds a connection; over the per-user limit, the user's oldest connection is closed. Adding and
     * removing run under the map's lock for the list, so a connection added while the user's last one
     * is removed never lands in a list the map has dropped.
     */
    void add(String appId, String userId, WebSocketConnection connection) {
        connection.userData().put(UNSENT, new AtomicInteger());
        List<WebSocketConnection> over = new ArrayList<>(1);
        byList.compute(new ListKey(appId, userId), (k, list) -> {
            Deque<WebSocketConnection> connections = list == null ? new ArrayDeque<>() : list;
            synchronized (connections) {
                connections.addLast(connection);
                if (connections.size() > config.maxConnectionsPerUser()) {
                    over.add(connections.pollFirst());
                }
            }
            return connections;
        });
        over.forEach(oldest -> close(oldest, CloseCodes.TOO_MANY_CONNECTIONS));
    }

    void remove(String appId, String userId, WebSocketConnection connection) {
        byList.computeIfPresent(new ListKey(appId, userId), (k, list) -> {
            synchronized (list) {
                list.remove(connection);
                return list.isEmpty() ? null : list;
            }
        });
    }

    /** Whether no device is connected here: the stream tail reads less often then. */
    public boolean isEmpty() {
        return byList.isEmpty();
    }

    /** Sends the change to every connection of its list (none: nothing is serialized). */
    public void deliver(ListChange change) {
        List<WebSocketConnection> targets = connectionsOf(new ListKey(change.appId(), change.userId()));
        if (targets.isEmpty()) {
            return;
        }
        String frame;
        try {
            frame = json.writeValueAsString(LiveEvent.of(change));
        } catch (JsonProcessingException e) {
            LOG.errorf(e, "live event not serializable for %s/%s", change.appId(), change.userId());
            return;
        }
        for (WebSocketConnection c : targets) {
            send(c, frame);
        }
    }

    private void send(WebSocketConnection c, String frame) {
        AtomicInteger unsent = c.userData().get(UNSENT);
        if (unsent.incrementAndGet() > config.maxUnsentFrames()) {
            close(c, CloseCodes.TOO_SLOW);
            return;
        }
        c.sendText(frame).subscribe().with(ok -> unsent.decrementAndGet(), failed -> unsent.decrementAndGet());
    }

    private List<WebSocketConnection> connectionsOf(ListKey key) {
        Deque<WebSocketConnection> list = byList.get(key);
        if (list == null) {
            return List.of();
        }
        synchronized (list) {
            return List.copyOf(list);
        }
    }

    static void close(WebSocketConnection c, CloseReason reason) {
        if (c.isOpen()) {
            c.close(reason).subscribe().with(ok -> { }, failed -> LOG.debugf("closing %s: %s", c.id(), failed));
        }
    }
}
