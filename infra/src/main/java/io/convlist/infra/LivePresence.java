package io.convlist.infra;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import software.amazon.awscdk.Duration;
import software.amazon.awscdk.services.dynamodb.ITable;
import software.amazon.awscdk.services.iam.ServicePrincipal;
import software.amazon.awscdk.services.iot.CfnTopicRule;
import software.amazon.awscdk.services.lambda.Function;
import software.amazon.awscdk.services.lambda.Permission;
import software.constructs.Construct;

/**
 * Which devices are connected to the live channel, for the console: an IoT topic rule on IoT Core's
 * lifecycle events ({@code $aws/events/presence/connected|disconnected/CLIENT_ID}) invokes the stream
 * Lambdas' package as {@code livePresence}, which writes one item per device (DevicePresence). IoT
 * may deliver an event twice or out of order; the handler orders them by their version.
 */
public class LivePresence extends Construct {
    static final String HANDLER = "livePresence";
    /** Every connect and disconnect event; the handler ignores client IDs that are not the channel's. */
    static final String SQL = "SELECT clientId, eventType, timestamp, versionNumber FROM '$aws/events/presence/#'";
    /** A conditional Put per event, nothing else. */
    static final List<String> ACTIONS = List.of("dynamodb:PutItem");

    public record Props(ITable table, Path zip) {
    }

    private final Function function;
    private final CfnTopicRule rule;

    public LivePresence(Construct scope, String id, Props props) {
        super(scope, id);
        function = QuarkusLambda.create(this, "Function", new QuarkusLambda.Props(props.zip(), 512, Duration.seconds(10), false,
                Map.of("CONVLIST_TABLE", props.table().getTableName(), "QUARKUS_LAMBDA_HANDLER", HANDLER)));
        QuarkusLambda.allowTableActions(function, props.table(), ACTIONS);
        rule = CfnTopicRule.Builder.create(this, "LifecycleEvents").topicRulePayload(CfnTopicRule.TopicRulePayloadProperty.builder()
                .sql(SQL).awsIotSqlVersion("2016-03-23").ruleDisabled(false)
                .actions(List.of(CfnTopicRule.ActionProperty.builder()
                        .lambda(CfnTopicRule.LambdaActionProperty.builder().functionArn(function.getFunctionArn()).build()).build()))
                .build()).build();
        function.addPermission("InvokedByIotRule", Permission.builder().principal(new ServicePrincipal("iot.amazonaws.com"))
                .sourceArn(rule.getAttrArn()).build());
    }

    public Function function() {
        return function;
    }

    public CfnTopicRule rule() {
        return rule;
    }
}
