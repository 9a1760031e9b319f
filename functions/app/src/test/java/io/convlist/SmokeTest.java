package io.convlist;

import static io.convlist.testing.Api.*;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;

import io.convlist.testing.DynamoDbTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
@QuarkusTestResource(DynamoDbTestResource.class)
class SmokeTest {
    @Test
    void recordMessage_newC2c_bothSidesListIt() {
        String app = newApp();
        c2c(app, "alice", "bob", 1, 1_800_000_000_000L, "hi bob");
        var bob = wholeList(app, "bob", 20);
        System.out.println(bob);
        assertThat(bob).hasSize(1);
        assertThat(bob.get(0)).containsEntry("conversationID", "c2c_alice").containsEntry("unreadCount", 1);
        var alice = wholeList(app, "alice", 20);
        assertThat(alice.get(0)).containsEntry("conversationID", "c2c_bob").containsEntry("unreadCount", 0);
        var r = call(null, "getConversationList", Map.of());
        System.out.println(r.statusCode() + " " + r.asString());
        assertThat(r.statusCode()).isEqualTo(401);
    }
}
