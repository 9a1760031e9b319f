package io.convlist.infra;

import java.nio.file.Path;

import software.amazon.awscdk.CfnOutput;
import software.amazon.awscdk.CfnParameter;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.StackProps;
import software.constructs.Construct;

/**
 * Everything the service needs in one stack: the table, the functions behind a JWT-guarded HTTP API,
 * the table stream's two readers (TTL deletions; list changes, which publish live events and count
 * usage), the live channel on IoT Core, the operator console behind its own endpoint, and alarms. Each is a construct of its own; this wires them and takes the deployment's parameters.
 */
public class ConversationListStack extends Stack {

    /** Where Maven puts the Lambda packages, relative to infra/. */
    public record Artifacts(Path functionsZip, Path ttlConsumerZip, Path consoleZip) {
        public static Artifacts fromBuild() {
            return new Artifacts(Path.of("..", "functions", "lambda", "target", "function.zip"),
                    Path.of("..", "functions", "ttl-consumer", "target", "function.zip"),
                    Path.of("..", "console", "lambda", "target", "function.zip"));
        }
    }

    private final ConversationTable table;
    private final FunctionsApi functions;
    private final TtlConsumer ttlConsumer;
    private final LiveChannel live;
    private final LivePresence livePresence;
    private final ListChangesConsumer listChanges;
    private final OperatorConsole console;
    private final Alarms alarms;

    public ConversationListStack(Construct scope, String id, StackProps props, Artifacts artifacts) {
        super(scope, id, props);
        table = new ConversationTable(this, "Storage");
        String jwtIssuer = parameter("JwtIssuer", "Issuer (iss) of the tokens the IM backend signs; its /.well-known/openid-configuration is used");
        String jwtAudience = parameter("JwtAudience", "Audience (aud) the tokens carry");
        String jwksUrl = parameter("JwtJwksUrl", "URL of the issuer's public keys (JWKS), for the functions' own verification");
        functions = new FunctionsApi(this, "Functions", new FunctionsApi.Props(table.table(), artifacts.functionsZip(),
                jwtIssuer, jwtAudience, jwksUrl,
                secret("SyncCursorKey", "Signs device sync cursors (at least 32 characters; keep it across deployments)", 32)));
        ttlConsumer = new TtlConsumer(this, "TtlConsumer", new TtlConsumer.Props(table.table(), artifacts.ttlConsumerZip()));
        live = new LiveChannel(this, "Live", new LiveChannel.Props(table.table(), artifacts.ttlConsumerZip(), jwtIssuer, jwtAudience, jwksUrl));
        livePresence = new LivePresence(this, "LivePresence", new LivePresence.Props(table.table(), artifacts.ttlConsumerZip()));
        listChanges = new ListChangesConsumer(this, "UsageCounter", new ListChangesConsumer.Props(table.table(),
                artifacts.ttlConsumerZip(), live));
        console = new OperatorConsole(this, "Console", new OperatorConsole.Props(table.table(), artifacts.consoleZip(),
                parameter("ConsoleOidcIssuer", "OIDC issuer URL for operators' sign-in to the console"),
                parameter("ConsoleOidcClientId", "OIDC client ID of the console"),
                secret("ConsoleOidcClientSecret", "OIDC client secret of the console", 1),
                secret("ConsoleSessionKey", "Encrypts the console's session cookies (at least 32 characters)", 32)));
        alarms = new Alarms(this, "Alarms", new Alarms.Props(table.table(), functions.function(), console.function(),
                ttlConsumer.function(), ttlConsumer.failures(), listChanges.function(), listChanges.failures(), live.authorizerFunction(), livePresence.function(),
                functions.api()));

        CfnOutput.Builder.create(this, "ApiUrl").value(functions.api().getApiEndpoint()).build();
        CfnOutput.Builder.create(this, "ConsoleUrl").value(console.api().getApiEndpoint()).build();
        CfnOutput.Builder.create(this, "LiveEndpoint").description("Devices connect here: MQTT over WebSocket, with "
                + "x-amz-customauthorizer-name=" + LiveChannel.AUTHORIZER_NAME + " and token=<user JWT> in the query")
                .value("wss://" + live.endpointAddress() + "/mqtt").build();
        CfnOutput.Builder.create(this, "TableName").value(table.table().getTableName()).build();
    }

    public ConversationTable table() {
        return table;
    }

    public FunctionsApi functions() {
        return functions;
    }

    public TtlConsumer ttlConsumer() {
        return ttlConsumer;
    }

    public LiveChannel live() {
        return live;
    }

    public LivePresence livePresence() {
        return livePresence;
    }

    public ListChangesConsumer listChanges() {
        return listChanges;
    }

    public OperatorConsole console() {
        return console;
    }

    public Alarms alarms() {
        return alarms;
    }

    private String parameter(String name, String description) {
        return CfnParameter.Builder.create(this, name).type("String").description(description).build().getValueAsString();
    }

    private String secret(String name, String description, int minLength) {
        return CfnParameter.Builder.create(this, name).type("String").noEcho(true).minLength(minLength)
                .description(description).build().getValueAsString();
    }
}
