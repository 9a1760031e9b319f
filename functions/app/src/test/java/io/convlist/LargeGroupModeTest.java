package io.convlist;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;

import io.convlist.domain.AppSettings;
import io.convlist.domain.ConversationId;
import io.convlist.domain.ConversationType;
import io.convlist.domain.Edition;
import io.convlist.domain.GroupMode;
import io.convlist.domain.GroupType;
import io.convlist.domain.ServiceException;
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
import org.assertj.core.data.Offset;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * The two group modes side by side: the same random history (messages in and out of order,
 * replays, @-mentions, exclusions, the user's own messages, reads, drafts, pins, receive options,
 * deletes, leaves and joins, evictions at the cap, days passing, TTL deleting what expired and the
 * TTL consumer following) goes to two apps, one whose groups
 * stay in recipients mode and one whose groups are large (a message writes the group's record and the
 * sender's list only). At every checkpoint the lists, the totals and a fresh device's sync must be
 * identical. The seed of a failing history is in the message (-Dlarge.seed=S runs it again);
 * -Dlarge.histories=N runs more.
 */
@QuarkusTest
@QuarkusTestResource(DynamoDbTestResource.class)
class LargeGroupModeTest {
    static final int HISTORIES = Integer.getInteger("large.histories", 1);
    static final int PEERS = 60;
    static final int GROUPS = 50; // 110 conversations for a limit of 100: evictions happen
    static final int BURSTS = 3;
    static final int OPS_PER_BURST = 150;
    static final int[] QUIET_HOURS = { 30, 150, 200 };
    static final List<String> USERS = List.of("u", "carol");
    /** Replays come within the retention (7 days) of the message: a removal record lives that long in both modes. */
    static final long REPLAY_WITHIN_MILLIS = Duration.ofDays(6).toMillis();
    static final ExecutorService POOL = Executors.newFixedThreadPool(4);

    @Inject
    DynamoDbClient ddb;

    @ConfigProperty(name = "convlist.table")
    String table;

    @AfterAll
    static void stopPool() {
        POOL.shutdownNow();
    }

    static final class VirtualClock extends OffsetClock {
        final AtomicLong offset = new AtomicLong();

        @Override
        protected long offsetMillis() {
            return offset.get();
        }
    }

    /** One history's state shared by both apps: each group's seq and whether "u" is a member. */
    static final class History {
        final Map<String, Long> seqs = new LinkedHashMap<>();
        final Set<String> uIn = new HashSet<>();
        final List<Op> applied = new ArrayList<>();
        int compared;
        /** Per conversation: the messages delivered (a replay sends one again) and those held back to arrive late. */
        final Map<String, List<MessageEvent>> sent = new LinkedHashMap<>();
        final Map<String, List<MessageEvent>> held = new LinkedHashMap<>();

        /** The steps that touched a conversation, to read beside a failure. */
        String stepsOf(String conversationId) {
            StringBuilder sb = new StringBuilder();
            for (int i = 0; i < applied.size(); i++) {
                Op op = applied.get(i);
                if (op.id().toString().equals(conversationId) || Set.of("readAll", "quiet", "ttl").contains(op.kind())) {
                    sb.append("\n  #").append(i).append(' ').append(op.describe());
                }
            }
            return sb.toString();
        }
    }

    @Test
    void randomHistories_bothModes_sameListsTotalsAndSync() {
        long first = Seeds.seed("LargeGroupModeTest");
        for (int h = 0; h < HISTORIES; h++) {
            long seed = first + h;
            try {
                history(seed);
            } catch (Exception | AssertionError e) {
                throw new AssertionError("history with seed " + seed + " failed: " + e.getMessage(), e);
            }
        }
    }

    void history(long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        VirtualClock clock = new VirtualClock();
        AppSettingsStore settings = new AppSettingsStore(ddb, table, clock, Duration.ZERO);
        ConversationStore store = new ConversationStore(ddb, table, clock, settings, POOL);
        String recipients = "rcp" + Long.toHexString(seed);
        String large = "lrg" + Long.toHexString(seed);
        settings.create(new AppSettings(recipients, recipients, Edition.STANDARD, 100, 7, 1_000_000), "test");
        settings.create(new AppSettings(large, large, Edition.STANDARD, 100, 7, 2), "test");
        History history = new History();
        for (int g = 0; g < GROUPS; g++) {
            String group = "g" + g;
            history.seqs.put(group, 0L);
            history.uIn.add(group);
            for (String app : List.of(recipients, large)) {
                store.addGroupMembers(app, new MembershipChange(group, GroupType.Work, 0, USERS).validated(true));
            }
        }
        assertThat(store.group(large, "g0").mode()).isEqualTo(GroupMode.MEMBERS);
        assertThat(store.group(recipients, "g0").mode()).isEqualTo(GroupMode.RECIPIENTS);
        for (int burst = 0; burst < BURSTS; burst++) {
            for (int i = 0; i < OPS_PER_BURST; i++) {
                Op op = randomOp(random, history, clock.millis());
                history.applied.add(op);
                for (String app : List.of(recipients, large)) {
                    apply(store, app, op);
                }
                if (random.nextInt(40) == 0) {
                    deliverHeld(store, recipients, large, history);
                    compare(store, clock, recipients, large, "burst " + burst + " op " + i, history);
                }
            }
            deliverHeld(store, recipients, large, history);
            compare(store, clock, recipients, large, "after burst " + burst, history);
            clock.offset.addAndGet(Duration.ofHours(QUIET_HOURS[burst]).toMillis());
            history.applied.add(new Op("quiet", "", ConversationId.c2c("x"), null, false, QUIET_HOURS[burst]));
            if (random.nextInt(3) > 0) { // DynamoDB's TTL deletes what expired, and the TTL consumer follows
                for (String app : List.of(recipients, large)) {
                    for (String user : USERS) {
                        new TtlDeletions(store, clock).handle(Ttl.deleteExpired(ddb, table, app, user, clock.millis()));
                    }
                }
                history.applied.add(new Op("ttl", "", ConversationId.c2c("x"), null, false, 0));
            }
            compare(store, clock, recipients, large, "after " + QUIET_HOURS[burst] + " quiet hours", history);
        }
        System.out.printf("large groups history %d: %d steps, lists compared %d times%n", seed, history.applied.size(), history.compared);
    }

    /**
     * Delivers every held-back message before lists are compared. Until then the modes may differ, by
     * design: a large group counts unread by seq (every seq up to the group's last counts, as Tencent
     * counts group unread), while a conversation a message created in recipients mode counts from that
     * message until the earlier ones arrive.
     */
    static void deliverHeld(ConversationStore store, String recipients, String large, History h) {
        h.held.forEach((conversation, held) -> {
            for (MessageEvent late : held) {
                Op op = new Op("message", "u", ConversationId.parse(conversation), late, false, 0);
                h.applied.add(op);
                apply(store, recipients, op);
                apply(store, large, op);
                h.sent.get(conversation).add(late);
            }
            held.clear();
        });
    }

    /** One step of the history, applied alike to both apps. */
    record Op(String kind, String user, ConversationId id, MessageEvent message, boolean flag, int number) {
        String describe() {
            if (message != null) {
                return "message " + message.seq() + " from " + message.senderID() + " to " + message.recipients() + " at "
                        + message.atUserList() + (message.atAll() ? " @all" : "") + (message.excludedFromUnreadCount() ? " unread-excluded" : "")
                        + (message.excludedFromLastMessage() ? " last-excluded" : "");
            }
            return kind + " " + user + " " + id + " " + flag + " " + number;
        }
    }

    static Op randomOp(SplittableRandom r, History h, long now) {
        boolean c2c = r.nextInt(PEERS + GROUPS) < PEERS;
        String target = c2c ? "p" + r.nextInt(PEERS) : "g" + r.nextInt(GROUPS);
        ConversationId id = c2c ? ConversationId.c2c(target) : ConversationId.group(target);
        String user = r.nextInt(6) == 0 ? "carol" : "u";
        int dice = r.nextInt(24);
        if (dice < 12) { // a message: in order (some held back), a held-back one arriving late, or a replay
            List<MessageEvent> sent = h.sent.computeIfAbsent(id.toString(), k -> new ArrayList<>());
            List<MessageEvent> held = h.held.computeIfAbsent(id.toString(), k -> new ArrayList<>());
            if (!held.isEmpty() && r.nextInt(3) == 0) {
                MessageEvent late = held.remove(r.nextInt(held.size()));
                sent.add(late);
                return new Op("message", user, id, late, false, 0);
            }
            // A replay more than the retention late is where the modes differ by design (docs/large-groups.md):
            // recipients mode no longer has the removal record; a large group kept it.
            List<MessageEvent> replayable = sent.stream().filter(m -> m.timestamp() > now - REPLAY_WITHIN_MILLIS).toList();
            if (!replayable.isEmpty() && r.nextInt(8) == 0) {
                return new Op("message", user, id, replayable.get(r.nextInt(replayable.size())), false, 0);
            }
            long seq = h.seqs.getOrDefault(target, 0L) + 1;
            h.seqs.put(target, seq);
            boolean fromU = dice == 11 && (c2c || h.uIn.contains(target));
            // An hour before the service's own times (joins, drafts): the two apps' calls are milliseconds
            // apart, so a message's place beside them must not depend on those milliseconds.
            MessageEvent m = message(id, seq, now - 3_600_000 + seq % 997, fromU, h.uIn.contains(target), r);
            if (r.nextInt(6) == 0) {
                held.add(m);
                return new Op("list", user, id, null, false, 0);
            }
            sent.add(m);
            return new Op("message", user, id, m, false, 0);
        }
        return switch (dice) {
            case 12, 13 -> new Op("read", user, id, null, false, 0);
            case 14 -> new Op("readAll", user, id, null, false, 0);
            case 15 -> new Op("draft", user, id, null, r.nextBoolean(), r.nextInt(100));
            case 16 -> new Op("pin", user, id, null, r.nextBoolean(), 0);
            case 17 -> new Op("recvOpt", user, id, null, false, r.nextInt(3));
            case 18 -> new Op("delete", user, id, null, false, 0);
            case 19 -> {
                if (c2c) {
                    yield new Op("list", user, id, null, false, 0);
                }
                boolean join = !h.uIn.contains(target);
                if (join) {
                    h.uIn.add(target);
                } else {
                    h.uIn.remove(target);
                }
                yield new Op(join ? "join" : "leave", "u", id, null, false, (int) (long) h.seqs.getOrDefault(target, 0L));
            }
            case 20 -> new Op("total", user, id, null, false, 0);
            default -> new Op("list", user, id, null, false, 0);
        };
    }

    /** A message as the app's pipeline sends it: a group's goes to its members (carol always, u while a member). */
    static MessageEvent message(ConversationId id, long seq, long time, boolean fromU, boolean uIsMember, SplittableRandom r) {
        if (id.type() == ConversationType.C2C) {
            String peer = id.userId();
            return new MessageEvent(ConversationType.C2C, id + "-" + seq, seq, time, fromU ? "u" : peer, fromU ? peer : "u",
                    null, null, List.of(), "m" + seq, Set.of(), false, r.nextInt(8) == 0, r.nextInt(10) == 0).validated();
        }
        String sender = fromU ? "u" : "carol";
        List<String> members = uIsMember ? USERS : List.of("carol");
        Set<String> at = uIsMember && r.nextInt(6) == 0 ? Set.of(fromU ? "carol" : "u") : Set.of();
        return new MessageEvent(ConversationType.GROUP, id + "-" + seq, seq, time, sender, null, id.groupId(), GroupType.Work,
                members, "m" + seq, at, r.nextInt(9) == 0, r.nextInt(8) == 0, r.nextInt(10) == 0).validated();
    }

    static void apply(ConversationStore store, String app, Op op) {
        try {
            switch (op.kind()) {
                case "message" -> store.recordMessage(app, op.message());
                case "read" -> store.markRead(app, op.user(), op.id(), null, null);
                case "readAll" -> store.markAllRead(app, op.user(), null);
                case "draft" -> store.setDraft(app, op.user(), op.id(), op.flag() ? "draft " + op.number() : null);
                case "pin" -> store.pin(app, op.user(), op.id(), op.flag());
                case "recvOpt" -> store.changeSettings(app, op.user(), List.of(op.id()), new SettingChange.ReceiveOpt(op.number()));
                case "delete" -> store.delete(app, op.user(), op.id(), false);
                case "join" -> store.addGroupMembers(app,
                        new MembershipChange(op.id().groupId(), GroupType.Work, op.number(), List.of("u")).validated(true));
                case "leave" -> store.removeGroupMembers(app,
                        new MembershipChange(op.id().groupId(), GroupType.Work, op.number(), List.of("u")).validated(false));
                case "total" -> store.totalUnread(app, op.user());
                case "list" -> store.list(app, op.user(), 0, 20);
                default -> throw new IllegalArgumentException(op.kind());
            }
        } catch (ServiceException refused) {
            assertThat(Set.of("NOT_FOUND", "PIN_LIMIT_REACHED")).as(op.kind()).contains(refused.code().name());
        }
    }

    /** Lists in order, totals and a fresh device's sync, for both users. */
    /**
     * Compares after one sync overlap has passed (a fresh device's round then finishes in one page:
     * see SyncPosition), which both apps see alike.
     */
    static void compare(ConversationStore store, VirtualClock clock, String recipients, String large, String when, History history) {
        clock.offset.addAndGet(SyncPosition.OVERLAP_MILLIS + 1_000);
        history.compared++;
        for (String user : USERS) {
            List<Conversation> listInRecipients = whole(store, recipients, user);
            List<Conversation> listInLarge = whole(store, large, user);
            List<String> inRecipients = listInRecipients.stream().map(LargeGroupModeTest::shown).toList();
            List<String> inLarge = listInLarge.stream().map(LargeGroupModeTest::shown).toList();
            Set<String> differing = new TreeSet<>();
            inLarge.stream().filter(c -> !inRecipients.contains(c)).forEach(c -> differing.add(c.split(" ")[0]));
            inRecipients.stream().filter(c -> !inLarge.contains(c)).forEach(c -> differing.add(c.split(" ")[0]));
            StringBuilder steps = new StringBuilder();
            differing.forEach(id -> steps.append("\nsteps of ").append(id).append(':').append(history.stepsOf(id)));
            assertThat(inLarge).as(when + ": " + user + "'s list" + steps).containsExactlyElementsOf(inRecipients);
            for (int i = 0; i < listInLarge.size(); i++) {
                assertThat(listInLarge.get(i).expireTime()).as(when + ": " + user + "'s " + listInLarge.get(i).conversationID() + " expires")
                        .isCloseTo(listInRecipients.get(i).expireTime(), Offset.offset(60L));
            }
            assertThat(store.totalUnread(large, user)).as(when + ": " + user + "'s total").isEqualTo(store.totalUnread(recipients, user));
            assertThat(synced(store, large, user)).as(when + ": " + user + "'s device").isEqualTo(synced(store, recipients, user));
        }
    }

    static List<Conversation> whole(ConversationStore store, String app, String user) {
        List<Conversation> all = new ArrayList<>();
        long next = 0;
        while (true) {
            ConversationPage page = store.list(app, user, next, 50);
            all.addAll(page.conversationList());
            if (page.isFinished()) {
                return all;
            }
            next = page.nextSeq();
        }
    }

    /** A fresh device's list after syncing until finished, as shown. */
    static Map<String, String> synced(ConversationStore store, String app, String user) {
        Map<String, String> device = new LinkedHashMap<>();
        SyncPosition cursor = null;
        for (int pages = 0; pages < 200; pages++) {
            SyncPage page = store.sync(app, user, cursor, 100);
            page.changed().forEach(c -> device.put(c.conversationID(), shown(c)));
            page.removed().forEach(r -> device.remove(r.conversationId().toString()));
            cursor = page.next();
            if (page.isFinished()) {
                return new TreeMap<>(device);
            }
        }
        throw new AssertionError("sync did not finish");
    }

    /**
     * What a device shows of a conversation. Slots are drawn at random, so the order key differs
     * between the apps (the order itself is compared); times of the service's own writes differ by the
     * milliseconds between the two apps' calls, so the expiry is compared apart, within a minute.
     */
    static String shown(Conversation c) {
        return c.conversationID() + " unread=" + c.unreadCount() + " opt=" + c.recvOpt() + " readSeq=" + c.groupReadSequence()
                + " last=" + (c.lastMessage() == null ? null : c.lastMessage().msgID()) + " at=" + c.groupAtInfoList()
                + " draft=" + c.draftText() + " pinned=" + c.isPinned();
    }
}
