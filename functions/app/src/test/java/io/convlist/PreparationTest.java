package io.convlist;

import static io.convlist.testing.Api.*;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;
import java.util.stream.Stream;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import io.convlist.domain.AppSettings;
import io.convlist.domain.ConversationId;
import io.convlist.domain.Edition;
import io.convlist.domain.GroupMode;
import io.convlist.domain.list.ConversationFilter;
import io.convlist.domain.list.SyncPosition;
import io.convlist.store.ConversationStore;
import io.convlist.store.app.AppSettingsStore;
import io.convlist.store.table.Keys;
import io.convlist.testkit.DynamoDbTestResource;
import io.convlist.testkit.MutableClock;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Every operation of the store's facade that reads a list or changes a conversation by its last
 * message, called on a list whose large group is behind (the group's record holds messages the
 * member's conversation has not taken): each brings the conversation up to date first, so none
 * answers or writes from a stale one. An operation that skips the facade's preparation fails here.
 */
@QuarkusTest
@QuarkusTestResource(DynamoDbTestResource.class)
class PreparationTest {
    private static final ConversationId GROUP = ConversationId.group("g");
    private static final long LAST_SEQ = 3;

    /** Each operation, on member m4's list; the group's conversation stays in it unless the operation removes it. */
    private static final Map<String, BiConsumer<ConversationStore, Call>> OPERATIONS = new LinkedHashMap<>();

    static {
        OPERATIONS.put("list", (s, c) -> s.list(c.app, "m4", 0, 20));
        OPERATIONS.put("list by filter", (s, c) -> s.list(c.app, "m4", 0, 20, new ConversationFilter(null, null, null, false, false)));
        OPERATIONS.put("get", (s, c) -> s.get(c.app, "m4", GROUP));
        OPERATIONS.put("getMany", (s, c) -> s.getMany(c.app, "m4", List.of(GROUP)));
        OPERATIONS.put("totalUnread", (s, c) -> s.totalUnread(c.app, "m4"));
        OPERATIONS.put("unreadMatching", (s, c) -> s.unreadMatching(c.app, "m4", new ConversationFilter(null, null, null, true, false)));
        OPERATIONS.put("sync from nothing", (s, c) -> s.sync(c.app, "m4", null, 100));
        OPERATIONS.put("sync from a cursor", (s, c) -> s.sync(c.app, "m4", c.before, 100));
        OPERATIONS.put("markAllRead", (s, c) -> s.markAllRead(c.app, "m4", null));
        OPERATIONS.put("markRead", (s, c) -> s.markRead(c.app, "m4", GROUP, null, null));
        OPERATIONS.put("pin", (s, c) -> s.pin(c.app, "m4", GROUP, true));
        OPERATIONS.put("setDraft", (s, c) -> s.setDraft(c.app, "m4", GROUP, "half a thought"));
        OPERATIONS.put("clearHistory", (s, c) -> s.clearHistory(c.app, "m4", GROUP));
        OPERATIONS.put("delete", (s, c) -> s.delete(c.app, "m4", GROUP, false));
        OPERATIONS.put("deleteAll", (s, c) -> s.deleteAll(c.app, "m4", List.of(GROUP), false));
    }

    /** The app, and a sync position taken before the group's messages. */
    record Call(String app, SyncPosition before) {
    }

    @Inject
    ConversationStore store;

    @Inject
    AppSettingsStore settings;

    @Inject
    DynamoDbClient ddb;

    @Inject
    MutableClock clock;

    @ConfigProperty(name = "convlist.table")
    String table;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    static Stream<String> operations() {
        return OPERATIONS.keySet().stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("operations")
    void operation_onAListWhoseLargeGroupIsBehind_bringsTheConversationUpToDateFirst(String operation) {
        String app = newApp();
        settings.put(new AppSettings(app, app, Edition.STANDARD, 100, 7, 3), "test"); // groups are large from 3 members
        String service = serviceToken(app);
        ok(service, "addGroupMembers", body("groupID", "g", "groupType", "Work", "seq", 0,
                "userIDList", List.of("m0", "m1", "m2", "m3", "m4")));
        assertThat(store.group(app, "g").mode()).isEqualTo(GroupMode.MEMBERS);
        clock.advance(Duration.ofMinutes(2)); // a cursor taken soon after the app's settings changed asks for a resync
        SyncPosition before = store.changesFromNow();
        for (long seq = 1; seq <= LAST_SEQ; seq++) {
            ok(service, "recordMessage", body("type", "GROUP", "msgID", "g-" + seq, "seq", seq, "timestamp",
                    clock.millis() - 60_000 + seq, "senderID", "m0", "groupID", "g", "groupType", "Work", "summary", "text " + seq));
        }
        assertThat(storedLastSeq(app, Keys.conversationSk(GROUP))).as("m4's conversation before the call").isLessThan(LAST_SEQ);

        OPERATIONS.get(operation).accept(store, new Call(app, before));

        // What the operation left: the conversation, or the removal record that took its last seq.
        long after = operation.startsWith("delete") ? storedLastSeq(app, Keys.removalSk(GROUP))
                : storedLastSeq(app, Keys.conversationSk(GROUP));
        assertThat(after).as("the last seq m4's list holds after " + operation).isEqualTo(LAST_SEQ);
    }

    /** The lastSeq attribute of one of m4's items, as stored (0 if the item or the attribute is absent). */
    private long storedLastSeq(String app, String sk) {
        Map<String, AttributeValue> item = ddb.getItem(b -> b.tableName(table).consistentRead(true)
                .key(Map.of(Keys.PK, AttributeValue.fromS(Keys.userPk(app, "m4")), Keys.SK, AttributeValue.fromS(sk)))).item();
        return item == null || !item.containsKey(Keys.LAST_SEQ) ? 0 : Long.parseLong(item.get(Keys.LAST_SEQ).n());
    }
}
