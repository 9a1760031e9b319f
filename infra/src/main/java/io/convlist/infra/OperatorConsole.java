package io.convlist.infra;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import software.amazon.awscdk.Duration;
import software.amazon.awscdk.aws_apigatewayv2_integrations.HttpLambdaIntegration;
import software.amazon.awscdk.services.apigatewayv2.HttpApi;
import software.amazon.awscdk.services.dynamodb.ITable;
import software.amazon.awscdk.services.lambda.Alias;
import software.amazon.awscdk.services.lambda.Function;
import software.constructs.Construct;

/**
 * The operator console: its own Lambda, role and HTTP endpoint; operators sign in through the
 * organisation's OIDC provider (the console checks the session itself, so the API has no authorizer).
 */
public class OperatorConsole extends Construct {
    /** Settings and audit (Put in a transaction), list reads, and the console's session and sign-in items. */
    static final List<String> ACTIONS = List.of("dynamodb:GetItem", "dynamodb:BatchGetItem", "dynamodb:Query",
            "dynamodb:PutItem", "dynamodb:UpdateItem", "dynamodb:DeleteItem");
    /** The console API's logical ID in every release so far: operators have its URL. */
    static final String API_LOGICAL_ID = "ConsoleApi6AEC8E69";

    /** @param sessionKey encrypts the session cookies; the secret and the key come from NoEcho parameters */
    public record Props(ITable table, Path zip, String oidcIssuer, String oidcClientId, String oidcClientSecret,
            String sessionKey) {
    }

    private final Function function;
    private final HttpApi api;

    public OperatorConsole(Construct scope, String id, Props props) {
        super(scope, id);
        function = QuarkusLambda.create(this, "Function", new QuarkusLambda.Props(props.zip(), 768, Duration.seconds(15),
                true, Map.of(
                        "CONVLIST_TABLE", props.table().getTableName(),
                        "CONSOLE_AUTH_MECHANISM", "code",
                        // API Gateway serves HTTPS only and terminates it: every cookie is Secure.
                        "CONSOLE_COOKIES_SECURE", "true",
                        "CONSOLE_OIDC_ENABLED", "true",
                        "CONSOLE_OIDC_ISSUER", props.oidcIssuer(),
                        "CONSOLE_OIDC_CLIENT_ID", props.oidcClientId(),
                        "CONSOLE_OIDC_CLIENT_SECRET", props.oidcClientSecret(),
                        "CONSOLE_SESSION_KEY", props.sessionKey())));
        QuarkusLambda.allowTableActions(function, props.table(), ACTIONS);
        Alias live = Alias.Builder.create(this, "Live").aliasName("live").version(function.getCurrentVersion()).build();
        api = HttpApi.Builder.create(this, "Api")
                .defaultIntegration(new HttpLambdaIntegration("Integration", live)).build();
        StableLogicalIds.keep(api, API_LOGICAL_ID);
        StableLogicalIds.keepByType(api, Map.of(
                "AWS::ApiGatewayV2::Stage", "ConsoleApiDefaultStage54E2497D",
                "AWS::ApiGatewayV2::Route", "ConsoleApiDefaultRouteB31E004A",
                "AWS::ApiGatewayV2::Integration", "ConsoleApiDefaultRouteConsoleIntegrationDC5B6790"));
    }

    public Function function() {
        return function;
    }

    public HttpApi api() {
        return api;
    }
}
