package io.convlist.infra;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import io.convlist.store.table.Keys;
import software.amazon.awscdk.services.dynamodb.ITable;
import software.amazon.awscdk.services.lambda.FilterCriteria;
import software.amazon.awscdk.services.lambda.FilterRule;
import software.constructs.Construct;

/**
 * The table stream's second reader (AWS throttles a third): the TTL consumer's package with handler
 * {@value #HANDLER}. For each batch it publishes the changes of users' lists to their devices on the
 * live channel, then keeps each app's usage counters. It sees the changes that matter to either:
 * users' conversation items (created, changed, removed), removal records written, lists' bookkeeping
 * and conversation groups, devices connecting and leaving, and groups' records (five filters: Lambda's
 * default quota per event source). A failed batch is retried whole, never split ({@link #BISECT}), so that the
 * batch's marker makes a retry count nothing twice; after {@link #RETRIES} its description goes to an
 * alarmed failure queue. (Its construct ID is still "UsageCounter", as when it only counted, so that
 * an update keeps its event source's place in the stream.)
 */
public class ListChangesConsumer extends StreamConsumer {
    /**
     * The counters' items and the batches' markers: Put and Update, in transactions; the busiest
     * users: read, then Update; an app's settings (GetItem), for its lists at the cap. Publishing reads nothing.
     */
    static final List<String> ACTIONS = List.of("dynamodb:BatchGetItem", "dynamodb:GetItem", "dynamodb:PutItem", "dynamodb:UpdateItem");
    static final boolean BISECT = false;
    static final int RETRIES = 10;
    static final String HANDLER = "listChanges";

    public record Props(ITable table, Path zip, LiveChannel live) {
    }

    public ListChangesConsumer(Construct scope, String id, Props props) {
        super(scope, id, new StreamConsumer.Props(props.table(), props.zip(),
                Map.of("CONVLIST_TABLE", props.table().getTableName(), "QUARKUS_LAMBDA_HANDLER", HANDLER,
                        "CONVLIST_METRICS_EMF_NAMESPACE", FunctionsApi.METRICS_NAMESPACE,
                        "CONVLIST_LIVE_IOT_ENDPOINT", "https://" + props.live().endpointAddress()),
                ACTIONS, BISECT, RETRIES, List.of(
                        change(List.of("INSERT", "MODIFY", "REMOVE"), List.of(Map.of("prefix", "c#"))),
                        change(List.of("INSERT", "MODIFY"), List.of(Map.of("prefix", "x#"))),
                        change(List.of("INSERT", "MODIFY", "REMOVE"), List.of(Keys.META_SK)),
                        change(List.of("INSERT", "MODIFY"), List.of(Keys.CONVERSATION_GROUPS_SK)),
                        // Devices connecting and leaving, and groups' records (a large group's activity): one filter for both.
                        FilterCriteria.filter(Map.of("eventName", FilterRule.or("INSERT", "MODIFY", "REMOVE"),
                                "dynamodb", Map.of("Keys", Map.of(
                                        "pk", Map.of("S", List.of(Map.of("prefix", Keys.DEVICES_PK_PREFIX), Map.of("prefix", "g#"))),
                                        "sk", Map.of("S", List.of(Map.of("prefix", Keys.DEVICE_SK_PREFIX), Keys.GROUP_STATE_SK)))))))));
        function().addToRolePolicy(props.live().publishToListTopics());
    }

    /** Changes of users' items (partition key u#…) of these kinds, whose sort key matches. */
    private static Map<String, Object> change(List<String> events, List<Object> sortKey) {
        return FilterCriteria.filter(Map.of("eventName", FilterRule.or(events.toArray(String[]::new)),
                "dynamodb", Map.of("Keys", Map.of("pk", Map.of("S", List.of(Map.of("prefix", "u#"))), "sk", Map.of("S", sortKey)))));
    }
}
