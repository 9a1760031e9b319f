package io.convlist.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.convlist.bench.units.UnitMeter;
import io.convlist.domain.GroupMode;
import io.convlist.domain.Limits;

/**
 * The benchmark tool's quick mode, in CI so that it keeps working: every benchmark at small sizes.
 * Asserts the request counts, which are exact, and that every figure was measured; never times.
 */
class BenchmarksQuickTest {

    @Test
    void quickMode_measuresEverything_andRequestCountsAreExactlyTheBudget() throws Exception {
        Benchmarks.Report report = Benchmarks.run(Benchmarks.Mode.QUICK, Benchmarks.projectRoot());

        report.cost().forEach(r -> assertThat(r.usage().requests()).as(r.operation()).isEqualTo(r.budget()));
        assertThat(requests(report.cost(), "recordMessage C2C, existing conversations")).isEqualTo(Map.of("UpdateItem", 2));
        assertThat(requests(report.cost(), "recordMessage group, 10 recipients, existing")).isEqualTo(Map.of("UpdateItem", 12));
        assertThat(requests(report.cost(), "create a conversation at the limit (evicts)"))
                .isEqualTo(Map.of("UpdateItem", 2, "BatchGetItem", 2, "Query", 1, "TransactWriteItems", 1));
        assertThat(requests(report.cost(), "syncConversations, a round with 10 changes"))
                .isEqualTo(Map.of("Query", 2, "BatchGetItem", 1));
        assertThat(requests(report.cost(), "getConversationList page of 20 from 100")).isEqualTo(Map.of("Query", 1, "BatchGetItem", 1));
        report.cost().forEach(r -> assertThat(r.usage().bytesSent()).as(r.operation()).isPositive());
        // Capacity units, by DynamoDB's rules from the items written and read: exact, like the requests.
        // A message writes each list's item and moves its byOrder entry (a delete and a put): 3 units a list.
        assertThat(units(report.cost(), "recordMessage C2C, existing conversations")).hasToString("6 W, 0 R");
        assertThat(units(report.cost(), "recordMessage group, 10 recipients, existing")).hasToString("34 W, 0 R");
        assertThat(units(report.cost(), "create a conversation below the limit")).hasToString("12 W, 3 R");
        assertThat(units(report.cost(), "getConversationList page of 20 from 100")).hasToString("0 W, 25 R");
        // Read from the list's 100 conversation items (about 400 bytes each): 40 KB, 10 units.
        assertThat(units(report.cost(), "getTotalUnreadMessageCount, 100 with unread")).hasToString("0 W, 10 R");
        assertThat(units(report.cost(), "syncConversations, a round with 10 changes")).hasToString("0 W, 13 R");
        // On a table with the earlier indexes, a message also moved its byExpiry and byUnread entries.
        assertThat(earlierUnits(report.cost(), "recordMessage C2C, existing conversations").described())
                .isEqualTo("12 W (byExpiry 4, byOrder 4, byUnread 2, items 2), 0 R");
        assertThat(earlierUnits(report.cost(), "recordMessage group, 10 recipients, existing")).hasToString("76 W, 0 R");
        assertThat(report.cost().stream().filter(r -> r.operation().startsWith("recordMessage group, 10 "))
                .findFirst().orElseThrow().usage().maxInFlight()).isGreaterThan(1);

        // The three layers ran the same operations; the store's requests are the budget's.
        assertThat(report.layers().operations()).extracting(LayerBenchmark.Result::requests).containsExactly(
                Map.of("UpdateItem", 2), Map.of("Query", 1, "BatchGetItem", 1), Map.of("BatchGetItem", 1, "TransactWriteItems", 1),
                Map.of("Query", 1));
        for (LayerBenchmark.Result r : report.layers().operations()) {
            assertThat(r.runs()).hasSize(1);
            r.runs().get(0).values().forEach(f -> assertThat(f.p50Millis()).as(r.operation()).isPositive());
        }
        assertThat(report.layers().floor()).extracting(LayerBenchmark.FloorCall::status).containsExactly(404, 401, 400);

        assertThat(report.coldStarts()).hasSize(2).allSatisfy(run -> { // plain and AppCDS
            assertThat(run.functionsFirstSuccess()).isGreaterThan(run.functionsFirstAnswer()).isPositive();
            assertThat(run.baselineFirstSuccess()).isPositive();
            assertThat(run.functionsRss()).isPositive();
            assertThat(run.baselineRss()).isPositive();
        });

        // 10 users in 2 blocks of 5, 100 conversations each; then 3 calls for 2 users.
        assertThat(report.scale().steps()).extracting(ScaleBenchmark.Step::conversations).containsExactly(500L, 1000L);
        assertThat(report.scale().calls()).hasSize(6);
        assertThat(report.curve()).extracting(BackendCurve.Point::items).containsExactly(0, 200);

        // Groups of 3 and 10: a recipients-mode message writes each list; a large-mode one does not grow.
        GroupCosts groups = new GroupCosts(report.groups());
        assertThat(report.groups()).hasSize(4);
        for (int n : List.of(3, 10)) {
            assertThat(group(report, n, GroupMode.RECIPIENTS).message().requests()).isEqualTo(Map.of("UpdateItem", n + 1));
            assertThat(group(report, n, GroupMode.MEMBERS).message().requests()).isEqualTo(Map.of("UpdateItem", 2, "BatchGetItem", 1));
            assertThat(group(report, n, GroupMode.MEMBERS).pageCurrent().requests()).isEqualTo(Map.of("Query", 1, "BatchGetItem", 2));
        }
        assertThat(groups.message(100_000, GroupMode.RECIPIENTS).requests()).isEqualTo(100 * 2 + 99_999);
        // The default threshold is where large mode starts to cost less for the assumed use.
        assertThat(groups.breakEven(GroupCosts.Use.ASSUMED)).isEqualTo(Limits.LARGE_GROUP_THRESHOLD_DEFAULT);

        // Live: every device of each message's recipient got its event, after the call began.
        assertThat(report.live().devices()).isEqualTo(8);
        assertThat(report.live().lost()).isZero();
        assertThat(report.live().events()).isEqualTo(16);
        assertThat(report.live().eventP50()).isPositive();
        assertThat(report.live().fanOut().delivered()).isEqualTo(6);
        assertThat(report.live().fanOut().lost()).isZero();
        // The device library: every message heard by the listener, the local list measured, the first sync complete.
        assertThat(report.device().heard()).isEqualTo(3);
        assertThat(report.device().heapBytes()).isPositive();
        assertThat(report.device().diskBytes()).isPositive();
        assertThat(report.device().resyncMillis().median()).isPositive();

        assertThat(report.targets()).hasSize(6);
        assertThat(report.targets()).filteredOn(t -> t.target().startsWith("A message into existing conversations"))
                .singleElement().satisfies(t -> assertThat(t.met()).as(t.measured()).isTrue());
        assertThat(report.markdown()).contains("## Targets", "## 1. Cost", "## 2. What the layers add", "## 4. Cold start",
                "## 5. Scale", "stock moto",
                "## 6. Group sizes", "## 7. Live changes");
    }

    static GroupSizeBenchmark.Group group(Benchmarks.Report report, int members, GroupMode mode) {
        return report.groups().stream().filter(g -> g.members() == members && g.mode() == mode).findFirst().orElseThrow();
    }

    static UnitMeter.Units units(List<CostBenchmark.Row> rows, String operation) {
        return rows.stream().filter(r -> r.operation().equals(operation)).findFirst().orElseThrow().units();
    }

    static UnitMeter.Units earlierUnits(List<CostBenchmark.Row> rows, String operation) {
        return rows.stream().filter(r -> r.operation().equals(operation)).findFirst().orElseThrow().unitsOnEarlierTable();
    }

    static Map<String, Integer> requests(List<CostBenchmark.Row> rows, String operation) {
        return rows.stream().filter(r -> r.operation().equals(operation)).findFirst().orElseThrow().usage().requests();
    }
}
