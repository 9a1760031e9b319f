package io.convlist.bench;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;

import io.convlist.bench.units.UnitMeter;
import io.convlist.domain.AppSettings;
import io.convlist.domain.ConversationId;
import io.convlist.domain.ConversationType;
import io.convlist.domain.Edition;
import io.convlist.domain.GroupProfile;
import io.convlist.domain.GroupType;
import io.convlist.domain.Marks;
import io.convlist.domain.UserProfile;
import io.convlist.domain.list.ConversationFilter;
import io.convlist.domain.list.SettingChange;
import io.convlist.domain.list.SyncPosition;
import io.convlist.domain.message.MembershipChange;
import io.convlist.domain.message.MessageRef;
import io.convlist.store.ConversationStore;
import io.convlist.store.app.AppSettingsStore;
import io.convlist.store.table.DynamoDbClients;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * What each operation costs, through the store API: DynamoDB requests set beside the README's budget,
 * bytes sent and received (exact, counted by the SDK), the most requests in flight (the fan-out), and
 * wall time over repeated runs, each on a fresh app.
 */
public final class CostBenchmark {
    /** Sizes of one run; the quick mode (CI) uses small ones. */
    public record Sizes(List<Integer> groupRecipients, List<Integer> listSizes, List<Integer> pageSizes) {
        public static final Sizes FULL = new Sizes(List.of(1, 10, 100, 1000), List.of(100, 500), List.of(20, 100));
        public static final Sizes QUICK = new Sizes(List.of(10), List.of(100), List.of(20));
    }

    /**
     * One operation: the requests the README's budget table allows, what it sent, the capacity units
     * it consumed (and on the earlier builds' table, if measured there too), its time (ms).
     */
    public record Row(String operation, Map<String, Integer> budget, RequestMeter.Usage usage, UnitMeter.Units units,
            UnitMeter.Units unitsOnEarlierTable, Spread millis) {
        public boolean atBudget() {
            return usage.requests().equals(budget);
        }

        Row withEarlier(Row onEarlierTable) {
            if (!onEarlierTable.operation().equals(operation)) {
                throw new IllegalStateException(onEarlierTable.operation() + " is not " + operation);
            }
            return new Row(operation, budget, usage, units, onEarlierTable.units(), millis);
        }
    }

    /**
     * Every row on this build's table, timed {@code repeats} times, with the units the same operation
     * takes on a table with the earlier builds' indexes ({@link EarlierTable}) beside it.
     */
    public static List<Row> withEarlierTable(URI endpoint, Sizes sizes, int repeats) {
        List<Row> now = new CostBenchmark(endpoint, false).run(sizes, repeats);
        List<Row> earlier = new CostBenchmark(endpoint, true).run(sizes, 1);
        List<Row> rows = new ArrayList<>();
        for (int i = 0; i < now.size(); i++) {
            rows.add(now.get(i).withEarlier(earlier.get(i)));
        }
        return rows;
    }

    private static final ConversationId G0 = ConversationId.group("g0");
    static final Duration SETUP_TO_OPERATION = Duration.ofMinutes(1);
    private final RequestMeter meter = new RequestMeter();
    private final UnitMeter units;
    private final ConversationStore store;
    private final AppSettingsStore settings;
    private final StillClock clock = StillClock.pastTheHour();

    /** @param onEarlierTable run on a table with the earlier builds' indexes ({@link EarlierTable}) */
    public CostBenchmark(URI endpoint, boolean onEarlierTable) {
        String table = (onEarlierTable ? "bench-cost-earlier-" : "bench-cost-") + UUID.randomUUID().toString().substring(0, 8);
        DynamoDbClient uncounted = DynamoDbClients.build(Optional.of(endpoint), "us-east-1", List.of(), StoreOnTable.SETUP_CALL_TIMEOUT);
        if (onEarlierTable) {
            EarlierTable.create(uncounted, table);
        }
        units = new UnitMeter(uncounted, table);
        StoreOnTable s = StoreOnTable.create(endpoint, table, clock, meter, units);
        settings = s.settings();
        store = s.store();
    }

    interface Scenario {
        /** Prepares a fresh app and returns the operation to measure on it. */
        Runnable prepare(String app);
    }

    /**
     * Times the operation {@code repeats} times, then runs it once more with the unit meter on (its
     * reads of the items would count in the times), each run on a fresh app.
     */
    Row measure(String name, Map<String, Integer> budget, int repeats, Scenario scenario) {
        double[] millis = new double[repeats];
        RequestMeter.Usage usage = null;
        for (int i = 0; i < repeats; i++) {
            Runnable operation = prepare(scenario);
            meter.reset();
            long start = System.nanoTime();
            operation.run();
            millis[i] = (System.nanoTime() - start) / 1e6;
            usage = meter.usage();
        }
        Runnable operation = prepare(scenario);
        units.start();
        operation.run();
        return new Row(name, budget, usage, units.stop(), null, Spread.of(millis));
    }

    /**
     * A fresh app set up for the operation, which then runs a minute later, as in life: the change
     * times it writes differ from the setup's (in the same second, some index entries would stay).
     */
    private Runnable prepare(Scenario scenario) {
        String app = "b" + UUID.randomUUID().toString().substring(0, 8);
        Runnable operation = scenario.prepare(app);
        clock.advance(SETUP_TO_OPERATION);
        settings.get(app); // warm the settings cache, as a running function has it
        return operation;
    }

    private static final Map<String, Integer> ONE_BATCH_GET = Map.of("BatchGetItem", 1);
    /**
     * Creation by a group message from the list's owner: the group's record, the failed conditional
     * update that finds the conversation missing, one read, one transaction.
     */
    private static final Map<String, Integer> CREATION = Map.of("UpdateItem", 2, "BatchGetItem", 1, "TransactWriteItems", 1);

    /** The row of a group message to n recipients whose conversations exist. */
    static String groupMessageRow(int recipients) {
        return "recordMessage group, " + recipients + (recipients == 1 ? " recipient" : " recipients") + ", existing";
    }

    public List<Row> run(Sizes sizes, int repeats) {
        List<Row> rows = new ArrayList<>();
        messageRows(rows, sizes, repeats);
        readRows(rows, sizes, repeats);
        userWriteRows(rows, repeats);
        profileRows(rows, repeats);
        organizingRows(rows, repeats);
        membershipRows(rows, repeats);
        return rows;
    }

    /** Messages into existing conversations, group fan-outs, and creations below and at the limit. */
    private void messageRows(List<Row> rows, Sizes sizes, int repeats) {
        rows.add(measure("recordMessage C2C, existing conversations", Map.of("UpdateItem", 2), repeats, app -> {
            store.recordMessage(app, Fixtures.c2c("alice", "bob", 1));
            return () -> store.recordMessage(app, Fixtures.c2c("alice", "bob", 2));
        }));
        for (int n : sizes.groupRecipients()) {
            // The group's record, the sender's list and each recipient's.
            rows.add(measure(groupMessageRow(n), Map.of("UpdateItem", n + 2), repeats, app -> {
                List<String> members = new ArrayList<>();
                for (int i = 0; i < n; i++) {
                    members.add("m" + i);
                }
                store.recordMessage(app, Fixtures.group("sender", "g", 1, members));
                return () -> store.recordMessage(app, Fixtures.group("sender", "g", 2, members));
            }));
        }
        rows.add(measure("create a conversation below the limit", CREATION, repeats, app -> {
            Fixtures.fill(store, app, "u", 1);
            return () -> store.recordMessage(app, Fixtures.group("u", "new", 1, List.of()));
        }));
        Map<String, Integer> eviction = new TreeMap<>(CREATION);
        eviction.put("Query", 1);
        eviction.put("BatchGetItem", 2); // the second reads the victims' last seq for their removal records
        rows.add(measure("create a conversation at the limit (evicts)", eviction, repeats, app -> {
            Fixtures.fill(store, app, "u", 100);
            return () -> store.recordMessage(app, Fixtures.group("u", "new", 1, List.of()));
        }));
    }

    private void readRows(List<Row> rows, Sizes sizes, int repeats) {
        for (int size : sizes.listSizes()) {
            for (int page : sizes.pageSizes()) {
                // One BatchGetItem holds 100 keys: the page's distinct profiles, the bookkeeping, the conversation groups.
                Map<String, Integer> budget = Map.of("Query", 1, "BatchGetItem", page + 2 > 100 ? 2 : 1);
                rows.add(measure("getConversationList page of " + page + " from " + size, budget, repeats, app -> {
                    if (size > 100) {
                        settings.put(new AppSettings(app, app, Edition.FLAGSHIP, size, 7), "bench");
                    }
                    Fixtures.fill(store, app, "u", size);
                    return () -> store.list(app, "u", 0, page);
                }));
            }
        }
        rows.add(measure("getConversation", ONE_BATCH_GET, repeats, app -> {
            Fixtures.fill(store, app, "u", 1);
            return () -> store.get(app, "u", G0);
        }));
        rows.add(measure("getConversationListByConversationIds, 10 ids", ONE_BATCH_GET, repeats, app -> {
            Fixtures.fill(store, app, "u", 10);
            List<ConversationId> ids = new ArrayList<>();
            for (int i = 0; i < 10; i++) {
                ids.add(ConversationId.group("g" + i));
            }
            return () -> store.getMany(app, "u", ids);
        }));
        // A sync round: the expired and the changed ranges of the small index, the changed items.
        rows.add(measure("syncConversations, a round with 10 changes", Map.of("Query", 2, "BatchGetItem", 1),
                repeats, app -> {
                    SyncPosition since = store.changesFromNow();
                    Fixtures.fill(store, app, "u", 10);
                    return () -> store.sync(app, "u", since, 100);
                }));
        rows.add(measure("getTotalUnreadMessageCount, 100 with unread", Map.of("Query", 1), repeats, app -> {
            Fixtures.fillUnread(store, app, "u", 100);
            return () -> store.totalUnread(app, "u");
        }));
    }

    private void userWriteRows(List<Row> rows, int repeats) {
        // A group conversation's pin, draft, read point and delete first read whether it is a large group's (and its record).
        rows.add(measure("pinConversation", Map.of("BatchGetItem", 1, "TransactWriteItems", 1), repeats, app -> {
            Fixtures.fill(store, app, "u", 1);
            return () -> store.pin(app, "u", G0, true);
        }));
        rows.add(measure("setConversationDraft", Map.of("BatchGetItem", 1, "UpdateItem", 1), repeats, app -> {
            Fixtures.fill(store, app, "u", 1);
            return () -> store.setDraft(app, "u", G0, "draft");
        }));
        rows.add(measure("setReceiveMessageOpt, 1 conversation, new setting",
                Map.of("BatchGetItem", 1, "TransactWriteItems", 1, "UpdateItem", 1), repeats, app -> {
            Fixtures.fill(store, app, "u", 1);
            return () -> store.changeSettings(app, "u", List.of(G0), new SettingChange.ReceiveOpt(2));
        }));
        rows.add(measure("cleanConversationUnreadMessageCount, one conversation", Map.of("BatchGetItem", 1, "UpdateItem", 1), repeats,
                app -> {
            Fixtures.fillUnread(store, app, "u", 1);
            return () -> store.markRead(app, "u", ConversationId.group("u0"), null, 1L);
                }));
        rows.add(measure("cleanConversationUnreadMessageCount, all (10 with unread)", Map.of("Query", 1, "UpdateItem", 10), repeats,
                app -> {
                    Fixtures.fillUnread(store, app, "u", 10);
                    return () -> store.markAllRead(app, "u", null);
                }));
        rows.add(measure("deleteConversation", Map.of("BatchGetItem", 2, "TransactWriteItems", 1), repeats, app -> {
            Fixtures.fill(store, app, "u", 2);
            return () -> store.delete(app, "u", G0, false);
        }));
    }

    /** Members joining a group (its conversation enters each list) and leaving it (removal with a record). */
    private void membershipRows(List<Row> rows, int repeats) {
        List<String> ten = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            ten.add("m" + i);
        }
        MembershipChange change = new MembershipChange("g", GroupType.Work, 5, ten);
        // The memberships (one read, one transaction), the group's mode (one read), then each member's list.
        rows.add(measure("addGroupMembers, 10 members, below the limit", Map.of("BatchGetItem", 22, "TransactWriteItems", 11), repeats,
                app -> () -> store.addGroupMembers(app, change.validated(true))));
        rows.add(measure("removeGroupMembers, 10 members", Map.of("BatchGetItem", 12, "TransactWriteItems", 11), repeats, app -> {
            store.addGroupMembers(app, change.validated(true));
            return () -> store.removeGroupMembers(app, change.validated(false));
        }));
    }

    private void organizingRows(List<Row> rows, int repeats) {
        rows.add(measure("markConversation, 1 conversation, existing setting", Map.of("BatchGetItem", 1, "UpdateItem", 2), repeats,
                app -> {
                    Fixtures.fill(store, app, "u", 1);
                    store.changeSettings(app, "u", List.of(G0), new SettingChange.ReceiveOpt(2));
                    return () -> store.changeSettings(app, "u", List.of(G0), new SettingChange.Mark(Marks.STAR, true));
                }));
        rows.add(measure("getConversationListByFilter, STAR among 100 (2 marked, 20 a page)", Map.of("Query", 1, "BatchGetItem", 1),
                repeats, app -> {
                    Fixtures.fill(store, app, "u", 100);
                    store.changeSettings(app, "u", List.of(G0, ConversationId.group("g99")), new SettingChange.Mark(Marks.STAR, true));
                    return () -> store.list(app, "u", 0, 20, new ConversationFilter(null, null, Marks.STAR, false, false));
                }));
        rows.add(measure("getUnreadMessageCountByFilter, groups, 100 with unread", Map.of("Query", 1), repeats, app -> {
            Fixtures.fillUnread(store, app, "u", 100);
            return () -> store.unreadMatching(app, "u", new ConversationFilter(ConversationType.GROUP, null, null, false, false));
        }));
        rows.add(measure("createConversationGroup with 10 listed conversations",
                Map.of("BatchGetItem", 2, "TransactWriteItems", 2, "UpdateItem", 10), repeats, app -> {
                    Fixtures.fill(store, app, "u", 10);
                    List<ConversationId> ten = new ArrayList<>();
                    for (int i = 0; i < 10; i++) {
                        ten.add(ConversationId.group("g" + i));
                    }
                    return () -> store.createConversationGroup(app, "u", "Work", ten);
                }));
        rows.add(measure("deleteConversationList, 10 conversations", Map.of("BatchGetItem", 20, "TransactWriteItems", 10), repeats,
                app -> {
                    Fixtures.fill(store, app, "u", 10);
                    List<ConversationId> ten = new ArrayList<>();
                    for (int i = 0; i < 10; i++) {
                        ten.add(ConversationId.group("g" + i));
                    }
                    return () -> store.deleteAll(app, "u", ten, true);
                }));
        rows.add(measure("recallMessage, C2C last message", Map.of("UpdateItem", 2), repeats, app -> {
            store.recordMessage(app, Fixtures.c2c("alice", "bob", 1));
            return () -> store.recallMessage(app, new MessageRef(ConversationType.C2C, "c1", "alice", "bob", null));
        }));
    }

    private void profileRows(List<Row> rows, int repeats) {
        // The profile, then the "shown in" index (one Query per shard) to mark the conversations that show it.
        rows.add(measure("setUserProfile (shown nowhere)", Map.of("PutItem", 1, "Query", 4), repeats,
                app -> () -> store.putUserProfile(app, new UserProfile("bob", "Bob", "https://example.com/bob.png"))));
        rows.add(measure("setUserProfile (shown in 10 C2C conversations)", Map.of("PutItem", 1, "Query", 4, "UpdateItem", 10),
                repeats, app -> {
                    for (int i = 0; i < 10; i++) {
                        store.recordMessage(app, Fixtures.c2c("bob", "peer" + i, 1));
                    }
                    return () -> store.putUserProfile(app, new UserProfile("bob", "Bob", null));
                }));
        rows.add(measure("setGroupProfile (shown nowhere)", Map.of("PutItem", 1, "Query", 4), repeats,
                app -> () -> store.putGroupProfile(app, new GroupProfile("g0", "Team", null, GroupType.Work))));
        rows.add(measure("setFriendRemark (C2C conversation exists)", Map.of("PutItem", 1, "UpdateItem", 1), repeats, app -> {
            store.recordMessage(app, Fixtures.c2c("alice", "bob", 1));
            return () -> store.setFriendRemark(app, "alice", "bob", "Bobby");
        }));
    }

    /** The cost section of the report: one row per operation. */
    static String section(List<Row> rows, int repeats) {
        StringBuilder md = new StringBuilder();
        md.append("Through the store API (no HTTP), ").append(repeats).append(" runs per row, each on a fresh app. ")
                .append("Requests and bytes are exact (counted by the SDK) and the same in every run; times are moto's. ")
                .append("Capacity units are DynamoDB's billing units, computed by its documented rules from the items the ")
                .append("operation read and wrote (read back before and after each write): write units (W, 1 KB each, ")
                .append("the item plus every local index entry it puts, deletes or changes; transactions twice) and read ")
                .append("units (R, 4 KB each, strongly consistent; a Query sums what it evaluates).\n\n");
        md.append("The column \"on the earlier table\" runs the same operation on a table with the indexes earlier builds ")
                .append("defined (also `byUnread` and `byExpiry`, whose keys every message moved): its write units are what ")
                .append("a message cost then, and what a deployment that keeps such a table still pays (DynamoDB cannot drop a ")
                .append("local index). Its read units are this build's reads; earlier builds read the total unread count, ")
                .append("sync rounds and eviction candidates from those indexes.\n\n");
        md.append("| operation | DynamoDB requests | at budget | capacity units | on the earlier table | bytes sent | bytes received | most in flight | time ms, median (min–max) |\n");
        md.append("|---|---|---|---|---|---|---|---|---|\n");
        for (Row r : rows) {
            md.append("| ").append(r.operation()).append(" | ").append(r.usage().requests()).append(" | ")
                    .append(r.atBudget() ? "yes" : "no, budget " + r.budget()).append(" | ").append(r.units().described()).append(" | ")
                    .append(r.unitsOnEarlierTable() == null ? "" : r.unitsOnEarlierTable().described()).append(" | ")
                    .append(r.usage().bytesSent()).append(" | ").append(r.usage().bytesReceived()).append(" | ")
                    .append(r.usage().maxInFlight()).append(" | ")
                    .append(r.millis().format(1)).append(" |\n");
        }
        return md.toString();
    }
}
