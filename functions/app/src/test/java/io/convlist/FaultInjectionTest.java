package io.convlist;

import static io.convlist.testing.Api.*;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import io.convlist.store.ConversationStore;
import io.convlist.store.list.ListState;
import io.convlist.testkit.DynamoDbTestResource;
import io.convlist.testkit.FaultInjector.Fault;
import io.convlist.testkit.FaultInjector;
import io.convlist.testkit.MutableClock;
import io.convlist.testkit.Seeds;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The core scenario (conversations past the cap, pins, read points, a delete, marks) with DynamoDB
 * failing one request in six: callers see only success or a retryable status (429/503 with
 * Retry-After, never 500), and a client that retries what failed ends with exactly the list a
 * fault-free run ends with, its bookkeeping exact.
 */
@QuarkusTest
@QuarkusTestResource(DynamoDbTestResource.class)
class FaultInjectionTest {
    @Inject
    MutableClock clock;

    /** A time before the test on the application's clock, taken as it starts: the tests' messages are sent from here on. */
    long t0;

    @BeforeEach
    void takeTheTestsStartingTime() {
        t0 = clock.millis() - 3_600_000;
    }
    static final int PEERS = 104; // past the standard edition's cap of 100: creation evicts

    @Inject
    FaultInjector faults;

    @Inject
    ConversationStore store;

    @AfterEach
    void disarm() {
        faults.disarm();
    }

    /** One call of the scenario: who calls, what, with which body. */
    record Step(boolean service, String function, Map<String, Object> body) {
    }

    List<Step> scenario() {
        List<Step> steps = new ArrayList<>();
        for (int i = 0; i < PEERS; i++) {
            steps.add(new Step(true, "recordMessage", body("type", "C2C", "msgID", "p" + i + "-1", "seq", 1, "timestamp", t0 + i * 1000L,
                    "senderID", "p" + i, "receiverID", "u", "summary", "hello " + i)));
            if (i % 10 == 0) {
                steps.add(new Step(false, "pinConversation", body("conversationID", "c2c_p" + i, "isPinned", true)));
            }
            if (i % 7 == 0) {
                steps.add(new Step(true, "recordMessage", body("type", "C2C", "msgID", "p" + i + "-2", "seq", 2,
                        "timestamp", t0 + i * 1000L + 1, "senderID", "p" + i, "receiverID", "u", "summary", "again")));
            }
        }
        steps.add(new Step(false, "cleanConversationUnreadMessageCount", body("conversationID", "c2c_p103")));
        steps.add(new Step(false, "deleteConversation", body("conversationID", "c2c_p102")));
        steps.add(new Step(false, "markConversation", body("conversationIDList", List.of("c2c_p101", "c2c_p0"), "markType", 1, "enableMark", true)));
        steps.add(new Step(false, "setConversationDraft", body("conversationID", "c2c_p99", "draftText", "later")));
        return steps;
    }

    /** Runs the scenario as a client that retries each failed call; returns the statuses seen, by status. */
    static Map<Integer, Integer> run(String app, List<Step> steps) {
        Map<Integer, Integer> statuses = new TreeMap<>();
        String user = userToken(app, "u");
        String service = serviceToken(app);
        for (Step step : steps) {
            for (int attempt = 0; ; attempt++) {
                Response r = call(step.service() ? service : user, step.function(), step.body());
                statuses.merge(r.statusCode(), 1, Integer::sum);
                if (r.statusCode() == 200) {
                    break;
                }
                assertThat(r.statusCode()).as(step.function() + " " + r.asString()).isIn(429, 503);
                assertThat(r.header("Retry-After")).isNotNull();
                assertThat(attempt).as("retries of " + step.function()).isLessThan(40);
            }
        }
        return statuses;
    }

    /** What a device shows of each conversation, in list order (times and slots differ between runs). */
    static List<String> shown(String app) {
        return wholeList(app, "u", 100).stream().map(c -> c.get("conversationID") + " unread=" + c.get("unreadCount")
                + " pinned=" + c.get("isPinned") + " marks=" + c.get("markList") + " draft=" + c.get("draftText")
                + " last=" + map(c.get("lastMessage")).get("summary")).toList();
    }

    @ParameterizedTest
    @EnumSource(Fault.class)
    void coreScenario_underFault_onlyRetryableStatuses_andTheSameListAsWithoutFaults(Fault fault) {
        List<Step> steps = scenario();
        String clean = newApp();
        run(clean, steps);
        String faulty = newApp();
        long seed = Seeds.seed("FaultInjectionTest " + fault);
        faults.arm(fault, 6, seed);
        Map<Integer, Integer> statuses = run(faulty, steps);
        int injected = faults.injected();
        faults.disarm();
        assertThat(shown(faulty)).as("seed " + seed).isEqualTo(shown(clean));
        // Invariants: the cap, the pins, the total is the sum, and the bookkeeping is exact once reconciled.
        List<Map<String, Object>> list = wholeList(faulty, "u", 100);
        assertThat(list).hasSize(99); // 104 created at a cap of 100 (4 evicted), then one deleted
        assertThat(list.stream().filter(c -> Boolean.TRUE.equals(c.get("isPinned"))).count()).isEqualTo(11);
        long sum = list.stream().filter(c -> ((Number) c.get("recvOpt")).intValue() == 0)
                .mapToLong(c -> ((Number) c.get("unreadCount")).longValue()).sum();
        assertThat(totalUnread(faulty, "u")).isEqualTo(sum);
        store.reconcile(faulty, "u");
        ListState state = store.state(faulty, "u");
        assertThat(state.bookkeptSlots()).isEqualTo(state.stored()).isEqualTo(99);
        assertThat(state.pinnedCount()).isEqualTo(11);
        System.out.printf("fault %s (seed %d): %d calls, %d faults injected, statuses %s; invariants held%n", fault, seed,
                statuses.values().stream().mapToInt(Integer::intValue).sum(), injected, statuses);
    }
}
