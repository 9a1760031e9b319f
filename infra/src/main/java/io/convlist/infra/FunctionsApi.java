package io.convlist.infra;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import software.amazon.awscdk.Duration;
import software.amazon.awscdk.aws_apigatewayv2_authorizers.HttpJwtAuthorizer;
import software.amazon.awscdk.aws_apigatewayv2_integrations.HttpLambdaIntegration;
import software.amazon.awscdk.services.apigatewayv2.AddRoutesOptions;
import software.amazon.awscdk.services.apigatewayv2.CfnStage;
import software.amazon.awscdk.services.apigatewayv2.HttpApi;
import software.amazon.awscdk.services.apigatewayv2.HttpMethod;
import software.amazon.awscdk.services.apigatewayv2.HttpRoute;
import software.amazon.awscdk.services.dynamodb.ITable;
import software.amazon.awscdk.services.lambda.Alias;
import software.amazon.awscdk.services.lambda.Function;
import software.constructs.Construct;

/**
 * The functions: one Lambda (SnapStart on its "live" alias) behind an HTTP API whose one route,
 * {@code POST /{function}}, needs a JWT from the IM backend's issuer and is throttled.
 */
public class FunctionsApi extends Construct {
    /**
     * The DynamoDB actions the functions' code uses: no Scan, no table management. Transactions
     * authorize as the Put/Update/Delete/ConditionCheck they contain.
     */
    static final List<String> ACTIONS = List.of("dynamodb:GetItem", "dynamodb:BatchGetItem", "dynamodb:Query",
            "dynamodb:PutItem", "dynamodb:UpdateItem", "dynamodb:DeleteItem", "dynamodb:ConditionCheckItem");
    /** The API's logical ID in every release so far: its URL is what callers are configured with. */
    static final String API_LOGICAL_ID = "ApiF70053CD";
    /** Where the functions' own metrics go (Embedded Metric Format lines in their logs). */
    static final String METRICS_NAMESPACE = "ConvList";
    static final int RATE_LIMIT_PER_SECOND = 1000;
    static final int BURST_LIMIT = 2000;

    /**
     * @param jwtIssuer   issuer (iss) of the tokens; its /.well-known/openid-configuration is used by the authorizer
     * @param jwtAudience audience (aud) the tokens carry
     * @param jwksUrl     the issuer's public keys, for the functions' own verification
     * @param syncCursorKey signs device sync cursors (a NoEcho parameter)
     */
    public record Props(ITable table, Path zip, String jwtIssuer, String jwtAudience, String jwksUrl, String syncCursorKey) {
    }

    private final Function function;
    private final HttpApi api;

    public FunctionsApi(Construct scope, String id, Props props) {
        super(scope, id);
        // 1 GB gives Java a full vCPU-share for JSON and TLS; a call is a few DynamoDB requests
        // (a 1000-recipient fan-out the longest), well inside 15 s.
        function = QuarkusLambda.create(this, "Function", new QuarkusLambda.Props(props.zip(), 1024, Duration.seconds(15),
                true, Map.of(
                        "CONVLIST_TABLE", props.table().getTableName(),
                        "CONVLIST_JWT_ISSUER", props.jwtIssuer(),
                        "CONVLIST_JWT_AUDIENCE", props.jwtAudience(),
                        "CONVLIST_JWT_PUBLIC_KEY_LOCATION", props.jwksUrl(),
                        "CONVLIST_SYNC_CURSOR_KEY", props.syncCursorKey(),
                        "CONVLIST_METRICS_EMF_NAMESPACE", METRICS_NAMESPACE)));
        QuarkusLambda.allowTableActions(function, props.table(), ACTIONS);
        Alias live = Alias.Builder.create(this, "Live").aliasName("live").version(function.getCurrentVersion()).build();

        HttpJwtAuthorizer authorizer = HttpJwtAuthorizer.Builder.create("Jwt", props.jwtIssuer())
                .jwtAudience(List.of(props.jwtAudience())).build();
        api = HttpApi.Builder.create(this, "Api").build();
        HttpLambdaIntegration integration = new HttpLambdaIntegration("Integration", live);
        List<HttpRoute> functions = api.addRoutes(AddRoutesOptions.builder().path("/{function}").methods(List.of(HttpMethod.POST))
                .integration(integration).authorizer(authorizer).build());
        // The API description (OpenAPI) is public, as API references are: it holds no data.
        api.addRoutes(AddRoutesOptions.builder().path("/q/openapi").methods(List.of(HttpMethod.GET)).integration(integration).build());
        CfnStage stage = (CfnStage) api.getDefaultStage().getNode().getDefaultChild();
        stage.setDefaultRouteSettings(CfnStage.RouteSettingsProperty.builder()
                .throttlingBurstLimit(BURST_LIMIT).throttlingRateLimit(RATE_LIMIT_PER_SECOND).build());
        StableLogicalIds.keep(api, API_LOGICAL_ID);
        StableLogicalIds.keep(functions.get(0), "ApiPOSTfunction84E1C694");
        StableLogicalIds.keepByType(api, Map.of(
                "AWS::ApiGatewayV2::Stage", "ApiDefaultStage189A7074",
                "AWS::ApiGatewayV2::Integration", "ApiPOSTfunctionFunctionsIntegration77A578AC",
                "AWS::ApiGatewayV2::Authorizer", "ApiJwt046D4791"));
    }

    public Function function() {
        return function;
    }

    public HttpApi api() {
        return api;
    }
}
