package io.convlist.infra;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import io.convlist.store.table.Keys;
import io.convlist.store.table.TableDefinition;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awscdk.App;
import software.amazon.awscdk.CfnElement;
import software.amazon.awscdk.StackProps;
import software.amazon.awscdk.assertions.Match;
import software.amazon.awscdk.assertions.Template;
import software.amazon.awscdk.services.lambda.Function;
import software.constructs.IConstruct;

/** The synthesized template, asserted property by property (offline, with the machine's Node.js). */
class ConversationListStackTest {
    static ConversationListStack stack;
    static Template template;

    @BeforeAll
    static void synth() {
        App app = new App();
        stack = new ConversationListStack(app, "Test", StackProps.builder().build(), ConversationListStack.Artifacts.fromBuild());
        template = Template.fromStack(stack);
    }

    /** The logical ID of a construct's CloudFormation resource, as the template names it. */
    static String logicalId(IConstruct construct) {
        // The element's own logical ID token honours overrideLogicalId, unlike Stack.getLogicalId.
        CfnElement element = construct instanceof CfnElement e ? e : (CfnElement) construct.getNode().getDefaultChild();
        return stack.resolve(element.getLogicalId()).toString();
    }

    /** The resource of this logical ID, which must be of this type. */
    @SuppressWarnings("unchecked")
    static Map<String, Object> resource(String logicalId, String type) {
        Map<String, Object> resources = (Map<String, Object>) template.toJSON().get("Resources");
        Map<String, Object> resource = (Map<String, Object>) resources.get(logicalId);
        assertThat(resource).as(logicalId).isNotNull();
        assertThat(resource.get("Type")).isEqualTo(type);
        return resource;
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> properties(IConstruct construct, String type) {
        return (Map<String, Object>) resource(logicalId(construct), type).get("Properties");
    }

    /** The environment variables of one of the stack's Lambdas. */
    @SuppressWarnings("unchecked")
    static Map<String, Object> environmentOf(Function function) {
        Map<String, Object> properties = properties(function, "AWS::Lambda::Function");
        return (Map<String, Object>) ((Map<String, Object>) properties.get("Environment")).get("Variables");
    }

    @Test
    void statefulAndAddressedResources_keepTheirLogicalIds_soAnUpdateNeverReplacesThem() {
        assertThat(logicalId(stack.table().table())).isEqualTo("TableCD117FA1");
        assertThat(logicalId(stack.functions().api())).isEqualTo("ApiF70053CD");
        assertThat(logicalId(stack.console().api())).isEqualTo("ConsoleApi6AEC8E69");
        // The first release's IDs of what an update must not replace (see StableLogicalIds).
        Map<String, String> kept = Map.of("TableCD117FA1", "AWS::DynamoDB::Table",
                "ApiF70053CD", "AWS::ApiGatewayV2::Api", "ApiDefaultStage189A7074", "AWS::ApiGatewayV2::Stage",
                "ApiPOSTfunction84E1C694", "AWS::ApiGatewayV2::Route", "ApiJwt046D4791", "AWS::ApiGatewayV2::Authorizer",
                "ApiPOSTfunctionFunctionsIntegration77A578AC", "AWS::ApiGatewayV2::Integration",
                "ConsoleApi6AEC8E69", "AWS::ApiGatewayV2::Api", "ConsoleApiDefaultStage54E2497D", "AWS::ApiGatewayV2::Stage",
                "ConsoleApiDefaultRouteB31E004A", "AWS::ApiGatewayV2::Route",
                "ConsoleApiDefaultRouteConsoleIntegrationDC5B6790", "AWS::ApiGatewayV2::Integration");
        kept.forEach(ConversationListStackTest::resource);
    }

    @Test
    void table_hasTtlPitrEncryptionStreamOnDemand_andIsRetained() {
        template.hasResourceProperties("AWS::DynamoDB::Table", Map.of(
                "BillingMode", "PAY_PER_REQUEST",
                "TimeToLiveSpecification", Map.of("AttributeName", Keys.EXPIRES_AT, "Enabled", true),
                "PointInTimeRecoverySpecification", Map.of("PointInTimeRecoveryEnabled", true),
                "DeletionProtectionEnabled", true,
                "SSESpecification", Map.of("SSEEnabled", true),
                "StreamSpecification", Map.of("StreamViewType", "NEW_AND_OLD_IMAGES")));
        template.hasResource("AWS::DynamoDB::Table", Map.of("DeletionPolicy", "Retain", "UpdateReplacePolicy", "Retain"));
    }

    @Test
    @SuppressWarnings("unchecked")
    void table_keysAndIndexes_areExactlyTheCodesDefinition() {
        Map<String, Object> table = properties(stack.table().table(), "AWS::DynamoDB::Table");
        List<Map<String, Object>> keys = new ArrayList<>();
        TableDefinition.keySchema().forEach(k -> keys.add(Map.of("AttributeName", k.attributeName(), "KeyType", k.keyTypeAsString())));
        assertThat(table.get("KeySchema")).isEqualTo(keys);

        Set<Map<String, Object>> attributes = new HashSet<>();
        TableDefinition.attributes().forEach(a -> attributes.add(Map.of("AttributeName", a.attributeName(),
                "AttributeType", a.attributeTypeAsString())));
        assertThat(new HashSet<>((List<Map<String, Object>>) table.get("AttributeDefinitions"))).isEqualTo(attributes);

        List<Map<String, Object>> indexes = new ArrayList<>();
        TableDefinition.localIndexes().forEach(lsi -> {
            List<Map<String, Object>> schema = new ArrayList<>();
            lsi.keySchema().forEach(k -> schema.add(Map.of("AttributeName", k.attributeName(), "KeyType", k.keyTypeAsString())));
            Map<String, Object> projection = lsi.projection().hasNonKeyAttributes()
                    ? Map.of("ProjectionType", lsi.projection().projectionTypeAsString(), "NonKeyAttributes", lsi.projection().nonKeyAttributes())
                    : Map.of("ProjectionType", lsi.projection().projectionTypeAsString());
            indexes.add(Map.of("IndexName", lsi.indexName(), "KeySchema", schema, "Projection", projection));
        });
        assertThat((List<Object>) table.get("LocalSecondaryIndexes")).containsExactlyInAnyOrderElementsOf(indexes);
    }

    @Test
    @SuppressWarnings("unchecked")
    void everyFunctionsRoute_isGuardedByTheJwtAuthorizer_andThrottled() {
        Map<String, Map<String, Object>> routes = template.findResources("AWS::ApiGatewayV2::Route");
        List<Map<String, Object>> functionRoutes = routes.values().stream().map(r -> (Map<String, Object>) r.get("Properties"))
                .filter(p -> "POST /{function}".equals(p.get("RouteKey"))).toList();
        assertThat(functionRoutes).hasSize(1);
        // Every route but the console's own endpoint (which signs operators in itself) and the API
        // description needs a JWT.
        routes.values().stream().map(r -> (Map<String, Object>) r.get("Properties"))
                .filter(p -> !"$default".equals(p.get("RouteKey")) && !"GET /q/openapi".equals(p.get("RouteKey")))
                .forEach(p -> assertThat(p.get("AuthorizationType")).as(p.toString()).isEqualTo("JWT"));
        template.hasResourceProperties("AWS::ApiGatewayV2::Route", Map.of("RouteKey", "GET /q/openapi", "AuthorizationType", "NONE"));
        template.hasResourceProperties("AWS::ApiGatewayV2::Authorizer", Map.of("AuthorizerType", "JWT",
                "JwtConfiguration", Map.of("Issuer", Map.of("Ref", "JwtIssuer"), "Audience", List.of(Map.of("Ref", "JwtAudience")))));
        template.hasResourceProperties("AWS::ApiGatewayV2::Stage", Map.of("DefaultRouteSettings",
                Map.of("ThrottlingBurstLimit", 2000, "ThrottlingRateLimit", 1000)));
    }

    @Test
    void lambdas_runJava21_requestServingOnesWithSnapStart() {
        template.resourcePropertiesCountIs("AWS::Lambda::Function", Map.of("Runtime", "java21"), 6);
        for (Function serving : List.of(stack.functions().function(), stack.console().function(), stack.live().authorizerFunction())) {
            assertThat(properties(serving, "AWS::Lambda::Function").get("SnapStart"))
                    .isEqualTo(Map.of("ApplyOn", "PublishedVersions"));
        }
        assertThat(properties(stack.functions().function(), "AWS::Lambda::Function").get("MemorySize")).isEqualTo(1024);
        assertThat(properties(stack.ttlConsumer().function(), "AWS::Lambda::Function")).doesNotContainKey("SnapStart");
        assertThat(properties(stack.listChanges().function(), "AWS::Lambda::Function")).doesNotContainKey("SnapStart");
    }

    @Test
    @SuppressWarnings("unchecked")
    void eachRole_holdsExactlyTheActionsItsCodeUses_noWildcardsNoScan() {
        Map<String, Map<String, Object>> policies = template.findResources("AWS::IAM::Policy");
        List<Set<String>> tableActionSets = new ArrayList<>();
        Set<String> all = new TreeSet<>();
        for (Map<String, Object> policy : policies.values()) {
            Map<String, Object> doc = (Map<String, Object>) ((Map<String, Object>) policy.get("Properties")).get("PolicyDocument");
            Set<String> actions = new TreeSet<>();
            for (Map<String, Object> statement : (List<Map<String, Object>>) doc.get("Statement")) {
                Object a = statement.get("Action");
                if (a instanceof String s) {
                    actions.add(s);
                } else {
                    actions.addAll((List<String>) a);
                }
            }
            all.addAll(actions);
            Set<String> table = new TreeSet<>(actions);
            // Reading the stream and sending to a failure queue are the event sources' own, not the code's;
            // IoT's actions (publishing, finding the endpoint) are asserted with the live channel.
            table.removeIf(x -> x.startsWith("sqs:") || x.startsWith("iot:") || x.startsWith("dynamodb:") && (x.contains("Stream")
                    || x.equals("dynamodb:GetRecords") || x.equals("dynamodb:GetShardIterator")));
            tableActionSets.add(table);
        }
        assertThat(all).noneMatch(a -> a.contains("*")).doesNotContain("dynamodb:Scan");
        assertThat(tableActionSets).contains(new TreeSet<>(FunctionsApi.ACTIONS), new TreeSet<>(TtlConsumer.ACTIONS),
                new TreeSet<>(OperatorConsole.ACTIONS), new TreeSet<>(ListChangesConsumer.ACTIONS), new TreeSet<>(LivePresence.ACTIONS),
                new TreeSet<>(LiveChannel.AUTHORIZER_ACTIONS));
    }

    @Test
    void listChanges_retriesAFailedBatchWhole_andSeesOnlyTheChangesThatCountOrReachDevices() {
        template.hasResourceProperties("AWS::Lambda::EventSourceMapping", Map.of("BisectBatchOnFunctionError", false,
                "MaximumRetryAttempts", 10, "DestinationConfig", Map.of("OnFailure", Map.of("Destination",
                        Map.of("Fn::GetAtt", List.of(logicalId(stack.listChanges().failures()), "Arn")))),
                "FilterCriteria", Map.of("Filters", List.of(
                        countedChanges(List.of("INSERT", "MODIFY", "REMOVE"), Map.of("prefix", "c#")), // conversations, and users' activity
                        countedChanges(List.of("INSERT", "MODIFY"), Map.of("prefix", "x#")), // removal records
                        countedChanges(List.of("INSERT", "MODIFY", "REMOVE"), "meta"), // lists' bookkeeping
                        countedChanges(List.of("INSERT", "MODIFY"), "groups"), // conversation groups
                        Map.of("Pattern", Match.serializedJson(Map.of("eventName", List.of("INSERT", "MODIFY", "REMOVE"), // devices, groups' records
                                "dynamodb", Map.of("Keys", Map.of("pk", Map.of("S", List.of(Map.of("prefix", "d#"), Map.of("prefix", "g#"))),
                                        "sk", Map.of("S", List.of(Map.of("prefix", "device#"), "state")))))))))));
        assertThat(environmentOf(stack.listChanges().function())).containsEntry("QUARKUS_LAMBDA_HANDLER", "listChanges")
                .containsEntry("CONVLIST_METRICS_EMF_NAMESPACE", "ConvList").containsKey("CONVLIST_LIVE_IOT_ENDPOINT");
        // Its construct ID from when it only counted: an update keeps its place in the stream.
        assertThat(stack.listChanges().getNode().getId()).isEqualTo("UsageCounter");
    }

    /**
     * The live channel: IoT Core's custom authorizer runs the package's liveAuthorizer with the
     * functions' token settings, may be invoked by IoT for this authorizer only, and the changes'
     * consumer may publish to the list topics and nothing else.
     */
    @Test
    @SuppressWarnings("unchecked")
    void liveChannel_authorizesWithTheFunctionsTokenChecks_andOnlyTheConsumerPublishes_toListTopics() throws Exception {
        Map<String, Object> authorizer = properties(stack.live().authorizer(), "AWS::IoT::Authorizer");
        assertThat(authorizer).containsEntry("AuthorizerName", "convlist-live").containsEntry("SigningDisabled", true)
                .containsEntry("Status", "ACTIVE");
        // IoT invokes the published version behind the "live" alias (SnapStart), not $LATEST.
        assertThat(authorizer.get("AuthorizerFunctionArn")).isEqualTo(Map.of("Ref", logicalId(stack.live().authorizerAlias())));
        Map<String, Object> env = environmentOf(stack.live().authorizerFunction());
        assertThat(env).containsEntry("QUARKUS_LAMBDA_HANDLER", "liveAuthorizer")
                .containsEntry("CONVLIST_LIVE_MAX_CONNECTIONS_PER_USER", "10")
                .containsEntry("CONVLIST_JWT_ISSUER", environmentOf(stack.functions().function()).get("CONVLIST_JWT_ISSUER"))
                .containsEntry("CONVLIST_JWT_PUBLIC_KEY_LOCATION", environmentOf(stack.functions().function()).get("CONVLIST_JWT_PUBLIC_KEY_LOCATION"))
                .containsEntry("CONVLIST_JWT_AUDIENCE", environmentOf(stack.functions().function()).get("CONVLIST_JWT_AUDIENCE"));
        String properties = Files.readString(Path.of("..", "functions", "ttl-consumer", "src", "main", "resources", "application.properties"));
        env.keySet().stream().filter(k -> !k.equals("QUARKUS_LAMBDA_HANDLER"))
                .forEach(name -> assertThat(properties).as(name + " is read by the authorizer").contains("${" + name + ":"));
        // The token, and the user's large groups: one GetItem, nothing else of the table.
        Map<String, Object> role = Map.of("Ref", logicalId(stack.live().authorizerFunction().getRole()));
        String policies = template.findResources("AWS::IAM::Policy").values().stream()
                .filter(p -> ((List<Object>) ((Map<String, Object>) p.get("Properties")).get("Roles")).contains(role))
                .map(Object::toString).reduce("", String::concat);
        assertThat(policies).contains("dynamodb:GetItem").doesNotContain("dynamodb:Query").doesNotContain("dynamodb:PutItem");

        template.hasResourceProperties("AWS::Lambda::Permission", Map.of("Action", "lambda:InvokeFunction",
                "Principal", "iot.amazonaws.com", "SourceArn", Map.of("Fn::GetAtt", List.of(logicalId(stack.live().authorizer()), "Arn"))));

        List<String> publishers = new ArrayList<>();
        template.findResources("AWS::IAM::Policy").forEach((id, policy) -> {
            Map<String, Object> doc = (Map<String, Object>) ((Map<String, Object>) policy.get("Properties")).get("PolicyDocument");
            for (Map<String, Object> statement : (List<Map<String, Object>>) doc.get("Statement")) {
                if ("iot:Publish".equals(statement.get("Action"))) {
                    publishers.add(id);
                    assertThat(stack.resolve(statement.get("Resource")).toString()).contains(":topic/convlist/*");
                }
            }
        });
        assertThat(publishers).hasSize(1).allMatch(id -> id.startsWith("UsageCounter"));
        template.hasOutput("LiveEndpoint", Match.objectLike(Map.of()));
    }

    /**
     * Devices connected: IoT's lifecycle events reach the package's livePresence through a topic rule
     * that may invoke it alone, which may only Put items; the changes' consumer sees those items to count them.
     */
    @Test
    @SuppressWarnings("unchecked")
    void livePresence_recordsIotLifecycleEvents_withPutItemOnly() throws Exception {
        Map<String, Object> rule = properties(stack.livePresence().rule(), "AWS::IoT::TopicRule");
        Map<String, Object> payload = (Map<String, Object>) rule.get("TopicRulePayload");
        assertThat(payload.get("Sql").toString()).contains("FROM '$aws/events/presence/#'").contains("versionNumber");
        assertThat(stack.resolve(payload.get("Actions")).toString()).contains(logicalId(stack.livePresence().function()));
        assertThat(environmentOf(stack.livePresence().function())).containsEntry("QUARKUS_LAMBDA_HANDLER", "livePresence")
                .containsKey("CONVLIST_TABLE");
        template.hasResourceProperties("AWS::Lambda::Permission", Map.of("Action", "lambda:InvokeFunction",
                "Principal", "iot.amazonaws.com", "SourceArn", Map.of("Fn::GetAtt", List.of(logicalId(stack.livePresence().rule()), "Arn"))));
        Map<String, Object> role = Map.of("Ref", logicalId(stack.livePresence().function().getRole()));
        String policies = template.findResources("AWS::IAM::Policy").values().stream()
                .filter(p -> ((List<Object>) ((Map<String, Object>) p.get("Properties")).get("Roles")).contains(role))
                .map(Object::toString).reduce("", String::concat);
        assertThat(policies).contains("dynamodb:PutItem").doesNotContain("dynamodb:UpdateItem").doesNotContain("dynamodb:Query");
    }

    /** A filter pattern: these events of users' items (partition key u#…) whose sort key matches. */
    static Map<String, Object> countedChanges(List<String> events, Object sortKey) {
        return Map.of("Pattern", Match.serializedJson(Map.of("eventName", events, "dynamodb", Map.of("Keys",
                Map.of("pk", Map.of("S", List.of(Map.of("prefix", "u#"))), "sk", Map.of("S", List.of(sortKey)))))));
    }

    @Test
    void ttlConsumer_bisectsAFailingBatch_retriesBoundedly_thenDescribesItInAnAlarmedQueue() {
        template.hasResourceProperties("AWS::Lambda::EventSourceMapping", Map.of("BisectBatchOnFunctionError", true,
                "MaximumRetryAttempts", 5, "DestinationConfig", Map.of("OnFailure", Map.of("Destination",
                        Map.of("Fn::GetAtt", List.of(logicalId(stack.ttlConsumer().failures()), "Arn"))))));
        template.hasResourceProperties("AWS::SQS::Queue", Map.of("MessageRetentionPeriod", 14 * 24 * 3600, "SqsManagedSseEnabled", true));
        template.hasResourceProperties("AWS::CloudWatch::Alarm", Map.of("MetricName", "ApproximateNumberOfMessagesVisible",
                "Namespace", "AWS/SQS", "Threshold", 1));
    }

    @Test
    void ttlConsumer_readsTheStream_filteredToTtlRemovals() {
        template.hasResourceProperties("AWS::Lambda::EventSourceMapping", Map.of("StartingPosition", "TRIM_HORIZON",
                "FilterCriteria", Map.of("Filters", List.of(Map.of("Pattern", Match.serializedJson(Map.of(
                        "eventName", List.of("REMOVE"),
                        "userIdentity", Map.of("type", List.of("Service"), "principalId", List.of("dynamodb.amazonaws.com")))))))));
    }

    @Test
    @SuppressWarnings("unchecked")
    void functionsEnvironment_isExactlyTheConfigurationTheApplicationReads() throws Exception {
        String properties = Files.readString(Path.of("..", "functions", "app", "src", "main", "resources", "application.properties"));
        Map<String, Object> env = environmentOf(stack.functions().function());
        assertThat(env.keySet()).containsExactlyInAnyOrder("CONVLIST_TABLE", "CONVLIST_JWT_ISSUER", "CONVLIST_JWT_AUDIENCE",
                "CONVLIST_JWT_PUBLIC_KEY_LOCATION", "CONVLIST_SYNC_CURSOR_KEY", "CONVLIST_METRICS_EMF_NAMESPACE");
        assertThat(env).containsEntry("CONVLIST_METRICS_EMF_NAMESPACE", "ConvList");
        template.hasParameter("SyncCursorKey", Map.of("NoEcho", true, "MinLength", 32));
        env.keySet().forEach(name -> assertThat(properties).as(name + " is read by the functions").contains("${" + name + ":"));
    }

    @Test
    @SuppressWarnings("unchecked")
    void consoleEnvironment_isConfigurationTheConsoleReads_withSecretsFromNoEchoParameters() throws Exception {
        String properties = Files.readString(Path.of("..", "console", "app", "src", "main", "resources", "application.properties"));
        Map<String, Object> env = environmentOf(stack.console().function());
        env.keySet().forEach(name -> assertThat(properties).as(name + " is read by the console").contains("${" + name + ":"));
        assertThat(env).as("cookies behind API Gateway's HTTPS").containsEntry("CONSOLE_COOKIES_SECURE", "true");
        template.hasParameter("ConsoleOidcClientSecret", Map.of("NoEcho", true));
        template.hasParameter("ConsoleSessionKey", Map.of("NoEcho", true));
    }

    @Test
    @SuppressWarnings("unchecked")
    void ttlConsumerEnvironment_isConfigurationItReads() throws Exception {
        String properties = Files.readString(Path.of("..", "functions", "ttl-consumer", "src", "main", "resources", "application.properties"));
        Map<String, Object> env = environmentOf(stack.ttlConsumer().function());
        assertThat(env.keySet()).containsExactly("CONVLIST_TABLE");
        assertThat(properties).contains("${CONVLIST_TABLE:");
    }

    @Test
    void alarms_coverFunctionErrorsThrottling5xxAndStreamRecordsGivenUp() {
        template.resourceCountIs("AWS::CloudWatch::Alarm", 12);
        template.hasResourceProperties("AWS::CloudWatch::Alarm", Map.of("Namespace", "ConvList", "MetricName", "liveEventsFailed",
                "Statistic", "Sum", "Threshold", 100, "Dimensions", List.of(Map.of("Name", "Service", "Value", "usage"))));
        template.hasResourceProperties("AWS::CloudWatch::Alarm", Map.of("Namespace", "ConvList", "MetricName", "calls", "Statistic", "Sum",
                "Dimensions", List.of(Map.of("Name", "code", "Value", "INTERNAL"))));
        template.hasResourceProperties("AWS::CloudWatch::Alarm", Map.of("MetricName", "5xx"));
        // The functions, the console, the stream's two readers, the live channel's authorizer and presence handler.
        template.resourcePropertiesCountIs("AWS::CloudWatch::Alarm", Map.of("MetricName", "Errors"), 6);
    }

    /**
     * DynamoDB emits ThrottledRequests only with the dimensions TableName and Operation: an alarm on
     * TableName alone watches a metric that never exists. The alarm sums one metric per operation the
     * service sends, each with both dimensions.
     */
    @Test
    @SuppressWarnings("unchecked")
    void throttlingAlarm_watchesThrottledRequestsWithTheDimensionsDynamoDbEmits() {
        Map<String, Object> alarm = properties(stack.alarms().tableThrottled(), "AWS::CloudWatch::Alarm");
        List<Map<String, Object>> queries = (List<Map<String, Object>>) alarm.get("Metrics");
        Set<String> operations = new TreeSet<>();
        for (Map<String, Object> query : queries) {
            Map<String, Object> stat = (Map<String, Object>) query.get("MetricStat");
            if (stat == null) {
                assertThat(query.get("Expression")).as("the sum over operations").isNotNull();
                continue;
            }
            Map<String, Object> metric = (Map<String, Object>) stat.get("Metric");
            assertThat(metric.get("Namespace")).isEqualTo("AWS/DynamoDB");
            assertThat(metric.get("MetricName")).isEqualTo("ThrottledRequests");
            Map<String, Object> dimensions = new java.util.HashMap<>();
            ((List<Map<String, Object>>) metric.get("Dimensions")).forEach(d -> dimensions.put((String) d.get("Name"), d.get("Value")));
            assertThat(dimensions).containsOnlyKeys("TableName", "Operation");
            assertThat(dimensions.get("TableName")).isEqualTo(Map.of("Ref", "TableCD117FA1"));
            operations.add((String) dimensions.get("Operation"));
        }
        assertThat(operations).containsExactlyInAnyOrder("GetItem", "BatchGetItem", "Query", "PutItem", "UpdateItem",
                "DeleteItem", "TransactWriteItems");
    }
}
