package io.convlist;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import io.convlist.domain.ConversationId;
import io.convlist.domain.ConversationType;
import io.convlist.domain.GroupProfile;
import io.convlist.domain.GroupType;
import io.convlist.domain.ServiceException;
import io.convlist.domain.UserProfile;
import io.convlist.view.Conversation;
import io.convlist.view.ConversationPage;
import io.convlist.domain.list.SettingChange;
import io.convlist.view.SyncPage;
import io.convlist.domain.list.SyncPosition;
import io.convlist.domain.message.MembershipChange;
import io.convlist.domain.message.MessageEvent;
import io.convlist.store.ConversationStore;
import io.convlist.store.TtlDeletions;
import io.convlist.store.app.AppSettingsStore;
import io.convlist.testing.Ttl;
import io.convlist.testkit.Seeds;
import io.convlist.testkit.DynamoDbTestResource;
import io.convlist.testkit.OffsetClock;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * The sync guarantee, tried to break: random histories of messages (late and replayed too),
 * reads, drafts, pins, receive options, deletes, remarks, peer and group profiles, evictions at the cap and
 * expiry, written concurrently by three service instances whose clocks differ by up to 6 s, while a
 * device syncs in small pages. Afterwards the device, and copies of it taken at random cursors
 * during the history (mid-round ones too), sync until finished and must hold exactly the server's
 * list: the same conversations with the same fields. The seed of a failing history is in the message.
 */
@QuarkusTest
@QuarkusTestResource(DynamoDbTestResource.class)
class SyncConvergenceTest {
    /** Histories per run; raise it for a longer soak: -Dsync.histories=50. */
    static final int HISTORIES = Integer.getInteger("sync.histories", 2);
    static final int BURSTS = 3;
    static final int OPS_PER_WRITER = 50;
    static final int DEVICE_CALLS_PER_BURST = 30;
    static final int SNAPSHOTS = 8;
    static final int PEERS = 70;
    static final int GROUPS = 60; // 130 conversations for a limit of 100: evictions happen
    /** Hours that pass after each burst: the first two make conversations of the first burst expire while devices are in sync. */
    static final int[][] QUIET_HOURS = { { 120, 144 }, { 48, 72 }, { 0, 80 } };
    static final long[] CLOCK_ERRORS = { -3_000, 0, 3_000 };
    static final ExecutorService POOL = Executors.newFixedThreadPool(8);

    @Inject
    DynamoDbClient ddb;

    @ConfigProperty(name = "convlist.table")
    String table;

    @AfterAll
    static void stopPool() {
        POOL.shutdownNow();
    }

    /** The message pipeline's clock, which stamps messages: real time, whatever the service instances' clocks say. */
    static final InstanceClock PIPELINE = new InstanceClock(new AtomicLong(), 0);

    /** One service instance's clock: the history's virtual time plus this instance's error. */
    static final class InstanceClock extends OffsetClock {
        private final AtomicLong virtualOffset;
        private final long error;

        InstanceClock(AtomicLong virtualOffset, long error) {
            this.virtualOffset = virtualOffset;
            this.error = error;
        }

        @Override
        protected long offsetMillis() {
            return virtualOffset.get() + error;
        }
    }

    /** Removals devices were told of, by reason, over all histories: the histories must exercise every reason. */
    static final Map<String, Long> REASONS_SEEN = new ConcurrentHashMap<>();

    /** A device: its copy of the list and its cursor. */
    /** A device by the documented rule: of all it has seen of a conversation, the highest version stands. */
    static final class Device {
        final Map<String, Conversation> list = new LinkedHashMap<>();
        /** The highest version seen of each conversation, by state or by removal. */
        final Map<String, Long> versions = new HashMap<>();
        SyncPosition cursor;

        /** Applies one answer; true when the round is finished. */
        boolean sync(ConversationStore store, String app, int count) {
            SyncPage page = store.sync(app, "u", cursor, count);
            if (page.resyncRequired()) {
                list.clear();
                versions.clear();
                cursor = null;
                return false;
            }
            page.changed().forEach(c -> {
                if (newer(c.conversationID(), c.version())) {
                    list.put(c.conversationID(), c);
                }
            });
            page.removed().forEach(r -> {
                if (newer(r.conversationId().toString(), r.version()) && list.remove(r.conversationId().toString()) != null) {
                    REASONS_SEEN.merge(r.reason().name(), 1L, Long::sum);
                }
            });
            cursor = page.next();
            return page.isFinished();
        }

        /** Takes the version if it is not below the highest seen (a tie: the same state sent again). */
        private boolean newer(String conversationId, long version) {
            Long seen = versions.get(conversationId);
            if (seen != null && seen > version) {
                return false;
            }
            versions.put(conversationId, version);
            return true;
        }

        Device copy() {
            Device d = new Device();
            d.list.putAll(list);
            d.versions.putAll(versions);
            d.cursor = cursor;
            return d;
        }
    }

    @Test
    void randomHistories_devicesFromAnyCursor_endWithExactlyTheServersList() throws Exception {
        long first = Seeds.seed("SyncConvergenceTest");
        for (int h = 0; h < HISTORIES; h++) {
            long seed = first + h;
            try {
                history(seed);
            } catch (Exception | AssertionError e) {
                throw new AssertionError("history with seed " + seed + " failed: " + e.getMessage(), e);
            }
        }
        assertThat(REASONS_SEEN).as("removals devices applied, by reason").containsKeys("DELETED", "EVICTED", "EXPIRED");
    }

    void history(long seed) throws Exception {
        SplittableRandom random = new SplittableRandom(seed);
        AtomicLong virtual = new AtomicLong();
        List<ConversationStore> instances = new ArrayList<>();
        for (long error : CLOCK_ERRORS) {
            Clock clock = new InstanceClock(virtual, error);
            instances.add(new ConversationStore(ddb, table, clock, new AppSettingsStore(ddb, table, clock, Duration.ofSeconds(5)), POOL));
        }
        ConversationStore reference = instances.get(1);
        String app = "sync" + Long.toHexString(seed);
        Map<String, AtomicLong> seqs = new ConcurrentHashMap<>();
        Device device = new Device();
        List<Device> snapshots = Collections.synchronizedList(new ArrayList<>());

        for (int burst = 0; burst < BURSTS; burst++) {
            AtomicBoolean writing = new AtomicBoolean(true);
            List<Future<?>> writers = new ArrayList<>();
            for (int w = 0; w < instances.size(); w++) {
                ConversationStore store = instances.get(w);
                SplittableRandom own = random.split();
                int writer = w;
                boolean fill = burst == 0;
                writers.add(POOL.submit(() -> {
                    if (fill) { // every conversation gets a first message: 130 for a limit of 100
                        for (int t = writer; t < PEERS + GROUPS; t += CLOCK_ERRORS.length) {
                            ConversationId id = t < PEERS ? ConversationId.c2c("p" + t) : ConversationId.group("g" + (t - PEERS));
                            long s = seqs.computeIfAbsent(id.toString(), k -> new AtomicLong()).incrementAndGet();
                            store.recordMessage(app, message(id, s, PIPELINE.millis(), false));
                        }
                    }
                    for (int i = 0; i < OPS_PER_WRITER; i++) {
                        randomChange(store, app, own, seqs);
                    }
                    return null;
                }));
            }
            SplittableRandom deviceRandom = random.split();
            Future<?> syncing = POOL.submit(() -> {
                for (int call = 0; call < DEVICE_CALLS_PER_BURST && writing.get(); call++) {
                    device.sync(instances.get(deviceRandom.nextInt(instances.size())), app, 1 + deviceRandom.nextInt(15));
                    if (deviceRandom.nextInt(DEVICE_CALLS_PER_BURST * BURSTS / SNAPSHOTS) == 0) {
                        snapshots.add(device.copy());
                    }
                }
                return null;
            });
            for (Future<?> f : writers) {
                f.get(5, TimeUnit.MINUTES);
            }
            writing.set(false);
            syncing.get(5, TimeUnit.MINUTES);
            // The device catches up after the burst (one overlap later, so its round can finish), then goes quiet.
            virtual.addAndGet(SyncPosition.OVERLAP_MILLIS + 1_000);
            syncUntilFinished(device, instances, app);
            // Quiet between bursts: days pass, some conversations expire, TTL deletes some of those late.
            virtual.addAndGet(Duration.ofHours(random.nextInt(QUIET_HOURS[burst][0], QUIET_HOURS[burst][1] + 1)).toMillis());
            if (random.nextBoolean()) {
                long now = reference.changesFromNow().since();
                List<TtlDeletions.Deletion> deleted = Ttl.deleteExpired(ddb, table, app, "u", now);
                new TtlDeletions(reference, new InstanceClock(virtual, 0)).handle(deleted);
            }
        }

        // After the last change: beyond the overlap, every device syncs until finished.
        virtual.addAndGet(SyncPosition.OVERLAP_MILLIS + 1_000);
        Map<String, Conversation> server = serverList(reference, app);
        System.out.printf("sync history %d: %d conversations, removals applied so far %s, %d device copies%n", seed,
                server.size(), new java.util.TreeMap<>(REASONS_SEEN), snapshots.size() + 2);
        snapshots.add(device);
        snapshots.add(new Device()); // a device starting from nothing
        for (Device d : snapshots) {
            syncUntilFinished(d, instances, app);
            assertThat(d.list.keySet()).as("conversations").containsExactlyInAnyOrderElementsOf(server.keySet());
            assertThat(d.list).as("fields").isEqualTo(server);
        }
    }

    static void syncUntilFinished(Device d, List<ConversationStore> instances, String app) {
        int pages = 0;
        while (!d.sync(instances.get(pages % instances.size()), app, 10)) {
            assertThat(++pages).as("pages until finished").isLessThan(500);
        }
    }

    static Map<String, Conversation> serverList(ConversationStore store, String app) {
        Map<String, Conversation> all = new LinkedHashMap<>();
        long next = 0;
        while (true) {
            ConversationPage page = store.list(app, "u", next, 100);
            page.conversationList().forEach(c -> all.put(c.conversationID(), c));
            if (page.isFinished()) {
                return all;
            }
            next = page.nextSeq();
        }
    }

    /** One change of the user's list, as the product's callers make them; refusals (404, 409) are part of the history. */
    static void randomChange(ConversationStore store, String app, SplittableRandom r, Map<String, AtomicLong> seqs) {
        boolean c2c = r.nextInt(PEERS + GROUPS) < PEERS;
        String target = c2c ? "p" + r.nextInt(PEERS) : "g" + r.nextInt(GROUPS);
        ConversationId id = c2c ? ConversationId.c2c(target) : ConversationId.group(target);
        AtomicLong seq = seqs.computeIfAbsent(id.toString(), k -> new AtomicLong());
        long now = PIPELINE.millis();
        try {
            switch (r.nextInt(20)) {
                case 0, 1, 2, 3, 4, 5, 6, 7 -> { // a message to the user, sometimes a late or replayed one
                    long s = seq.get() > 0 && r.nextInt(6) == 0 ? 1 + r.nextLong(seq.get()) : seq.incrementAndGet();
                    store.recordMessage(app, message(id, s, now, false));
                }
                case 8 -> store.recordMessage(app, message(id, seq.incrementAndGet(), now, true)); // the user's own
                case 9, 10 -> store.markRead(app, "u", id, null, null);
                case 11 -> store.setDraft(app, "u", id, r.nextBoolean() ? "draft " + r.nextInt(100) : null);
                case 12 -> store.pin(app, "u", id, r.nextBoolean());
                case 13 -> store.changeSettings(app, "u", List.of(id), new SettingChange.ReceiveOpt(r.nextInt(5)));
                case 14 -> store.delete(app, "u", id, r.nextBoolean());
                case 15 -> {
                    if (!c2c) { // the user joins or leaves the group at its current seq
                        MembershipChange change = new MembershipChange(target, GroupType.Work, seq.get(), List.of("u"));
                        if (r.nextBoolean()) {
                            store.addGroupMembers(app, change.validated(true));
                        } else {
                            store.removeGroupMembers(app, change.validated(false));
                        }
                    }
                }
                case 16 -> {
                    if (c2c) {
                        store.setFriendRemark(app, "u", target, r.nextBoolean() ? "friend " + r.nextInt(100) : "");
                    }
                }
                case 17 -> {
                    if (c2c) {
                        store.putUserProfile(app, new UserProfile(target, "nick " + r.nextInt(100), null));
                    } else {
                        store.putGroupProfile(app, new GroupProfile(target, "team " + r.nextInt(100), null, GroupType.Work));
                    }
                }
                default -> store.recordMessage(app, message(id, seq.incrementAndGet(), now, false));
            }
        } catch (ServiceException refused) {
            assertThat(Set.of("NOT_FOUND", "PIN_LIMIT_REACHED")).contains(refused.code().name());
        }
    }

    static MessageEvent message(ConversationId id, long seq, long time, boolean fromUser) {
        if (id.type() == ConversationType.C2C) {
            String peer = id.userId();
            return new MessageEvent(ConversationType.C2C, id + "-" + seq, seq, time, fromUser ? "u" : peer,
                    fromUser ? peer : "u", null, null, List.of(), "m" + seq, Set.of(), false).validated();
        }
        return new MessageEvent(ConversationType.GROUP, id + "-" + seq, seq, time, fromUser ? "u" : "carol", null,
                id.groupId(), GroupType.Work, List.of("u"), "m" + seq, seq % 7 == 0 ? Set.of("u") : Set.of(), false).validated();
    }
}
