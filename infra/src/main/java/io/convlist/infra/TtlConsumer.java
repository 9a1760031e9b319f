package io.convlist.infra;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import io.convlist.store.TtlDeletions;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.services.dynamodb.ITable;
import software.amazon.awscdk.services.lambda.FilterCriteria;
import software.amazon.awscdk.services.lambda.FilterRule;
import software.amazon.awscdk.services.lambda.Function;
import software.amazon.awscdk.services.lambda.StartingPosition;
import software.amazon.awscdk.services.lambda.eventsources.DynamoEventSource;
import software.amazon.awscdk.services.lambda.eventsources.SqsDlq;
import software.amazon.awscdk.services.sqs.Queue;
import software.amazon.awscdk.services.sqs.QueueEncryption;
import software.constructs.Construct;

/**
 * The Lambda on the table's stream that reconciles lists after TTL deletions; the event source
 * passes only TTL's own removals (REMOVE records whose identity is the DynamoDB service). A batch
 * that fails is split in halves until the failing record stands alone ({@link #BISECT}); that record is
 * retried {@link #RETRIES} times, then its description (shard and sequence numbers, to replay it from
 * the stream within its 24 h) goes to the failure queue and the shard moves on: one poison record
 * cannot stall a shard, and none is lost unseen (the queue has an alarm).
 */
public class TtlConsumer extends Construct {
    /**
     * Reconciling reads a list's bookkeeping and small index, and evicts or trims in transactions;
     * each deleted conversation's EXPIRED record is a Put in a transaction with a condition check.
     */
    static final List<String> ACTIONS = List.of("dynamodb:GetItem", "dynamodb:BatchGetItem", "dynamodb:Query",
            "dynamodb:PutItem", "dynamodb:UpdateItem", "dynamodb:DeleteItem", "dynamodb:ConditionCheckItem");

    static final boolean BISECT = true;
    static final int RETRIES = 5;
    /** As long as SQS keeps a message: two weeks to look at a failed batch. */
    static final Duration FAILURE_RETENTION = Duration.days(14);

    public record Props(ITable table, Path zip) {
    }

    private final Function function;
    private final Queue failures;

    public TtlConsumer(Construct scope, String id, Props props) {
        super(scope, id);
        function = QuarkusLambda.create(this, "Function", new QuarkusLambda.Props(props.zip(), 512, Duration.seconds(60),
                false, Map.of("CONVLIST_TABLE", props.table().getTableName())));
        QuarkusLambda.allowTableActions(function, props.table(), ACTIONS);
        failures = Queue.Builder.create(this, "Failures").retentionPeriod(FAILURE_RETENTION)
                .encryption(QueueEncryption.SQS_MANAGED).enforceSsl(true).build();
        function.addEventSource(DynamoEventSource.Builder.create(props.table()).startingPosition(StartingPosition.TRIM_HORIZON)
                .batchSize(100).bisectBatchOnError(BISECT).retryAttempts(RETRIES).onFailure(new SqsDlq(failures))
                .filters(List.of(FilterCriteria.filter(Map.of(
                        "eventName", FilterRule.isEqual("REMOVE"),
                        "userIdentity", Map.of("type", FilterRule.isEqual("Service"),
                                "principalId", FilterRule.isEqual(TtlDeletions.TTL_PRINCIPAL))))))
                .build());
    }

    public Function function() {
        return function;
    }

    /** Where batches that failed every retry are described. */
    public Queue failures() {
        return failures;
    }
}
