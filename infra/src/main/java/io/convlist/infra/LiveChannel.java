package io.convlist.infra;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import io.convlist.view.LiveTopics;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.customresources.AwsCustomResource;
import software.amazon.awscdk.customresources.AwsCustomResourcePolicy;
import software.amazon.awscdk.customresources.AwsSdkCall;
import software.amazon.awscdk.customresources.PhysicalResourceId;
import software.amazon.awscdk.customresources.SdkCallsPolicyOptions;
import software.amazon.awscdk.services.dynamodb.ITable;
import software.amazon.awscdk.services.iam.PolicyStatement;
import software.amazon.awscdk.services.iam.ServicePrincipal;
import software.amazon.awscdk.services.iot.CfnAuthorizer;
import software.amazon.awscdk.services.lambda.Alias;
import software.amazon.awscdk.services.lambda.Function;
import software.amazon.awscdk.services.lambda.Permission;
import software.constructs.Construct;

/**
 * The live channel on AWS IoT Core (docs/live.md says why IoT Core): a custom authorizer whose Lambda
 * checks a device's user token as the functions do and grants it its own list's topic and its large
 * groups' topics until the token expires, and the account's IoT data endpoint, where the changes' consumer publishes and devices
 * connect (MQTT, or MQTT over WebSocket from browsers).
 */
public class LiveChannel extends Construct {
    /** The name devices give (x-amz-customauthorizer-name) when they connect. */
    static final String AUTHORIZER_NAME = "convlist-live";
    /** A user's devices connected at once: the authorizer's policy names this many client IDs. */
    static final int MAX_CONNECTIONS_PER_USER = 10;
    /** The stream Lambdas' package, run as the authorizer (LiveAuthorizerHandler). */
    static final String HANDLER = "liveAuthorizer";

    /** The token checks the functions make: issuer, audience, keys; the table holds each user's large groups. */
    public record Props(ITable table, Path zip, String jwtIssuer, String jwtAudience, String jwksUrl) {
    }

    /** The authorizer reads a user's large groups: one GetItem of the list's bookkeeping. */
    static final List<String> AUTHORIZER_ACTIONS = List.of("dynamodb:GetItem");

    private final Function authorizerFunction;
    private final Alias live;
    private final CfnAuthorizer authorizer;
    private final String endpointAddress;
    private final String arnPrefix;

    public LiveChannel(Construct scope, String id, Props props) {
        super(scope, id);
        Stack stack = Stack.of(this);
        arnPrefix = "arn:" + stack.getPartition() + ":iot:" + stack.getRegion() + ":" + stack.getAccount() + ":";
        // SnapStart, as for the functions: a device waits for this Lambda when it connects.
        authorizerFunction = QuarkusLambda.create(this, "AuthorizerFunction", new QuarkusLambda.Props(props.zip(), 512, Duration.seconds(5),
                true, Map.of(
                        "QUARKUS_LAMBDA_HANDLER", HANDLER,
                        "CONVLIST_TABLE", props.table().getTableName(),
                        "CONVLIST_JWT_ISSUER", props.jwtIssuer(),
                        "CONVLIST_JWT_AUDIENCE", props.jwtAudience(),
                        "CONVLIST_JWT_PUBLIC_KEY_LOCATION", props.jwksUrl(),
                        "CONVLIST_LIVE_IOT_ARN_PREFIX", arnPrefix,
                        "CONVLIST_LIVE_MAX_CONNECTIONS_PER_USER", Integer.toString(MAX_CONNECTIONS_PER_USER))));
        QuarkusLambda.allowTableActions(authorizerFunction, props.table(), AUTHORIZER_ACTIONS);
        live = Alias.Builder.create(this, "Live").aliasName("live").version(authorizerFunction.getCurrentVersion()).build();
        // The token comes as the MQTT password, or in the WebSocket URL's query: nothing for IoT to verify itself.
        authorizer = CfnAuthorizer.Builder.create(this, "Authorizer").authorizerName(AUTHORIZER_NAME)
                .authorizerFunctionArn(live.getFunctionArn()).signingDisabled(true).status("ACTIVE")
                .enableCachingForHttp(false).build();
        live.addPermission("InvokedByIot", Permission.builder().principal(new ServicePrincipal("iot.amazonaws.com"))
                .sourceArn(authorizer.getAttrArn()).build());

        AwsSdkCall describe = AwsSdkCall.builder().service("Iot").action("describeEndpoint")
                .parameters(Map.of("endpointType", "iot:Data-ATS"))
                .physicalResourceId(PhysicalResourceId.of("iot-data-ats-endpoint")).build();
        AwsCustomResource endpoint = AwsCustomResource.Builder.create(this, "DataEndpoint").onCreate(describe).onUpdate(describe)
                .policy(AwsCustomResourcePolicy.fromSdkCalls(SdkCallsPolicyOptions.builder()
                        .resources(AwsCustomResourcePolicy.ANY_RESOURCE).build()))
                .installLatestAwsSdk(false).build();
        endpointAddress = endpoint.getResponseField("endpointAddress");
    }

    /** The account's IoT data endpoint's host name (…-ats.iot.REGION.amazonaws.com). */
    public String endpointAddress() {
        return endpointAddress;
    }

    /** Lets a publisher publish to users' list topics, and nothing else. */
    public PolicyStatement publishToListTopics() {
        return PolicyStatement.Builder.create().actions(List.of("iot:Publish"))
                .resources(List.of(arnPrefix + "topic/" + LiveTopics.ROOT + "/*")).build();
    }

    public Function authorizerFunction() {
        return authorizerFunction;
    }

    /** The authorizer's published version IoT invokes. */
    public Alias authorizerAlias() {
        return live;
    }

    public CfnAuthorizer authorizer() {
        return authorizer;
    }
}
