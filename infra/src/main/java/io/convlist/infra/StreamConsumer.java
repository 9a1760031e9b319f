package io.convlist.infra;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import software.amazon.awscdk.Duration;
import software.amazon.awscdk.services.dynamodb.ITable;
import software.amazon.awscdk.services.lambda.Function;
import software.amazon.awscdk.services.lambda.StartingPosition;
import software.amazon.awscdk.services.lambda.eventsources.DynamoEventSource;
import software.amazon.awscdk.services.lambda.eventsources.SqsDlq;
import software.amazon.awscdk.services.sqs.Queue;
import software.amazon.awscdk.services.sqs.QueueEncryption;
import software.constructs.Construct;

/**
 * A Lambda that reads the table's stream (the TTL consumer, the usage counter): its function, with
 * the table actions it needs and no more; its event source, filtered so that it is invoked only for
 * the records it handles; and the queue where a batch that failed every retry is described (the
 * stack alarms on it). Its children keep the IDs "Function" and "Failures", so the resources' logical
 * IDs stay those of the consumers before they shared this.
 */
abstract class StreamConsumer extends Construct {
    /** As long as SQS keeps a message: two weeks to look at a failed batch. */
    static final Duration FAILURE_RETENTION = Duration.days(14);

    /**
     * @param bisect split a failing batch in halves until the failing record stands alone
     * @param retries how often a failing batch (or record) is retried before it goes to the failure queue
     * @param filters the stream's records the function is invoked for (Lambda event filtering)
     */
    record Props(ITable table, Path zip, Map<String, String> environment, List<String> tableActions, boolean bisect,
            int retries, List<Map<String, Object>> filters) {
    }

    private final Function function;
    private final Queue failures;

    StreamConsumer(Construct scope, String id, Props props) {
        super(scope, id);
        function = QuarkusLambda.create(this, "Function", new QuarkusLambda.Props(props.zip(), 512, Duration.seconds(60),
                false, props.environment()));
        QuarkusLambda.allowTableActions(function, props.table(), props.tableActions());
        failures = Queue.Builder.create(this, "Failures").retentionPeriod(FAILURE_RETENTION)
                .encryption(QueueEncryption.SQS_MANAGED).enforceSsl(true).build();
        function.addEventSource(DynamoEventSource.Builder.create(props.table()).startingPosition(StartingPosition.TRIM_HORIZON)
                .batchSize(100).bisectBatchOnError(props.bisect()).retryAttempts(props.retries()).onFailure(new SqsDlq(failures))
                .filters(props.filters()).build());
    }

    public Function function() {
        return function;
    }

    /** Where batches that failed every retry are described. */
    public Queue failures() {
        return failures;
    }
}
