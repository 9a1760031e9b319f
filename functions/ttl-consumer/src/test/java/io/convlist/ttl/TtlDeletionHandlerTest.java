package io.convlist.ttl;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import com.amazonaws.services.lambda.runtime.events.models.dynamodb.AttributeValue;
import com.amazonaws.services.lambda.runtime.events.models.dynamodb.Identity;
import com.amazonaws.services.lambda.runtime.events.models.dynamodb.StreamRecord;
import io.convlist.domain.ConversationType;
import io.convlist.domain.GroupType;
import io.convlist.domain.message.MessageEvent;
import io.convlist.store.ConversationStore;
import io.convlist.store.TtlDeletions;
import io.convlist.store.table.Keys;
import io.convlist.testkit.DynamoDbTestResource;
import io.convlist.testkit.MutableClock;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/** The Lambda handler, given stream batches as Lambda delivers them, against the embedded backend. */
@QuarkusTest
@QuarkusTestResource(DynamoDbTestResource.class)
class TtlDeletionHandlerTest {
    @Inject
    MutableClock clock;


    @Inject
    TtlDeletionHandler handler;

    @Inject
    DynamoDbClient ddb;

    @ConfigProperty(name = "convlist.table")
    String table;

    @Inject
    ConversationStore conversations;

    ConversationStore store() {
        return conversations;
    }

    static DynamodbEvent.DynamodbStreamRecord removal(String pk, String sk, String principal) {
        StreamRecord change = new StreamRecord().withKeys(Map.of(Keys.PK, new AttributeValue(pk), Keys.SK, new AttributeValue(sk)))
                .withOldImage(Map.of(Keys.PK, new AttributeValue(pk), Keys.SK, new AttributeValue(sk),
                        Keys.EXPIRES_AT, new AttributeValue().withN("1")));
        DynamodbEvent.DynamodbStreamRecord record = new DynamodbEvent.DynamodbStreamRecord();
        record.setEventName("REMOVE");
        record.setDynamodb(change);
        record.setUserIdentity(new Identity().withPrincipalId(principal).withType("Service"));
        return record;
    }

    /** Five conversations, three of them deleted behind the application's back. */
    List<DynamodbEvent.DynamodbStreamRecord> deleteThreeOfFive(ConversationStore store, String app, String principal) {
        long t = clock.millis();
        for (int i = 0; i < 5; i++) {
            store.recordMessage(app, new MessageEvent(ConversationType.GROUP, "m" + i, 1, t + i, "u", null, "g" + i,
                    GroupType.Work, List.of(), "m", Set.of(), false).validated());
        }
        List<DynamodbEvent.DynamodbStreamRecord> records = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            String pk = Keys.userPk(app, "u");
            String sk = "c#group_g" + i;
            ddb.deleteItem(d -> d.tableName(table).key(Map.of(Keys.PK, software.amazon.awssdk.services.dynamodb.model.AttributeValue.fromS(pk),
                    Keys.SK, software.amazon.awssdk.services.dynamodb.model.AttributeValue.fromS(sk))));
            records.add(removal(pk, sk, principal));
        }
        return records;
    }

    @Test
    void ttlRemovals_reconcileEachListOnce_andTheBookkeepingIsExactAgain() {
        ConversationStore store = store();
        String app = "app" + UUID.randomUUID().toString().substring(0, 6);
        List<DynamodbEvent.DynamodbStreamRecord> records = deleteThreeOfFive(store, app, TtlDeletions.TTL_PRINCIPAL);
        records.add(removal("p#" + app + "#u", "profile", TtlDeletions.TTL_PRINCIPAL)); // not a conversation
        DynamodbEvent.DynamodbStreamRecord insert = new DynamodbEvent.DynamodbStreamRecord();
        insert.setEventName("INSERT");
        records.add(insert);
        assertThat(store.state(app, "u").bookkeptSlots()).isEqualTo(5);
        assertThat(store.state(app, "u").stored()).isEqualTo(2);

        DynamodbEvent event = new DynamodbEvent();
        event.setRecords(records);
        assertThat(handler.handleRequest(event, null)).isEqualTo(1);
        assertThat(store.state(app, "u").bookkeptSlots()).isEqualTo(2);
        // A retried batch changes nothing.
        assertThat(handler.handleRequest(event, null)).isEqualTo(1);
        assertThat(store.state(app, "u").bookkeptSlots()).isEqualTo(2);
    }

    @Test
    void removalsByOtherPrincipals_areNotTtl_andLeftAlone() {
        ConversationStore store = store();
        String app = "app" + UUID.randomUUID().toString().substring(0, 6);
        DynamodbEvent event = new DynamodbEvent();
        event.setRecords(deleteThreeOfFive(store, app, "some-role"));
        assertThat(handler.handleRequest(event, null)).isZero();
        assertThat(store.state(app, "u").bookkeptSlots()).isEqualTo(5);
    }
}
