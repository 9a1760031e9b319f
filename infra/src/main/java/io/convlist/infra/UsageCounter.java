package io.convlist.infra;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import software.amazon.awscdk.services.dynamodb.ITable;
import software.amazon.awscdk.services.lambda.FilterCriteria;
import software.amazon.awscdk.services.lambda.FilterRule;
import software.constructs.Construct;

/**
 * The second consumer of the table's stream: keeps each app's usage counters (the TTL consumer's
 * package, handler {@code usageCounts}). It sees the changes that count: users' conversation items
 * (created, changed: the busiest users, removed), removal records written, lists' bookkeeping. A failed batch is retried whole,
 * never split ({@link #BISECT}), so that the batch's marker makes a retry count nothing twice; after
 * {@link #RETRIES} its description goes to an alarmed failure queue.
 */
public class UsageCounter extends StreamConsumer {
    /**
     * The counters' items and the batches' markers: Put and Update, in transactions; the busiest
     * users: read, then Update; an app's settings (GetItem), for its lists at the cap.
     */
    static final List<String> ACTIONS = List.of("dynamodb:BatchGetItem", "dynamodb:GetItem", "dynamodb:PutItem", "dynamodb:UpdateItem");
    static final boolean BISECT = false;
    static final int RETRIES = 10;
    static final String HANDLER = "usageCounts";

    public record Props(ITable table, Path zip) {
    }

    public UsageCounter(Construct scope, String id, Props props) {
        super(scope, id, new StreamConsumer.Props(props.table(), props.zip(),
                Map.of("CONVLIST_TABLE", props.table().getTableName(), "QUARKUS_LAMBDA_HANDLER", HANDLER,
                        "CONVLIST_METRICS_EMF_NAMESPACE", FunctionsApi.METRICS_NAMESPACE),
                ACTIONS, BISECT, RETRIES, List.of(
                        change(List.of("INSERT", "MODIFY", "REMOVE"), List.of(Map.of("prefix", "c#"))),
                        change(List.of("INSERT", "MODIFY"), List.of(Map.of("prefix", "x#"))),
                        change(List.of("INSERT", "MODIFY", "REMOVE"), List.of("meta")))));
    }

    /** Changes of users' items (partition key u#…) of these kinds, whose sort key matches. */
    private static Map<String, Object> change(List<String> events, List<Object> sortKey) {
        return FilterCriteria.filter(Map.of("eventName", FilterRule.or(events.toArray(String[]::new)),
                "dynamodb", Map.of("Keys", Map.of("pk", Map.of("S", List.of(Map.of("prefix", "u#"))), "sk", Map.of("S", sortKey)))));
    }
}
