package io.convlist.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.convlist.client.store.InMemoryStore;
import io.convlist.client.store.LocalStore;
import io.convlist.client.store.SqliteStore;
import io.convlist.client.transport.ConvListException;
import io.convlist.client.transport.OkHttpCloud;
import io.convlist.client.transport.OkHttpLive;
import io.convlist.testkit.Seeds;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The library against the running functions (embedded backend, live channel on): three instances
 * for two users (alice's phone on SQLite, her laptop in memory, bob on SQLite), messages from the
 * app's pipeline on a thread of its own while the users change their lists through the library,
 * events lost at random, connections dropped, and the SQLite instances restarted on their files. At
 * quiescence each instance's cloud part is exactly the server's list, what it keeps only on the device
 * is exactly what the cloud evicted of what it had, and the laptop's callbacks, replayed from empty,
 * rebuild its list.
 */
class ClientConvergenceTest {
    static final String APP = "client";
    static final ObjectMapper JSON = new ObjectMapper();
    static final OkHttpClient HTTP = new OkHttpClient();
    static LocalSystem system;

    @BeforeAll
    static void startTheSystem() throws Exception {
        system = LocalSystem.start(APP);
    }

    @AfterAll
    static void stopTheSystem() {
        system.close();
    }

    /** One library instance, and what its listener heard (for the laptop's replay). */
    final class Device implements AutoCloseable {
        final String user;
        final Path file;
        final LocalStore memory;
        final DroppingLive live;
        final Map<String, LocalConversation> replayed = new ConcurrentHashMap<>();
        /** Every conversation the device has shown (a conversation evicted before the device saw it is not kept: it never had it). */
        final Set<String> seen = ConcurrentHashMap.newKeySet();
        /** Conversations this test deleted through the library with no message since: the device dropped them, whatever the cloud did. */
        final Set<String> deletedHere;
        ConversationManager manager;

        Device(String user, Path file, long seed, Set<String> deletedByUser) {
            this.user = user;
            this.deletedHere = deletedByUser;
            this.file = file;
            this.memory = file == null ? new InMemoryStore() : null;
            String token = system.functions.userToken(APP, user);
            this.live = new DroppingLive(new OkHttpLive(HTTP, system.liveUrl, () -> token, JSON), seed, 0.25);
            open();
        }

        void open() {
            String token = system.functions.userToken(APP, user);
            LocalStore store = file == null ? memory : new SqliteStore(file);
            manager = new ConversationManager(new OkHttpCloud(HTTP, system.baseUrl, () -> token, JSON), live, store, new ConversationListener() {
                @Override
                public void onNewConversation(List<LocalConversation> conversations) {
                    conversations.forEach(c -> replayed.put(c.conversationID(), c));
                    conversations.forEach(c -> seen.add(c.conversationID()));
                }

                @Override
                public void onConversationChanged(List<LocalConversation> conversations) {
                    conversations.forEach(c -> replayed.put(c.conversationID(), c));
                }

                @Override
                public void onConversationDeleted(List<String> ids, List<String> reasons) {
                    ids.forEach(replayed::remove);
                }
            }, JSON, new Backoff(50, 1_000)).start();
        }

        /** A restart: the process ends, a new instance opens the same file. */
        void restart() {
            manager.close();
            open();
        }

        @Override
        public void close() {
            manager.close();
        }
    }

    @Test
    void threeInstancesOfTwoUsers_withLostEventsDroppedConnectionsAndRestarts_endWithTheServersList() throws Exception {
        long seed = Seeds.seed("ClientConvergenceTest");
        SplittableRandom random = new SplittableRandom(seed);
        Path dir = Files.createTempDirectory("client-convergence");
        Map<String, Set<String>> deleted = Map.of("alice", ConcurrentHashMap.newKeySet(), "bob", ConcurrentHashMap.newKeySet());
        try (Device phone = new Device("alice", dir.resolve("alice-phone.db"), seed, deleted.get("alice"));
                Device laptop = new Device("alice", null, seed + 1, deleted.get("alice"));
                Device bob = new Device("bob", dir.resolve("bob.db"), seed + 2, deleted.get("bob"))) {
            List<Device> devices = List.of(phone, laptop, bob);
            Map<String, Long> seqs = new ConcurrentHashMap<>();
            for (int p = 0; p < 106; p++) { // bob's list passes the cap of 100 at once: the first six are evicted
                message("p" + p, "bob", seqs);
            }
            // The app's pipeline writes on a thread of its own while the users change their lists through their devices.
            SplittableRandom pipeline = random.split();
            var pipelineThread = java.util.concurrent.Executors.newSingleThreadExecutor();
            var writer = pipelineThread.submit(() -> {
                for (int i = 0; i < 120; i++) { // bob has 115 peers, so his list passes the cap of 100
                    String to = pipeline.nextInt(3) == 0 ? "alice" : "bob";
                    String from = "p" + pipeline.nextInt(to.equals("bob") ? 115 : 20);
                    deleted.get(to).remove("c2c_" + from);
                    message(from, to, seqs);
                }
                return null;
            });
            for (int step = 0; step < 80 || !writer.isDone(); step++) {
                int dice = random.nextInt(8);
                if (dice < 5) { // the user changes a conversation through one of its devices
                    Device d = devices.get(random.nextInt(3));
                    List<LocalConversation> inCloud = d.manager.cloudPart();
                    if (inCloud.isEmpty()) {
                        continue;
                    }
                    String id = inCloud.get(random.nextInt(inCloud.size())).conversationID();
                    try {
                        switch (dice) {
                            case 0 -> d.manager.pinConversation(id, random.nextBoolean());
                            case 1 -> d.manager.setConversationDraft(id, random.nextBoolean() ? "draft " + step : null);
                            case 2, 3 -> d.manager.cleanConversationUnreadMessageCount(id);
                            default -> {
                                d.deletedHere.add(id);
                                d.manager.deleteConversation(id);
                            }
                        }
                    } catch (ConvListException e) {
                        assertThat(e.code()).as("step " + step).isIn("NOT_FOUND", "PIN_LIMIT_REACHED");
                    }
                } else if (dice < 7) {
                    devices.get(random.nextInt(3)).live.dropConnection();
                } else {
                    Device d = random.nextBoolean() ? phone : bob;
                    d.restart();
                }
            }
            writer.get();
            pipelineThread.shutdown();
            for (Device d : devices) {
                awaitServersList(d, seed);
            }
            assertThat(laptop.replayed).as("the laptop's callbacks replayed from empty (seed " + seed + ")")
                    .isEqualTo(laptop.manager.getConversationList(0, 10_000).conversationList().stream()
                            .collect(Collectors.toMap(LocalConversation::conversationID, c -> c)));
            System.out.printf("client convergence %d: bob keeps %d conversations only on his device%n", seed,
                    bob.manager.getConversationList(0, 10_000).conversationList().stream().filter(LocalConversation::onlyOnDevice).count());
        }
    }

    /**
     * A device process killed in the middle of its first sync (pages of 10, killed after the third
     * answer's commit) resumes on its SQLite file: it raises as new exactly the conversations it had not
     * committed, none twice, and ends with the server's list.
     */
    @Test
    void aDeviceKilledInTheMiddleOfASync_resumesOnItsFile_withNoChangeLostOrAppliedTwice() throws Exception {
        Map<String, Long> seqs = new LinkedHashMap<>();
        for (int p = 0; p < 60; p++) {
            message("q" + p, "carol", seqs);
        }
        Path file = Files.createTempDirectory("client-crash").resolve("carol.db");
        String token = system.functions.userToken(APP, "carol");
        Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
                System.getProperty("java.class.path"), SyncChild.class.getName(), system.baseUrl, system.liveUrl, token, file.toString())
                .redirectErrorStream(true).start();
        int committed = 0;
        try (var lines = new java.io.BufferedReader(new java.io.InputStreamReader(child.getInputStream()))) {
            for (String line = lines.readLine(); line != null && committed < 3; line = lines.readLine()) {
                if (line.startsWith("committed ")) {
                    committed++;
                }
            }
            child.destroyForcibly().waitFor();
        }
        assertThat(committed).as("answers the child committed before it was killed").isEqualTo(3);
        Set<String> before;
        try (SqliteStore store = new SqliteStore(file)) {
            before = store.load().conversations().keySet();
        }
        assertThat(before.size()).as("what the killed process had committed: some, not all").isBetween(1, 59);
        List<String> raised = java.util.Collections.synchronizedList(new ArrayList<>());
        ConversationManager resumed = new ConversationManager(new OkHttpCloud(HTTP, system.baseUrl, () -> token, JSON),
                new OkHttpLive(HTTP, system.liveUrl, () -> token, JSON), new SqliteStore(file), new ConversationListener() {
                    @Override
                    public void onNewConversation(List<LocalConversation> conversations) {
                        conversations.forEach(c -> raised.add(c.conversationID()));
                    }
                }, JSON, new Backoff(50, 1_000), 10).start();
        try {
            List<String> server = serversList("carol");
            for (long deadline = System.nanoTime() + 30_000_000_000L; System.nanoTime() < deadline
                    && !resumed.cloudPart().stream().map(ClientConvergenceTest::shown).toList().equals(server); Thread.sleep(100)) {
                resumed.engineSync();
            }
            assertThat(resumed.cloudPart().stream().map(ClientConvergenceTest::shown).toList()).isEqualTo(server);
            assertThat(raised).as("raised as new after the restart").doesNotHaveDuplicates().doesNotContainAnyElementsOf(before)
                    .hasSize(60 - before.size());
        } finally {
            resumed.close();
        }
    }

    /** A message from a peer, as the app's pipeline records it. */
    static void message(String from, String to, Map<String, Long> seqs) throws Exception {
        long seq = seqs.merge(from + ">" + to, 1L, Long::sum);
        post("recordMessage", system.functions.serviceToken(APP), Map.of("type", "C2C", "msgID", from + "-" + to + "-" + seq, "seq", seq,
                "timestamp", System.currentTimeMillis() - 1000, "senderID", from, "receiverID", to, "summary", "m" + seq));
    }

    /** Syncs the device until its cloud part is the server's list, or fails with both after 30 s. */
    void awaitServersList(Device d, long seed) throws Exception {
        List<String> server = List.of();
        List<String> device = List.of();
        for (long deadline = System.nanoTime() + 30_000_000_000L; System.nanoTime() < deadline; Thread.sleep(200)) {
            d.manager.engineSync();
            server = serversList(d.user);
            device = d.manager.cloudPart().stream().map(ClientConvergenceTest::shown).toList();
            if (server.equals(device)) {
                break;
            }
        }
        assertThat(device).as(d.user + "'s device (seed " + seed + ", replay with -Dseed=" + seed + ")").isEqualTo(server);
        Set<String> onlyHere = d.manager.getConversationList(0, 10_000).conversationList().stream().filter(LocalConversation::onlyOnDevice)
                .map(LocalConversation::conversationID).collect(Collectors.toCollection(TreeSet::new));
        Set<String> expected = evicted(d.user);
        expected.removeAll(d.deletedHere); // deleted through a device that still showed it in the cloud after its eviction
        expected.retainAll(d.seen); // evicted before this device ever had it
        StringBuilder differing = new StringBuilder();
        Set<String> all = new TreeSet<>(expected);
        all.addAll(onlyHere);
        all.stream().filter(id -> expected.contains(id) != onlyHere.contains(id))
                .forEach(id -> differing.append("\n").append(id).append(": ").append(d.manager.entry(id)).append(" / ")
                        .append(system.removalOf(APP, d.user, id)));
        assertThat(onlyHere).as(d.user + "'s conversations kept only on the device (seed " + seed + ")" + differing).isEqualTo(expected);
    }

    /** The server's list as the tests compare it, in its order. */
    static List<String> serversList(String user) throws Exception {
        List<String> all = new ArrayList<>();
        long next = 0;
        while (true) {
            JsonNode page = post("getConversationList", system.functions.userToken(APP, user), Map.of("nextSeq", next, "count", 100));
            page.get("conversationList").forEach(c -> all.add(shown(JSON.convertValue(c, io.convlist.client.wire.Conversation.class))));
            if (page.get("isFinished").asBoolean()) {
                return all;
            }
            next = page.get("nextSeq").asLong();
        }
    }

    static String shown(LocalConversation c) {
        return shown(c.state());
    }

    static String shown(io.convlist.client.wire.Conversation c) {
        return c.conversationID() + " unread=" + c.unreadCount() + " pinned=" + c.isPinned() + " draft=" + c.draftText() + " last="
                + (c.lastMessage() == null ? null : c.lastMessage().msgID()) + " v=" + c.version();
    }

    /** The conversations the cloud evicted from the user's list and holds no more (the server's removal records). */
    static Set<String> evicted(String user) throws Exception {
        Set<String> evicted = new TreeSet<>(system.evictedFrom(APP, user));
        serversList(user).forEach(shown -> evicted.remove(shown.substring(0, shown.indexOf(' '))));
        return evicted;
    }

    static JsonNode post(String function, String token, Map<String, Object> body) throws Exception {
        var response = system.functions.post(function, token, JSON.writeValueAsString(body));
        assertThat(response.statusCode()).as(function + ": " + response.body()).isEqualTo(200);
        return JSON.readTree(response.body());
    }
}
