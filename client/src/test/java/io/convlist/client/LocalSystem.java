package io.convlist.client;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import io.convlist.domain.RemovalReason;
import io.convlist.store.ConversationStore;
import io.convlist.store.app.AppSettingsStore;
import io.convlist.store.table.DynamoDbClients;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

import io.convlist.testkit.EmbeddedDynamoDb;
import io.convlist.testkit.LocalFunctions;

/** The functions' built jar with the live channel on, against the embedded backend: the system a device talks to in the tests. */
final class LocalSystem implements AutoCloseable {
    final LocalFunctions functions;
    final String baseUrl;
    final String liveUrl;
    private final ConversationStore store;

    private LocalSystem(LocalFunctions functions, URI endpoint, String table) {
        this.functions = functions;
        DynamoDbClient ddb = DynamoDbClients.build(Optional.of(endpoint), "us-east-1", List.of(), Duration.ofSeconds(10));
        Clock clock = Clock.systemUTC();
        this.store = new ConversationStore(ddb, table, clock, new AppSettingsStore(ddb, table, clock, Duration.ZERO), Runnable::run);
        this.baseUrl = functions.process.url.toString();
        this.liveUrl = baseUrl.replaceFirst("^http", "ws").replaceFirst("/?$", "/live");
    }

    /** The system with the app {@code appId} created (default settings: a cap of 100). */
    static LocalSystem start(String appId) throws IOException, InterruptedException {
        URI endpoint = EmbeddedDynamoDb.start();
        String table = "client-" + UUID.randomUUID().toString().substring(0, 8);
        LocalFunctions functions = LocalFunctions.start(projectRoot(), endpoint.toString(), table,
                Map.of("CONVLIST_LIVE_TAIL_STREAM", "true", "CONVLIST_CREATE_TABLE", "true", "CONVLIST_CREATE_APPS", appId));
        return new LocalSystem(functions, endpoint, table);
    }

    /** The server's removal record of a conversation (diagnostics). */
    String removalOf(String appId, String userId, String conversationId) {
        return store.removals(appId, userId).stream().filter(r -> r.conversationId().toString().equals(conversationId)).findFirst()
                .map(Object::toString).orElse("no removal record");
    }

    /** The conversations the cloud evicted from the user's list and holds no more, from the table's removal records. */
    List<String> evictedFrom(String appId, String userId) {
        return store.removals(appId, userId).stream().filter(r -> r.reason() == RemovalReason.EVICTED)
                .map(r -> r.conversationId().toString()).toList();
    }

    static Path projectRoot() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.exists(dir.resolve("run-local.sh")) && Files.isDirectory(dir.resolve("client"))) {
                return dir;
            }
        }
        throw new IllegalStateException("run from inside the project");
    }

    @Override
    public void close() {
        functions.close();
    }
}
