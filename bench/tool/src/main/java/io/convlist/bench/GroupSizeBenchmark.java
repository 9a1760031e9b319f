package io.convlist.bench;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import io.convlist.bench.units.UnitMeter;
import io.convlist.domain.AppSettings;
import io.convlist.domain.Edition;
import io.convlist.domain.GroupMode;
import io.convlist.domain.GroupType;
import io.convlist.domain.Limits;
import io.convlist.domain.message.MembershipChange;
import io.convlist.store.ConversationStore;
import io.convlist.store.app.AppSettingsStore;
import io.convlist.store.table.DynamoDbClients;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * What a group costs by its size in each mode: a message's requests and units, a member's first
 * page and total when the group has moved on since the member last read and when it has not, and the
 * join that brings a group to the threshold (the switch). Groups of up to 1,000 members are loaded
 * and measured; larger ones are derived from the measured figures ({@link GroupCosts}).
 */
final class GroupSizeBenchmark {
    /** Group sizes loaded and measured; {@link GroupCosts#DERIVED_SIZES} are derived from them. */
    record Sizes(List<Integer> members) {
        static final Sizes FULL = new Sizes(List.of(10, 100, 1000));
        static final Sizes QUICK = new Sizes(List.of(3, 10));
    }

    /** One measured operation: its requests (by operation) and capacity units. */
    record Measured(Map<String, Integer> requests, UnitMeter.Units units) {
        int requestCount() {
            return requests.values().stream().mapToInt(Integer::intValue).sum();
        }
    }

    /** What one group of {@code members} costs in one mode. */
    record Group(int members, GroupMode mode, Measured join, Measured message, Measured pageBehind, Measured pageCurrent,
            Measured totalBehind, Measured totalCurrent) {
    }

    private final RequestMeter meter = new RequestMeter();
    private final UnitMeter units;
    private final ConversationStore store;
    private final AppSettingsStore settings;
    private final StillClock clock = StillClock.pastTheHour();

    GroupSizeBenchmark(URI endpoint) {
        String table = "bench-groups-" + UUID.randomUUID().toString().substring(0, 8);
        DynamoDbClient uncounted = DynamoDbClients.build(Optional.of(endpoint), "us-east-1", List.of(), StoreOnTable.SETUP_CALL_TIMEOUT);
        units = new UnitMeter(uncounted, table);
        StoreOnTable s = StoreOnTable.create(endpoint, table, clock, meter, units);
        settings = s.settings();
        store = s.store();
    }

    List<Group> run(Sizes sizes) {
        List<Group> groups = new ArrayList<>();
        for (int n : sizes.members()) {
            groups.add(measure(n, GroupMode.RECIPIENTS));
            groups.add(measure(n, GroupMode.MEMBERS));
        }
        return groups;
    }

    /**
     * A fresh app whose group g has {@code n} members m0…; in large mode its threshold is n, so the
     * last join is the switch. m0 sends; m1 reads its first page, m2 its total.
     */
    private Group measure(int n, GroupMode mode) {
        String app = "b" + UUID.randomUUID().toString().substring(0, 8);
        int threshold = mode == GroupMode.MEMBERS ? n : Limits.LARGE_GROUP_THRESHOLD_MAX;
        settings.put(new AppSettings(app, app, Edition.FLAGSHIP, 100, 7, threshold), "bench");
        List<String> members = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            members.add("m" + i);
        }
        for (int from = 0; from < n - 1; from += Limits.GROUP_MEMBERS_PER_CALL_MAX) {
            join(app, members.subList(from, Math.min(n - 1, from + Limits.GROUP_MEMBERS_PER_CALL_MAX)));
        }
        Measured join = measured(app, () -> join(app, List.of("m" + (n - 1))));
        if (store.group(app, "g").mode() != mode) {
            throw new IllegalStateException("group of " + n + " is not in mode " + mode);
        }
        List<String> recipients = mode == GroupMode.MEMBERS ? List.of() : members.subList(1, n);
        store.recordMessage(app, Fixtures.group("m0", "g", 1, recipients));
        Measured message = measured(app, () -> store.recordMessage(app, Fixtures.group("m0", "g", 2, recipients)));
        Measured pageBehind = measured(app, () -> store.list(app, "m1", 0, 20));
        Measured pageCurrent = measured(app, () -> store.list(app, "m1", 0, 20));
        store.recordMessage(app, Fixtures.group("m0", "g", 3, recipients));
        Measured totalBehind = measured(app, () -> store.totalUnread(app, "m2"));
        Measured totalCurrent = measured(app, () -> store.totalUnread(app, "m2"));
        return new Group(n, mode, join, message, pageBehind, pageCurrent, totalBehind, totalCurrent);
    }

    private void join(String app, List<String> users) {
        store.addGroupMembers(app, new MembershipChange("g", GroupType.Public, 0, users).validated(true));
    }

    /** Runs the operation a minute after what came before it, counting its requests and units. */
    private Measured measured(String app, Runnable operation) {
        clock.advance(CostBenchmark.SETUP_TO_OPERATION);
        settings.get(app); // warm the settings cache, as a running function has it
        meter.reset();
        units.start();
        operation.run();
        UnitMeter.Units used = units.stop();
        return new Measured(meter.usage().requests(), used);
    }
}
