package io.convlist.console;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.time.Duration;
import java.util.List;

import io.convlist.devtools.DevTokens;

/**
 * The functions application as users run it (its built jar), on the console test's backend and
 * table, with a development key: so that the browser test records messages through the functions.
 */
final class FunctionsProcess implements AutoCloseable {
    static final String ISSUER = "convlist-console-test";
    private final Process process;
    private final KeyPair keys = DevTokens.newKeyPair();
    final URI url;

    FunctionsProcess(String dynamoDbEndpoint, String table) throws Exception {
        Path jar = Path.of("..", "..", "functions", "app", "target", "quarkus-app", "quarkus-run.jar").toAbsolutePath().normalize();
        if (!Files.exists(jar)) {
            throw new IllegalStateException("build the functions first (mvn -B verify from the top): " + jar + " is missing");
        }
        Path dir = Files.createTempDirectory("functions-under-test");
        Files.writeString(dir.resolve("public.pem"), DevTokens.publicKeyPem(keys));
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        ProcessBuilder pb = new ProcessBuilder(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar", jar.toString())).redirectErrorStream(true).redirectOutput(dir.resolve("functions.log").toFile());
        pb.environment().put("CONVLIST_DYNAMODB_ENDPOINT", dynamoDbEndpoint);
        pb.environment().put("CONVLIST_TABLE", table);
        pb.environment().put("CONVLIST_JWT_ISSUER", ISSUER);
        pb.environment().put("CONVLIST_JWT_PUBLIC_KEY_LOCATION", dir.resolve("public.pem").toString());
        pb.environment().put("QUARKUS_HTTP_PORT", String.valueOf(port));
        pb.environment().put("QUARKUS_HTTP_HOST", "127.0.0.1");
        process = pb.start();
        url = URI.create("http://127.0.0.1:" + port + "/");
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (true) {
            try {
                if (post("getTotalUnreadMessageCount", null, "{}").statusCode() == 401) {
                    return;
                }
            } catch (IOException notYet) {
                // starting
            }
            if (!process.isAlive() || System.nanoTime() > deadline) {
                throw new IllegalStateException("the functions did not start: " + Files.readString(dir.resolve("functions.log")));
            }
            Thread.sleep(200);
        }
    }

    String serviceToken(String app) {
        return DevTokens.token(keys.getPrivate(), ISSUER, app, "backend", "service", 3600);
    }

    HttpResponse<String> post(String function, String token, String json) throws IOException, InterruptedException {
        HttpRequest.Builder b = HttpRequest.newBuilder(url.resolve(function)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)).timeout(Duration.ofSeconds(30));
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        return HttpClient.newHttpClient().send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Override
    public void close() {
        process.destroy();
    }
}
