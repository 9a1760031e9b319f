package io.convlist.infra;

import java.util.List;
import java.util.Map;

import software.amazon.awscdk.Duration;
import software.amazon.awscdk.services.apigatewayv2.HttpApi;
import software.amazon.awscdk.services.cloudwatch.Alarm;
import software.amazon.awscdk.services.cloudwatch.ComparisonOperator;
import software.amazon.awscdk.services.cloudwatch.IMetric;
import software.amazon.awscdk.services.cloudwatch.Metric;
import software.amazon.awscdk.services.cloudwatch.TreatMissingData;
import software.amazon.awscdk.services.dynamodb.Operation;
import software.amazon.awscdk.services.dynamodb.OperationsMetricOptions;
import software.amazon.awscdk.services.dynamodb.Table;
import software.amazon.awscdk.services.lambda.Function;
import software.amazon.awscdk.services.sqs.IQueue;
import software.constructs.Construct;

/**
 * Alarms on what an operator must act on: Lambda errors, API 5xx, the functions' unexpected failures
 * (their own metric), DynamoDB throttling, stream records the TTL consumer or the list changes' consumer gave up on, and the live
 * channel's authorizer failing (devices could not connect) and its presence handler failing (the console's device counts drift).
 */
public class Alarms extends Construct {
    /**
     * The operations the service sends. DynamoDB emits ThrottledRequests per table <em>and</em>
     * operation (dimensions TableName, Operation), so the alarm sums one metric per operation.
     */
    static final List<Operation> OPERATIONS = List.of(Operation.GET_ITEM, Operation.BATCH_GET_ITEM, Operation.QUERY,
            Operation.PUT_ITEM, Operation.UPDATE_ITEM, Operation.DELETE_ITEM, Operation.TRANSACT_WRITE_ITEMS);

    public record Props(Table table, Function functions, Function console, Function ttlConsumer, IQueue ttlFailures,
            Function listChanges, IQueue listChangesFailures, Function liveAuthorizer, Function livePresence, HttpApi api) {
    }

    /** The list changes' consumer's metric of live events it failed to publish (UsageMetrics, Service dimension "usage"). */
    static final String LIVE_FAILED = "liveEventsFailed";
    static final String LIVE_METRICS_SERVICE = "usage";
    static final int LIVE_FAILED_THRESHOLD = 100;

    private Alarm tableThrottled;

    public Alarms(Construct scope, String id, Props props) {
        super(scope, id);
        alarm("FunctionErrors", props.functions().metricErrors(), 1);
        alarm("ConsoleErrors", props.console().metricErrors(), 1);
        alarm("TtlConsumerErrors", props.ttlConsumer().metricErrors(), 1);
        alarm("TtlConsumerGaveUp", props.ttlFailures().metricApproximateNumberOfMessagesVisible(), 1);
        // The IDs from when the consumer only counted usage: an update keeps the alarms.
        alarm("UsageCounterErrors", props.listChanges().metricErrors(), 1);
        alarm("UsageCounterGaveUp", props.listChangesFailures().metricApproximateNumberOfMessagesVisible(), 1);
        alarm("LiveAuthorizerErrors", props.liveAuthorizer().metricErrors(), 1);
        alarm("LivePresenceErrors", props.livePresence().metricErrors(), 1);
        // Live events are best effort, so a few failed publishes are expected; this many in 5 minutes means devices are not live.
        alarm("LiveEventsFailed", Metric.Builder.create().namespace(FunctionsApi.METRICS_NAMESPACE).metricName(LIVE_FAILED)
                .dimensionsMap(Map.of("Service", LIVE_METRICS_SERVICE)).statistic("Sum").period(Duration.minutes(5)).build(),
                LIVE_FAILED_THRESHOLD);
        alarm("Api5xx", props.api().metricServerError(), 5);
        // The functions' own count of calls that failed unexpectedly (500 INTERNAL), from their metrics.
        alarm("FunctionInternalErrors", Metric.Builder.create().namespace(FunctionsApi.METRICS_NAMESPACE).metricName("calls")
                .dimensionsMap(Map.of("code", "INTERNAL")).statistic("Sum").period(Duration.minutes(5)).build(), 1);
        tableThrottled = alarm("TableThrottled", props.table().metricThrottledRequestsForOperations(OperationsMetricOptions.builder()
                .operations(OPERATIONS).period(Duration.minutes(5)).build()), 1);
    }

    public Alarm tableThrottled() {
        return tableThrottled;
    }

    private Alarm alarm(String id, IMetric metric, double threshold) {
        return Alarm.Builder.create(this, id).metric(metric).threshold(threshold).evaluationPeriods(1)
                .comparisonOperator(ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD)
                .treatMissingData(TreatMissingData.NOT_BREACHING).build();
    }
}
