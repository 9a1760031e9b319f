package io.convlist.bench;

import java.io.IOException;
import java.math.BigInteger;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import io.convlist.client.ConversationListener;
import io.convlist.client.ConversationManager;
import io.convlist.client.LocalConversation;
import io.convlist.client.store.InMemoryStore;
import io.convlist.client.store.LocalStore;
import io.convlist.client.store.SqliteStore;
import io.convlist.client.wire.Conversation;
import io.convlist.domain.AppSettings;
import io.convlist.domain.ConversationType;
import io.convlist.domain.Edition;
import io.convlist.domain.list.SyncPosition;
import io.convlist.domain.message.MessageEvent;
import io.convlist.testkit.LocalFunctions;

/**
 * The device library (client/) against the functions' built jar with the live channel on: the time from
 * a message's call to the listener's callback beside the call's own time; the memory and the SQLite
 * file a local list of many conversations takes; the time a device starting from nothing takes to
 * sync a list of the edition's largest size.
 */
final class DeviceBenchmark implements AutoCloseable {
    private static final String APP = "device";
    /** The library's page of a sync answer. */
    private static final int PAGE = 100;

    record Sizes(int messages, int localConversations, int resyncList, int resyncRuns) {
        static final Sizes FULL = new Sizes(200, 10_000, 500, 3);
        static final Sizes QUICK = new Sizes(3, 200, 20, 1);
    }

    record Result(int messages, int heard, double callP50, double callP99, double callbackP50, double callbackP99,
            int localConversations, long heapBytes, long diskBytes, int resyncList, double justWrittenMillis, Spread resyncMillis) {
    }

    private final Sizes sizes;
    private final StoreOnTable table;
    private final LocalFunctions functions;
    private final String base;
    private final String live;

    DeviceBenchmark(URI endpoint, Path projectRoot, Sizes sizes) throws IOException, InterruptedException {
        this.sizes = sizes;
        table = StoreOnTable.create(endpoint, "bench-device-" + UUID.randomUUID().toString().substring(0, 8));
        table.settings().put(new AppSettings(APP, APP, Edition.FLAGSHIP, Math.max(100, sizes.resyncList()), 7), "bench");
        functions = LocalFunctions.start(projectRoot, endpoint.toString(), table.table(), Map.of("CONVLIST_LIVE_TAIL_STREAM", "true"));
        base = functions.process.url.toString();
        live = base.replaceFirst("^http", "ws").replaceFirst("/?$", "/live");
    }

    Result run() throws Exception {
        Latencies calls = new Latencies();
        Latencies callbacks = new Latencies();
        int heard = callbackLatency(calls, callbacks);
        long[] local = localList();
        List<Double> resyncs = new ArrayList<>();
        seedList("many", sizes.resyncList());
        long written = System.nanoTime();
        // Right after the writes: a round whose answers are smaller than what changed in the last 30 s ends
        // only once those changes are older than the overlap (docs/guarantees.md, isFinished).
        double justWritten = fullSyncMillis("many");
        long settled = written + TimeUnit.MILLISECONDS.toNanos(SyncPosition.OVERLAP_MILLIS + 1_000);
        if (sizes.resyncList() > PAGE) {
            TimeUnit.NANOSECONDS.sleep(Math.max(0, settled - System.nanoTime()));
        }
        for (int run = 0; run < sizes.resyncRuns(); run++) {
            resyncs.add(fullSyncMillis("many"));
        }
        return new Result(sizes.messages(), heard, calls.percentileMillis(50), calls.percentileMillis(99),
                heard == 0 ? Double.NaN : callbacks.percentileMillis(50), heard == 0 ? Double.NaN : callbacks.percentileMillis(99),
                sizes.localConversations(), local[0], local[1], sizes.resyncList(), justWritten,
                Spread.of(resyncs.stream().mapToDouble(Double::doubleValue).toArray()));
    }

    /** Messages one at a time to a connected device: the call's time, and the time to the callback that shows it. */
    private int callbackLatency(Latencies calls, Latencies callbacks) throws Exception {
        Map<String, Long> arrived = new ConcurrentHashMap<>();
        CountDownLatch synced = new CountDownLatch(1);
        ConversationListener listener = new ConversationListener() {
            @Override
            public void onSyncServerFinish() {
                synced.countDown();
            }

            @Override
            public void onNewConversation(List<LocalConversation> conversations) {
                heard(conversations);
            }

            @Override
            public void onConversationChanged(List<LocalConversation> conversations) {
                heard(conversations);
            }

            private void heard(List<LocalConversation> conversations) {
                long now = System.nanoTime();
                conversations.forEach(c -> arrived.putIfAbsent(c.state().lastMessage().msgID(), now));
            }
        };
        String token = functions.userToken(APP, "watcher");
        int heard = 0;
        try (ConversationManager device = ConversationManager.create(base, live, () -> token, new InMemoryStore(), listener).start()) {
            synced.await(30, TimeUnit.SECONDS);
            String service = functions.serviceToken(APP);
            for (int i = 1; i <= sizes.messages(); i++) {
                String msgId = "m" + i;
                long start = System.nanoTime();
                var answer = functions.post("recordMessage", service, "{\"type\":\"C2C\",\"msgID\":\"" + msgId + "\",\"seq\":" + i
                        + ",\"timestamp\":" + (System.currentTimeMillis() - 1000) + ",\"senderID\":\"peer\",\"receiverID\":\"watcher\","
                        + "\"summary\":\"hi\"}");
                calls.add(System.nanoTime() - start);
                if (answer.statusCode() != 200) {
                    throw new IllegalStateException("recordMessage: " + answer.statusCode() + " " + answer.body());
                }
                for (long deadline = System.nanoTime() + 5_000_000_000L; !arrived.containsKey(msgId) && System.nanoTime() < deadline;) {
                    Thread.onSpinWait();
                }
                Long at = arrived.get(msgId);
                if (at != null) {
                    callbacks.add(at - start);
                    heard++;
                }
            }
        }
        return heard;
    }

    /** The heap a local list of that many conversations holds, and its SQLite file: {bytes in memory, bytes on disk}. */
    private long[] localList() throws IOException {
        List<LocalConversation> entries = new ArrayList<>();
        for (int i = 0; i < sizes.localConversations(); i++) {
            Conversation c = new Conversation("C2C", "c2c_peer" + i, "peer" + i, null, null, "Peer number " + i, "https://img.example/p" + i,
                    i % 7, 0, List.of(BigInteger.ONE), "", List.of("friends"), 0, 0,
                    new Conversation.LastMessage("msg-" + i, i, "peer" + i, "a summary of about forty characters here", 1_796_000_000_000L, false),
                    List.of(), null, null, false, 1_796_000_000_000L + i, 1_796_000_000_000L, 1_796_600_000L, 1_796_000_000_000_000L + i);
            entries.add(new LocalConversation(c.conversationID(), c, c.version(), LocalConversation.Where.IN_CLOUD, null, 0, false));
        }
        Path dir = Files.createTempDirectory("device-bench");
        Path file = dir.resolve("list.db");
        try (SqliteStore disk = new SqliteStore(file)) {
            disk.commit(LocalStore.Commit.of(entries));
        }
        long diskBytes;
        try (Stream<Path> files = Files.list(dir)) {
            diskBytes = files.mapToLong(f -> f.toFile().length()).sum();
        }
        entries = null;
        long before = usedHeap();
        InMemoryStore memory = new InMemoryStore();
        try (SqliteStore disk = new SqliteStore(file)) {
            memory.commit(LocalStore.Commit.of(List.copyOf(disk.load().conversations().values())));
        }
        long heapBytes = usedHeap() - before;
        if (memory.load().conversations().size() != sizes.localConversations()) {
            throw new IllegalStateException("the local list lost conversations");
        }
        return new long[] {heapBytes, diskBytes};
    }

    private static long usedHeap() {
        Runtime r = Runtime.getRuntime();
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        return r.totalMemory() - r.freeMemory();
    }

    /** A list of {@code size} conversations for the user, written through the store (the calls are not what is measured). */
    private void seedList(String user, int size) {
        long now = System.currentTimeMillis() - 60_000;
        for (int i = 0; i < size; i++) {
            table.store().recordMessage(APP, new MessageEvent(ConversationType.C2C, user + "-" + i, 1, now + i, "q" + i, user, null, null,
                    List.of(), "hello " + i, Set.of(), false).validated());
        }
    }

    /** A device with nothing stored: from start to its first sync's end (connecting included). */
    private double fullSyncMillis(String user) throws Exception {
        CountDownLatch synced = new CountDownLatch(1);
        String token = functions.userToken(APP, user);
        long start = System.nanoTime();
        try (ConversationManager device = ConversationManager.create(base, live, () -> token, new InMemoryStore(), new ConversationListener() {
            @Override
            public void onSyncServerFinish() {
                synced.countDown();
            }
        }).start()) {
            if (!synced.await(120, TimeUnit.SECONDS)) {
                throw new IllegalStateException("the device did not finish its sync");
            }
            double millis = (System.nanoTime() - start) / 1e6;
            if (device.cloudPart().size() != sizes.resyncList()) {
                throw new IllegalStateException("synced " + device.cloudPart().size() + " of " + sizes.resyncList());
            }
            return millis;
        }
    }

    static String section(Result r) {
        return String.format("""
                The device library (`client/`, [docs/client.md](client.md)) against the functions' built jar with \
                `CONVLIST_LIVE_TAIL_STREAM=true`, on moto.

                | what | figure |
                |---|---|
                | a message's call (`recordMessage`), p50 / p99 | %.1f / %.1f ms |
                | from the call's start to the device's listener callback showing it, p50 / p99 | %.1f / %.1f ms (%d of %d heard) |
                | a local list of %,d conversations in memory (the entries as loaded) | %.1f MiB (%.0f bytes each) |
                | the same list in its SQLite file | %.1f MiB (%.0f bytes each) |
                | a device with nothing stored, from start to its first sync's end, a list of %d written over 30 s before | %.0f ms (median; %.0f–%.0f) |
                | the same, started right after the list was written (its round ends once the writes are 30 s old) | %.0f ms |
                """, r.callP50(), r.callP99(), r.callbackP50(), r.callbackP99(), r.heard(), r.messages(), r.localConversations(),
                r.heapBytes() / 1048576.0, (double) r.heapBytes() / r.localConversations(), r.diskBytes() / 1048576.0,
                (double) r.diskBytes() / r.localConversations(), r.resyncList(), r.resyncMillis().median(), r.resyncMillis().min(),
                r.resyncMillis().max(), r.justWrittenMillis());
    }

    @Override
    public void close() {
        functions.close();
    }
}
