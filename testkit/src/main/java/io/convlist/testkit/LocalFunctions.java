package io.convlist.testkit;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The functions application's built jar run against a DynamoDB endpoint and table, with a key pair
 * made for this run and tokens signed with it: the functions exactly as users run them.
 */
public final class LocalFunctions implements AutoCloseable {
    public static final String ISSUER = "convlist-local-functions";
    private final KeyPair keys;
    private final Path publicKey;
    public final AppProcess process;

    private LocalFunctions(KeyPair keys, Path publicKey, AppProcess process) {
        this.keys = keys;
        this.publicKey = publicKey;
        this.process = process;
    }

    /** Starts the functions and returns at once (the caller may time the start). */
    public static LocalFunctions launch(Path projectRoot, String dynamoDbEndpoint, String table) throws IOException {
        return launch(projectRoot, dynamoDbEndpoint, table, List.of());
    }

    /** The same, with options for the JVM. */
    public static LocalFunctions launch(Path projectRoot, String dynamoDbEndpoint, String table, List<String> jvmOptions)
            throws IOException {
        return launch(projectRoot, dynamoDbEndpoint, table, jvmOptions, Map.of());
    }

    /** The same, with more environment (configuration) for the functions. */
    public static LocalFunctions launch(Path projectRoot, String dynamoDbEndpoint, String table, List<String> jvmOptions,
            Map<String, String> environment) throws IOException {
        KeyPair keys = DevTokens.newKeyPair();
        Path publicKey = Files.createTempFile("functions-public", ".pem");
        Files.writeString(publicKey, DevTokens.publicKeyPem(keys));
        Path jar = projectRoot.resolve(Path.of("functions", "app", "target", "quarkus-app", "quarkus-run.jar"));
        Map<String, String> env = new HashMap<>(environment);
        env.putAll(Map.of(
                "CONVLIST_DYNAMODB_ENDPOINT", dynamoDbEndpoint,
                "CONVLIST_TABLE", table,
                "CONVLIST_JWT_ISSUER", ISSUER,
                "CONVLIST_JWT_PUBLIC_KEY_LOCATION", publicKey.toString(),
                "CONVLIST_SYNC_CURSOR_KEY", java.util.UUID.randomUUID() + "-" + java.util.UUID.randomUUID()));
        return new LocalFunctions(keys, publicKey, AppProcess.start(jar, env, jvmOptions));
    }

    /** Starts the functions and waits until they answer (an unauthenticated call's 401). */
    public static LocalFunctions start(Path projectRoot, String dynamoDbEndpoint, String table)
            throws IOException, InterruptedException {
        return start(projectRoot, dynamoDbEndpoint, table, Map.of());
    }

    /** The same, with more environment (configuration) for the functions. */
    public static LocalFunctions start(Path projectRoot, String dynamoDbEndpoint, String table, Map<String, String> environment)
            throws IOException, InterruptedException {
        LocalFunctions functions = launch(projectRoot, dynamoDbEndpoint, table, List.of(), environment);
        functions.process.awaitStatus("getTotalUnreadMessageCount", null, "{}", 401, Duration.ofSeconds(60));
        return functions;
    }

    public String serviceToken(String app) {
        return DevTokens.token(keys.getPrivate(), ISSUER, app, "backend", "service", 3600);
    }

    public String userToken(String app, String user) {
        return DevTokens.token(keys.getPrivate(), ISSUER, app, user, "user", 3600);
    }

    public HttpResponse<String> post(String function, String token, String json) throws IOException, InterruptedException {
        return process.post(function, token, json);
    }

    @Override
    public void close() {
        process.close();
        try {
            Files.deleteIfExists(publicKey);
        } catch (IOException ignored) {
            // a temporary public key left behind
        }
    }
}
