package io.convlist.live;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import org.jboss.logging.Logger;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.convlist.events.LiveEvent;
import io.convlist.store.list.ListChanges;
import io.convlist.view.LargeGroupActivity;
import io.convlist.view.ListChange;
import io.quarkus.websockets.next.CloseReason;
import io.quarkus.websockets.next.UserData;
import io.quarkus.websockets.next.WebSocketConnection;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * The devices connected to this instance, by list (app and user), and by the large groups their users
 * are members of (read at connect, then followed from the lists' bookkeeping). A change is serialized once and
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
    /** The users connected here who are members of each large group (sets replaced whole, never changed). */
    private final Map<GroupKey, Set<ListKey>> byLargeGroup = new ConcurrentHashMap<>();
    private final Map<ListKey, Set<String>> largeGroupsOf = new HashMap<>();

    record ListKey(String appId, String userId) {
    }

    record GroupKey(String appId, String groupId) {
    }

    /**
     * Adds a connection; over the per-user limit, the user's oldest connection is closed. Adding and
     * removing run under the map's lock for the list, so a connection added while the user's last one
     * is removed never lands in a list the map has dropped.
     */
    void add(String appId, String userId, WebSocketConnection connection, Set<String> largeGroups) {
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
            watch(k, largeGroups);
            return connections;
        });
        over.forEach(oldest -> close(oldest, CloseCodes.TOO_MANY_CONNECTIONS));
    }

    void remove(String appId, String userId, WebSocketConnection connection) {
        byList.computeIfPresent(new ListKey(appId, userId), (k, list) -> {
            synchronized (list) {
                list.remove(connection);
                if (!list.isEmpty()) {
                    return list;
                }
            }
            watch(k, Set.of());
            return null;
        });
    }

    /** The user's large groups changed (the list's bookkeeping): their activity now reaches the user's connections here. */
    public void largeGroupsChanged(ListChanges.LargeGroups now) {
        byList.computeIfPresent(new ListKey(now.appId(), now.userId()), (k, list) -> {
            watch(k, now.groupIds());
            return list;
        });
    }

    /** Runs under the list's entry in byList, so a list's adds, removes and changes of groups take turns. */
    private void watch(ListKey list, Set<String> groups) {
        synchronized (largeGroupsOf) {
            Set<String> before = largeGroupsOf.getOrDefault(list, Set.of());
            for (String group : before) {
                if (!groups.contains(group)) {
                    byLargeGroup.computeIfPresent(new GroupKey(list.appId(), group), (g, users) -> without(users, list));
                }
            }
            for (String group : groups) {
                if (!before.contains(group)) {
                    byLargeGroup.merge(new GroupKey(list.appId(), group), Set.of(list), LiveConnections::with);
                }
            }
            if (groups.isEmpty()) {
                largeGroupsOf.remove(list);
            } else {
                largeGroupsOf.put(list, Set.copyOf(groups));
            }
        }
    }

    private static Set<ListKey> with(Set<ListKey> users, Set<ListKey> more) {
        Set<ListKey> all = new HashSet<>(users);
        all.addAll(more);
        return Set.copyOf(all);
    }

    private static Set<ListKey> without(Set<ListKey> users, ListKey gone) {
        Set<ListKey> rest = new HashSet<>(users);
        rest.remove(gone);
        return rest.isEmpty() ? null : Set.copyOf(rest);
    }

    /** Sends a large group's activity to the connections here of its members. */
    public void deliver(LargeGroupActivity activity) {
        Set<ListKey> members = byLargeGroup.getOrDefault(new GroupKey(activity.appId(), activity.groupID()), Set.of());
        if (members.isEmpty()) {
            return;
        }
        String frame = frame(LiveEvent.of(activity));
        for (ListKey member : members) {
            for (WebSocketConnection c : connectionsOf(member)) {
                send(c, frame);
            }
        }
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
        String frame = frame(LiveEvent.of(change));
        for (WebSocketConnection c : targets) {
            send(c, frame);
        }
    }

    /** An event's frame, serialized once for all its connections (its records always serialize). */
    private String frame(LiveEvent event) {
        try {
            return json.writeValueAsString(event);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a live event did not serialize: " + event.event(), e);
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
