package io.convlist;

import static io.convlist.testing.Api.*;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import io.convlist.store.ConversationStore;
import io.convlist.store.list.ListState;
import io.convlist.testkit.DynamoDbTestResource;
import io.convlist.testkit.FaultInjector;
import io.convlist.testkit.MutableClock;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A stalled backend: a call runs past its deadline, answers 503 with Retry-After instead of
 * waiting, leaves nothing half-applied, and the service works again once the backend does.
 */
@QuarkusTest
@QuarkusTestResource(DynamoDbTestResource.class)
@TestProfile(DeadlineTest.ShortDeadline.class)
class DeadlineTest {
    @Inject
    MutableClock clock;

    /** A time before the test on the application's clock, taken as it starts: the tests' messages are sent from here on. */
    long t0;

    @BeforeEach
    void takeTheTestsStartingTime() {
        t0 = clock.millis() - 60_000;
    }

    /** A deadline of one second, so that a creation (three requests in a row) on a backend answering each in 600 ms runs past it. */
    public static class ShortDeadline implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("convlist.request.deadline", "PT1S");
        }
    }

    @Inject
    FaultInjector faults;

    @Inject
    ConversationStore store;

    @AfterEach
    void recover() {
        faults.disarm();
    }

    @Test
    void stalledBackend_isA503WithinTheDeadlinePlusOneCall_andTheServiceRecovers() {
        String app = newApp();
        group(app, "g", "Work", "x", List.of("u1", "u2", "u3"), 1, t0, "first", List.of(), false);
        faults.stall(600);
        long start = System.nanoTime();
        // A message to 13 new members: a creation each, more requests than one second allows.
        List<String> members = List.of("u1", "u2", "u3", "m1", "m2", "m3", "m4", "m5", "m6", "m7", "m8", "m9", "m10", "m11");
        Response r = call(serviceToken(app), "recordMessage", body("type", "GROUP", "msgID", "g-2", "seq", 2, "timestamp", t0 + 1,
                "senderID", "x", "groupID", "g", "groupType", "Work", "recipients", members, "summary", "second"));
        long millis = (System.nanoTime() - start) / 1_000_000;
        assertThat(r.statusCode()).isEqualTo(503);
        assertThat(r.jsonPath().getString("code")).isEqualTo("UNAVAILABLE");
        assertThat(r.header("Retry-After")).isNotNull();
        System.out.printf("stalled backend (600 ms a request, deadline 1 s): %d after %d ms%n", r.statusCode(), millis);
        // The deadline, the one call that started before it, and slack for this machine.
        assertThat(millis).as("answered after %d ms", millis).isLessThan(1_000 + 600 + 1_500);
        // Recovery: the backend answers again, the pipeline redelivers, every list is whole and exact.
        faults.disarm();
        ok(serviceToken(app), "recordMessage", body("type", "GROUP", "msgID", "g-2", "seq", 2, "timestamp", t0 + 1,
                "senderID", "x", "groupID", "g", "groupType", "Work", "recipients", members, "summary", "second"));
        for (String member : members) {
            Map<String, Object> c = conversation(app, member, "group_g");
            assertThat(map(c.get("lastMessage")).get("summary")).isEqualTo("second");
            ListState state = store.state(app, member);
            assertThat(state.bookkeptSlots()).isEqualTo(state.stored()).isEqualTo(1);
        }
        assertThat(((Number) conversation(app, "u1", "group_g").get("unreadCount")).intValue()).isEqualTo(2);
        assertThat(((Number) conversation(app, "m1", "group_g").get("unreadCount")).intValue()).isEqualTo(1);
    }
}
