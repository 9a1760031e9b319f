package io.convlist.client;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import java.util.logging.Level;
import java.util.logging.Logger;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.convlist.client.store.LocalStore;
import io.convlist.client.transport.Cloud;
import io.convlist.client.transport.ConvListException;
import io.convlist.client.transport.LiveChannel;
import io.convlist.client.wire.Conversation;
import io.convlist.client.wire.LiveFrame;
import io.convlist.client.wire.Removed;
import io.convlist.client.wire.SyncAnswer;

/**
 * Keeps the local list in step with the cloud, on one thread of its own: it loads the local list,
 * connects to the live channel and, once connected, syncs from its stored cursor until finished;
 * then applies events as they come. A lost connection is made again with backoff, and synced again.
 * A failed sync round is tried again with backoff too (the transport has already honoured the
 * service's Retry-After). Every answer is committed to the store with its cursor in one write, then
 * raised to the listener.
 */
final class SyncEngine implements AutoCloseable {
    private static final Logger LOG = Logger.getLogger(SyncEngine.class.getName());
    static final int PAGE = 100;
    /** Between answers of a round that bring nothing new (see syncPages). */
    static final long ROUND_PAUSE_MILLIS = 1_000;
    /** Close codes after which the device does not reconnect by itself (LiveSocket's 1003 and 4008). */
    private static final int UNSUPPORTED_FRAME = 1003;
    private static final int TOO_MANY_CONNECTIONS = 4008;

    private final Cloud cloud;
    private final LiveChannel live;
    private final LocalStore store;
    private final ConversationListener listener;
    private final ObjectMapper json;
    private final Backoff backoff;
    private final int page;
    private final ScheduledExecutorService thread = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "convlist-sync");
        t.setDaemon(true);
        return t;
    });
    private final AtomicLong generation = new AtomicLong();
    private final Map<ConversationFilter, Long> filters = new java.util.concurrent.ConcurrentHashMap<>();
    private final Object lock = new Object();

    private LocalList list;
    private String cursor;
    private boolean resyncing;
    private boolean syncScheduled;
    /** A round started and not finished (it may be pausing between answers). */
    private boolean roundOpen;
    private LiveChannel.Connection connection;
    private volatile boolean stopped;

    /** @param page conversations asked for per sync answer (1 to {@value #PAGE}) */
    SyncEngine(Cloud cloud, LiveChannel live, LocalStore store, ConversationListener listener, ObjectMapper json, Backoff backoff, int page) {
        this.page = page;
        this.cloud = cloud;
        this.live = live;
        this.store = store;
        this.listener = listener;
        this.json = json;
        this.backoff = backoff;
        LocalStore.Snapshot loaded = store.load();
        this.list = new LocalList(loaded.conversations(), loaded.conversationGroups());
        this.cursor = loaded.cursor();
        this.resyncing = loaded.conversations().values().stream().anyMatch(LocalConversation::unconfirmed);
    }

    void start() {
        thread.execute(this::connect);
    }

    /** Reads the local list under the engine's lock. */
    <T> T read(Function<LocalList, T> reader) {
        synchronized (lock) {
            return reader.apply(list);
        }
    }

    /** A sync round soon (after a mutation, or when asked): one at a time, never two queued. */
    void requestSync() {
        thread.execute(this::scheduleSync);
    }

    private void connect() {
        if (stopped) {
            return;
        }
        long mine = generation.incrementAndGet();
        connection = live.open(new LiveChannel.Handler() {
            @Override
            public void opened() {
                thread.execute(() -> {
                    if (mine == generation.get()) {
                        backoff.reset();
                        scheduleSync(); // connect first, then sync: every later change comes by event or is in the sync
                    }
                });
            }

            @Override
            public void frame(LiveFrame frame) {
                thread.execute(() -> {
                    if (mine == generation.get()) {
                        apply(frame);
                    }
                });
            }

            @Override
            public void closed(int code, String reason) {
                thread.execute(() -> {
                    if (generation.compareAndSet(mine, mine + 1) && !stopped) { // once per connection
                        LOG.fine(() -> "live channel closed: " + code + " " + reason);
                        if (code == UNSUPPORTED_FRAME || code == TOO_MANY_CONNECTIONS) {
                            return; // docs/live.md: do not reconnect by itself
                        }
                        thread.schedule(SyncEngine.this::connect, backoff.next(), TimeUnit.MILLISECONDS);
                    }
                });
            }
        });
    }

    private void scheduleSync() {
        if (!syncScheduled && !roundOpen && !stopped) {
            syncScheduled = true;
            thread.execute(this::syncRound);
        }
    }

    /** A sync round from the cursor until finished; a failure ends it and tries again after a backoff. */
    private void syncRound() {
        syncScheduled = false;
        roundOpen = true;
        listener.onSyncServerStart();
        syncPages();
    }

    /**
     * The round's answers, one after the other. An unfinished answer that changed nothing here (the
     * round's band holds changes of the last 30 s, sent again until they are older: docs/guarantees.md,
     * isFinished) is followed by a pause instead of at once, so that a device syncing a list that is
     * being written does not call back to back for up to 30 s.
     */
    private void syncPages() {
        try {
            while (!stopped) {
                SyncAnswer answer = json.treeToValue(cloud.call("syncConversations", syncBody()), SyncAnswer.class);
                if (answer.resyncRequired()) {
                    startResync();
                    continue;
                }
                int changed = applyPage(answer);
                if (answer.isFinished()) {
                    break;
                }
                if (changed == 0) {
                    thread.schedule(this::syncPages, ROUND_PAUSE_MILLIS, TimeUnit.MILLISECONDS);
                    return;
                }
            }
            roundOpen = false;
            listener.onSyncServerFinish();
        } catch (ConvListException | com.fasterxml.jackson.core.JsonProcessingException e) {
            LOG.log(Level.FINE, "sync failed", e);
            roundOpen = false;
            listener.onSyncServerFailed();
            if (!stopped) {
                thread.schedule(this::scheduleSync, backoff.next(), TimeUnit.MILLISECONDS);
            }
        }
    }

    private Map<String, Object> syncBody() {
        Map<String, Object> body = new HashMap<>();
        body.put("cursor", cursor);
        body.put("count", page);
        return body;
    }

    /** resyncRequired: start over from null, every conversation in the cloud waiting to be listed again. */
    private void startResync() {
        List<LocalList.Transition> marked;
        synchronized (lock) {
            marked = list.startResync();
        }
        store.commit(new LocalStore.Commit(afters(marked), true, null, null));
        cursor = null;
        resyncing = true;
    }

    /** @return how many entries of the local list the answer changed */
    private int applyPage(SyncAnswer answer) {
        List<LocalList.Transition> transitions = new ArrayList<>();
        long totalBefore;
        long totalAfter;
        List<String> groupsBefore;
        synchronized (lock) {
            totalBefore = list.totalUnread();
            groupsBefore = list.conversationGroups();
            for (Conversation c : answer.changed()) {
                add(transitions, list.upsert(c));
            }
            for (Removed r : answer.removed()) {
                add(transitions, list.remove(r));
            }
            if (answer.isFinished() && resyncing) {
                transitions.addAll(list.finishResync());
            }
            if (answer.conversationGroupList() != null) {
                list.setConversationGroups(answer.conversationGroupList());
            }
            totalAfter = list.totalUnread();
        }
        store.commit(new LocalStore.Commit(afters(transitions), true, answer.cursor(), answer.conversationGroupList()));
        cursor = answer.cursor();
        if (answer.isFinished()) {
            resyncing = false;
        }
        raise(transitions, totalBefore, totalAfter);
        if (answer.conversationGroupList() != null) {
            Callbacks.raiseGroups(listener, groupsBefore, answer.conversationGroupList());
        }
        return transitions.size();
    }

    /** One event: applied and stored as it comes; the cursor stays (the next sync may send it again: versions decide). */
    private void apply(LiveFrame frame) {
        List<LocalList.Transition> transitions = new ArrayList<>();
        long totalBefore;
        long totalAfter;
        List<String> groupsBefore;
        synchronized (lock) {
            totalBefore = list.totalUnread();
            groupsBefore = list.conversationGroups();
            switch (frame.event()) {
                case LiveFrame.CHANGED -> add(transitions, list.upsert(frame.conversation()));
                case LiveFrame.REMOVED -> add(transitions, list.remove(frame.removed()));
                case LiveFrame.GROUPS_CHANGED -> list.setConversationGroups(frame.conversationGroupList());
                default -> {
                    return; // an event this version does not know (large groups' activity: counted by the next sync)
                }
            }
            totalAfter = list.totalUnread();
        }
        boolean groups = LiveFrame.GROUPS_CHANGED.equals(frame.event());
        store.commit(new LocalStore.Commit(afters(transitions), false, null, groups ? frame.conversationGroupList() : null));
        raise(transitions, totalBefore, totalAfter);
        if (groups) {
            Callbacks.raiseGroups(listener, groupsBefore, frame.conversationGroupList());
        }
    }

    /**
     * The user deleted the conversation: it leaves the local list (a marker keeps what was seen of it,
     * so that no older state brings it back; a newer one, a message after the delete, does).
     */
    void dropLocally(String conversationID) {
        thread.execute(() -> {
            List<LocalList.Transition> transitions = new ArrayList<>();
            long totalBefore;
            long totalAfter;
            synchronized (lock) {
                totalBefore = list.totalUnread();
                add(transitions, list.deletedHere(conversationID));
                totalAfter = list.totalUnread();
            }
            store.commit(LocalStore.Commit.of(afters(transitions)));
            raise(transitions, totalBefore, totalAfter);
        });
    }

    /** The callbacks of one application, and of the filters the app watches whose unread count it moved. */
    private void raise(List<LocalList.Transition> transitions, long totalBefore, long totalAfter) {
        Callbacks.raise(listener, transitions, totalBefore, totalAfter);
        for (Map.Entry<ConversationFilter, Long> watched : filters.entrySet()) {
            long now = read(list -> list.unreadMatching(watched.getKey()));
            if (now != watched.getValue()) {
                watched.setValue(now);
                listener.onUnreadMessageCountChangedByFilter(watched.getKey(), now);
            }
        }
    }

    /** Tencent's subscribeUnreadMessageCountByFilter: the listener hears when this filter's unread count moves. */
    void watch(ConversationFilter filter) {
        filters.put(filter, read(list -> list.unreadMatching(filter)));
    }

    void unwatch(ConversationFilter filter) {
        filters.remove(filter);
    }

    private static void add(List<LocalList.Transition> transitions, LocalList.Transition t) {
        if (t != null) {
            transitions.add(t);
        }
    }

    private static List<LocalConversation> afters(List<LocalList.Transition> transitions) {
        return transitions.stream().map(LocalList.Transition::after).toList();
    }

    @Override
    public void close() {
        stopped = true;
        generation.incrementAndGet();
        thread.execute(() -> {
            if (connection != null) {
                connection.close();
            }
        });
        thread.shutdown();
        try {
            thread.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        store.close(); // after the thread's last commit
    }
}
