package io.convlist.infra;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import io.convlist.store.TtlDeletions;
import software.amazon.awscdk.services.dynamodb.ITable;
import software.amazon.awscdk.services.lambda.FilterCriteria;
import software.amazon.awscdk.services.lambda.FilterRule;
import software.constructs.Construct;

/**
 * The Lambda on the table's stream that reconciles lists after TTL deletions; the event source
 * passes only TTL's own removals (REMOVE records whose identity is the DynamoDB service). A batch
 * that fails is split in halves until the failing record stands alone ({@link #BISECT}); that record is
 * retried {@link #RETRIES} times, then its description (shard and sequence numbers, to replay it from
 * the stream within its 24 h) goes to the failure queue and the shard moves on: one poison record
 * cannot stall a shard, and none is lost unseen (the queue has an alarm).
 */
public class TtlConsumer extends StreamConsumer {
    /**
     * Reconciling reads a list's bookkeeping and small index, and evicts or trims in transactions;
     * each deleted conversation's EXPIRED record is a Put in a transaction with a condition check.
     */
    static final List<String> ACTIONS = List.of("dynamodb:GetItem", "dynamodb:BatchGetItem", "dynamodb:Query",
            "dynamodb:PutItem", "dynamodb:UpdateItem", "dynamodb:DeleteItem", "dynamodb:ConditionCheckItem");

    static final boolean BISECT = true;
    static final int RETRIES = 5;

    public record Props(ITable table, Path zip) {
    }

    public TtlConsumer(Construct scope, String id, Props props) {
        super(scope, id, new StreamConsumer.Props(props.table(), props.zip(), Map.of("CONVLIST_TABLE", props.table().getTableName()),
                ACTIONS, BISECT, RETRIES, List.of(FilterCriteria.filter(Map.of(
                        "eventName", FilterRule.isEqual("REMOVE"),
                        "userIdentity", Map.of("type", FilterRule.isEqual("Service"),
                                "principalId", FilterRule.isEqual(TtlDeletions.TTL_PRINCIPAL)))))));
    }
}
