package io.convlist.infra;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import io.convlist.store.Keys;
import io.convlist.store.TableDefinition;
import software.amazon.awscdk.CfnOutput;
import software.amazon.awscdk.CfnParameter;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.RemovalPolicy;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.StackProps;
import software.amazon.awscdk.aws_apigatewayv2_authorizers.HttpJwtAuthorizer;
import software.amazon.awscdk.aws_apigatewayv2_integrations.HttpLambdaIntegration;
import software.amazon.awscdk.services.apigatewayv2.AddRoutesOptions;
import software.amazon.awscdk.services.apigatewayv2.CfnStage;
import software.amazon.awscdk.services.apigatewayv2.HttpApi;
import software.amazon.awscdk.services.apigatewayv2.HttpMethod;
import software.amazon.awscdk.services.cloudwatch.Alarm;
import software.amazon.awscdk.services.cloudwatch.ComparisonOperator;
import software.amazon.awscdk.services.cloudwatch.Metric;
import software.amazon.awscdk.services.cloudwatch.TreatMissingData;
import software.amazon.awscdk.services.dynamodb.Attribute;
import software.amazon.awscdk.services.dynamodb.AttributeType;
import software.amazon.awscdk.services.dynamodb.BillingMode;
import software.amazon.awscdk.services.dynamodb.LocalSecondaryIndexProps;
import software.amazon.awscdk.services.dynamodb.PointInTimeRecoverySpecification;
import software.amazon.awscdk.services.dynamodb.ProjectionType;
import software.amazon.awscdk.services.dynamodb.StreamViewType;
import software.amazon.awscdk.services.dynamodb.Table;
import software.amazon.awscdk.services.dynamodb.TableEncryption;
import software.amazon.awscdk.services.iam.PolicyStatement;
import software.amazon.awscdk.services.lambda.Alias;
import software.amazon.awscdk.services.lambda.Code;
import software.amazon.awscdk.services.lambda.FilterCriteria;
import software.amazon.awscdk.services.lambda.FilterRule;
import software.amazon.awscdk.services.lambda.Function;
import software.amazon.awscdk.services.lambda.Runtime;
import software.amazon.awscdk.services.lambda.SnapStartConf;
import software.amazon.awscdk.services.lambda.StartingPosition;
import software.amazon.awscdk.services.lambda.eventsources.DynamoEventSource;
import software.amazon.awssdk.services.dynamodb.model.LocalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.constructs.Construct;

/**
 * Everything the service needs in one stack: the table (keys and indexes from TableDefinition), the
 * functions behind an HTTP API with a JWT authorizer, the TTL deletion consumer on the table's
 * stream, the operator console behind its own endpoint, and alarms.
 */
public class ConversationListStack extends Stack {
    static final String QUARKUS_HANDLER = "io.quarkus.amazon.lambda.runtime.QuarkusStreamHandler::handleRequest";

    /**
     * The DynamoDB actions each Lambda's code uses: no Scan, no table management. Transactions
     * authorize as the Put/Update/Delete/ConditionCheck they contain.
     */
    static final List<String> FUNCTIONS_ACTIONS = List.of("dynamodb:GetItem", "dynamodb:BatchGetItem", "dynamodb:Query",
            "dynamodb:PutItem", "dynamodb:UpdateItem", "dynamodb:DeleteItem", "dynamodb:ConditionCheckItem");
    static final List<String> TTL_CONSUMER_ACTIONS = List.of("dynamodb:GetItem", "dynamodb:BatchGetItem", "dynamodb:Query",
            "dynamodb:UpdateItem", "dynamodb:DeleteItem", "dynamodb:ConditionCheckItem");
    /** Settings and audit (Put in a transaction), list reads, and the trim a read does over a lowered limit. */
    static final List<String> CONSOLE_ACTIONS = List.of("dynamodb:GetItem", "dynamodb:BatchGetItem", "dynamodb:Query",
            "dynamodb:PutItem", "dynamodb:UpdateItem", "dynamodb:DeleteItem");

    /** Where Maven puts the Lambda packages, relative to infra/. */
    public record Artifacts(Path functionsZip, Path ttlConsumerZip, Path consoleZip) {
        public static Artifacts fromBuild() {
            return new Artifacts(Path.of("..", "functions", "lambda", "target", "function.zip"),
                    Path.of("..", "functions", "ttl-consumer", "target", "function.zip"),
                    Path.of("..", "console", "lambda", "target", "function.zip"));
        }
    }

    public ConversationListStack(Construct scope, String id, StackProps props, Artifacts artifacts) {
        super(scope, id, props);

        CfnParameter issuer = CfnParameter.Builder.create(this, "JwtIssuer").type("String")
                .description("Issuer (iss) of the tokens the IM backend signs; its /.well-known/openid-configuration is used").build();
        CfnParameter audience = CfnParameter.Builder.create(this, "JwtAudience").type("String")
                .description("Audience (aud) the tokens carry").build();
        CfnParameter jwks = CfnParameter.Builder.create(this, "JwtJwksUrl").type("String")
                .description("URL of the issuer's public keys (JWKS), for the functions' own verification").build();

        Table table = Table.Builder.create(this, "Table")
                .partitionKey(attribute(Keys.PK)).sortKey(attribute(Keys.SK))
                .billingMode(BillingMode.PAY_PER_REQUEST)
                .timeToLiveAttribute(Keys.EXPIRES_AT)
                .pointInTimeRecoverySpecification(PointInTimeRecoverySpecification.builder().pointInTimeRecoveryEnabled(true).build())
                .deletionProtection(true)
                .removalPolicy(RemovalPolicy.RETAIN)
                .encryption(TableEncryption.AWS_MANAGED)
                .stream(StreamViewType.NEW_AND_OLD_IMAGES)
                .build();
        for (LocalSecondaryIndex lsi : TableDefinition.localIndexes()) {
            String sortKey = lsi.keySchema().get(1).attributeName();
            LocalSecondaryIndexProps.Builder index = LocalSecondaryIndexProps.builder().indexName(lsi.indexName())
                    .sortKey(attribute(sortKey)).projectionType(ProjectionType.valueOf(lsi.projection().projectionTypeAsString()));
            if (lsi.projection().hasNonKeyAttributes()) {
                index.nonKeyAttributes(lsi.projection().nonKeyAttributes());
            }
            table.addLocalSecondaryIndex(index.build());
        }

        // The functions: 1 GB gives Java a full vCPU-share for JSON and TLS; a call is a few DynamoDB
        // requests (a 1000-recipient fan-out the longest), well inside 15 s.
        Function functions = Function.Builder.create(this, "Functions")
                .runtime(Runtime.JAVA_21).handler(QUARKUS_HANDLER)
                .code(Code.fromAsset(artifacts.functionsZip().toString()))
                .memorySize(1024).timeout(Duration.seconds(15))
                .snapStart(SnapStartConf.ON_PUBLISHED_VERSIONS)
                .environment(Map.of(
                        "CONVLIST_TABLE", table.getTableName(),
                        "CONVLIST_JWT_ISSUER", issuer.getValueAsString(),
                        "CONVLIST_JWT_AUDIENCE", audience.getValueAsString(),
                        "CONVLIST_JWT_PUBLIC_KEY_LOCATION", jwks.getValueAsString()))
                .build();
        functions.addToRolePolicy(tableAccess(table, FUNCTIONS_ACTIONS));
        Alias live = Alias.Builder.create(this, "FunctionsLive").aliasName("live").version(functions.getCurrentVersion()).build();

        HttpJwtAuthorizer authorizer = HttpJwtAuthorizer.Builder.create("Jwt", issuer.getValueAsString())
                .jwtAudience(List.of(audience.getValueAsString())).build();
        HttpApi api = HttpApi.Builder.create(this, "Api").build();
        api.addRoutes(AddRoutesOptions.builder().path("/{function}").methods(List.of(HttpMethod.POST))
                .integration(new HttpLambdaIntegration("FunctionsIntegration", live)).authorizer(authorizer).build());
        CfnStage stage = (CfnStage) api.getDefaultStage().getNode().getDefaultChild();
        stage.setDefaultRouteSettings(CfnStage.RouteSettingsProperty.builder()
                .throttlingBurstLimit(2000).throttlingRateLimit(1000).build());

        // Reconciles lists after TTL deletions; the filter passes only TTL's own removals.
        Function ttlConsumer = Function.Builder.create(this, "TtlConsumer")
                .runtime(Runtime.JAVA_21).handler(QUARKUS_HANDLER)
                .code(Code.fromAsset(artifacts.ttlConsumerZip().toString()))
                .memorySize(512).timeout(Duration.seconds(60))
                .environment(Map.of("CONVLIST_TABLE", table.getTableName()))
                .build();
        ttlConsumer.addToRolePolicy(tableAccess(table, TTL_CONSUMER_ACTIONS));
        ttlConsumer.addEventSource(DynamoEventSource.Builder.create(table).startingPosition(StartingPosition.TRIM_HORIZON)
                .batchSize(100).bisectBatchOnError(true).retryAttempts(5)
                .filters(List.of(FilterCriteria.filter(Map.of(
                        "eventName", FilterRule.isEqual("REMOVE"),
                        "userIdentity", Map.of("type", FilterRule.isEqual("Service"),
                                "principalId", FilterRule.isEqual("dynamodb.amazonaws.com"))))))
                .build());

        // The operator console: its own endpoint and role; operators sign in through the organisation's OIDC provider.
        CfnParameter oidcIssuer = CfnParameter.Builder.create(this, "ConsoleOidcIssuer").type("String")
                .description("OIDC issuer URL for operators' sign-in to the console").build();
        CfnParameter oidcClientId = CfnParameter.Builder.create(this, "ConsoleOidcClientId").type("String").build();
        CfnParameter oidcClientSecret = CfnParameter.Builder.create(this, "ConsoleOidcClientSecret").type("String")
                .noEcho(true).build();
        CfnParameter sessionKey = CfnParameter.Builder.create(this, "ConsoleSessionKey").type("String").noEcho(true)
                .minLength(32).description("Encrypts the console's session cookies (at least 32 characters)").build();
        Function console = Function.Builder.create(this, "Console")
                .runtime(Runtime.JAVA_21).handler(QUARKUS_HANDLER)
                .code(Code.fromAsset(artifacts.consoleZip().toString()))
                .memorySize(768).timeout(Duration.seconds(15))
                .snapStart(SnapStartConf.ON_PUBLISHED_VERSIONS)
                .environment(Map.of(
                        "CONVLIST_TABLE", table.getTableName(),
                        "CONSOLE_AUTH_MECHANISM", "code",
                        "CONSOLE_OIDC_ENABLED", "true",
                        "CONSOLE_OIDC_ISSUER", oidcIssuer.getValueAsString(),
                        "CONSOLE_OIDC_CLIENT_ID", oidcClientId.getValueAsString(),
                        "CONSOLE_OIDC_CLIENT_SECRET", oidcClientSecret.getValueAsString(),
                        "CONSOLE_SESSION_KEY", sessionKey.getValueAsString()))
                .build();
        console.addToRolePolicy(tableAccess(table, CONSOLE_ACTIONS));
        Alias consoleLive = Alias.Builder.create(this, "ConsoleLive").aliasName("live").version(console.getCurrentVersion()).build();
        HttpApi consoleApi = HttpApi.Builder.create(this, "ConsoleApi")
                .defaultIntegration(new HttpLambdaIntegration("ConsoleIntegration", consoleLive)).build();

        alarm("FunctionErrors", functions.metricErrors(), 1);
        alarm("ConsoleErrors", console.metricErrors(), 1);
        alarm("TtlConsumerErrors", ttlConsumer.metricErrors(), 1);
        alarm("Api5xx", api.metricServerError(), 5);
        alarm("TableThrottled", Metric.Builder.create().namespace("AWS/DynamoDB").metricName("ThrottledRequests")
                .dimensionsMap(Map.of("TableName", table.getTableName())).statistic("Sum").period(Duration.minutes(5)).build(), 1);

        CfnOutput.Builder.create(this, "ApiUrl").value(api.getApiEndpoint()).build();
        CfnOutput.Builder.create(this, "ConsoleUrl").value(consoleApi.getApiEndpoint()).build();
        CfnOutput.Builder.create(this, "TableName").value(table.getTableName()).build();
    }

    private static Attribute attribute(String name) {
        ScalarAttributeType type = TableDefinition.attributes().stream().filter(a -> a.attributeName().equals(name))
                .findFirst().orElseThrow().attributeType();
        return Attribute.builder().name(name).type(type == ScalarAttributeType.N ? AttributeType.NUMBER : AttributeType.STRING).build();
    }

    /** Exactly the listed actions, on the table and its indexes. */
    private static PolicyStatement tableAccess(Table table, List<String> actions) {
        return PolicyStatement.Builder.create().actions(actions)
                .resources(List.of(table.getTableArn(), table.getTableArn() + "/index/*")).build();
    }

    private void alarm(String id, Metric metric, double threshold) {
        Alarm.Builder.create(this, id).metric(metric).threshold(threshold).evaluationPeriods(1)
                .comparisonOperator(ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD)
                .treatMissingData(TreatMissingData.NOT_BREACHING).build();
    }
}
