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

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.convlist.store.Keys;
import io.convlist.store.TableDefinition;
import software.amazon.awscdk.App;
import software.amazon.awscdk.StackProps;
import software.amazon.awscdk.assertions.Match;
import software.amazon.awscdk.assertions.Template;

/** The synthesized template, asserted property by property (offline, with the machine's Node.js). */
class ConversationListStackTest {
    static Template template;

    @BeforeAll
    static void synth() {
        App app = new App();
        template = Template.fromStack(new ConversationListStack(app, "Test", StackProps.builder().build(),
                ConversationListStack.Artifacts.fromBuild()));
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> only(String type) {
        Map<String, Map<String, Object>> found = template.findResources(type);
        assertThat(found).hasSize(1);
        return (Map<String, Object>) found.values().iterator().next().get("Properties");
    }

    /** The environment variables of the one Lambda with this memory size (each Lambda's size differs). */
    @SuppressWarnings("unchecked")
    static Map<String, Object> environmentOfLambdaWithMemory(int memorySize) {
        Map<String, Map<String, Object>> found = template.findResources("AWS::Lambda::Function",
                Map.of("Properties", Map.of("MemorySize", memorySize)));
        assertThat(found).hasSize(1);
        Map<String, Object> properties = (Map<String, Object>) found.values().iterator().next().get("Properties");
        return (Map<String, Object>) ((Map<String, Object>) properties.get("Environment")).get("Variables");
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
        Map<String, Object> table = only("AWS::DynamoDB::Table");
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
        // Every route but the console's own endpoint (which signs operators in itself) needs a JWT.
        routes.values().stream().map(r -> (Map<String, Object>) r.get("Properties"))
                .filter(p -> !"$default".equals(p.get("RouteKey")))
                .forEach(p -> assertThat(p.get("AuthorizationType")).as(p.toString()).isEqualTo("JWT"));
        template.hasResourceProperties("AWS::ApiGatewayV2::Authorizer", Map.of("AuthorizerType", "JWT",
                "JwtConfiguration", Map.of("Issuer", Map.of("Ref", "JwtIssuer"), "Audience", List.of(Map.of("Ref", "JwtAudience")))));
        template.hasResourceProperties("AWS::ApiGatewayV2::Stage", Map.of("DefaultRouteSettings",
                Map.of("ThrottlingBurstLimit", 2000, "ThrottlingRateLimit", 1000)));
    }

    @Test
    void lambdas_runJava21_functionsWithSnapStart() {
        template.hasResourceProperties("AWS::Lambda::Function", Map.of("Runtime", "java21", "MemorySize", 1024,
                "SnapStart", Map.of("ApplyOn", "PublishedVersions")));
        template.resourcePropertiesCountIs("AWS::Lambda::Function", Map.of("Runtime", "java21"), 3);
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
            table.removeIf(x -> x.startsWith("dynamodb:") && (x.contains("Stream") || x.equals("dynamodb:GetRecords")
                    || x.equals("dynamodb:GetShardIterator")));
            tableActionSets.add(table);
        }
        assertThat(all).noneMatch(a -> a.contains("*")).doesNotContain("dynamodb:Scan");
        assertThat(tableActionSets).contains(new TreeSet<>(ConversationListStack.FUNCTIONS_ACTIONS),
                new TreeSet<>(ConversationListStack.TTL_CONSUMER_ACTIONS), new TreeSet<>(ConversationListStack.CONSOLE_ACTIONS));
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
        Map<String, Object> env = environmentOfLambdaWithMemory(1024);
        assertThat(env.keySet()).containsExactlyInAnyOrder("CONVLIST_TABLE", "CONVLIST_JWT_ISSUER", "CONVLIST_JWT_AUDIENCE",
                "CONVLIST_JWT_PUBLIC_KEY_LOCATION");
        env.keySet().forEach(name -> assertThat(properties).as(name + " is read by the functions").contains("${" + name + ":"));
    }

    @Test
    @SuppressWarnings("unchecked")
    void consoleEnvironment_isConfigurationTheConsoleReads_withSecretsFromNoEchoParameters() throws Exception {
        String properties = Files.readString(Path.of("..", "console", "app", "src", "main", "resources", "application.properties"));
        Map<String, Object> env = environmentOfLambdaWithMemory(768);
        env.keySet().forEach(name -> assertThat(properties).as(name + " is read by the console").contains("${" + name + ":"));
        template.hasParameter("ConsoleOidcClientSecret", Map.of("NoEcho", true));
        template.hasParameter("ConsoleSessionKey", Map.of("NoEcho", true));
    }

    @Test
    @SuppressWarnings("unchecked")
    void ttlConsumerEnvironment_isConfigurationItReads() throws Exception {
        String properties = Files.readString(Path.of("..", "functions", "ttl-consumer", "src", "main", "resources", "application.properties"));
        Map<String, Object> env = environmentOfLambdaWithMemory(512);
        assertThat(env.keySet()).containsExactly("CONVLIST_TABLE");
        assertThat(properties).contains("${CONVLIST_TABLE:");
    }

    @Test
    void alarms_coverFunctionErrorsThrottlingAnd5xx() {
        template.resourceCountIs("AWS::CloudWatch::Alarm", 5);
        template.hasResourceProperties("AWS::CloudWatch::Alarm", Map.of("MetricName", "ThrottledRequests"));
        template.hasResourceProperties("AWS::CloudWatch::Alarm", Map.of("MetricName", "5xx"));
    }
}
