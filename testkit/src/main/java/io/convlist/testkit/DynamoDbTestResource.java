package io.convlist.testkit;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.util.Map;
import java.util.UUID;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * Gives the application under test (functions, console or TTL consumer) a fresh table on the run's
 * backend ({@link TestBackend}), with TTL, created from TableDefinition at start-up, and a
 * development key pair whose public half verifies the test tokens.
 */
public class DynamoDbTestResource implements QuarkusTestResourceLifecycleManager {
    public static final String ISSUER = "convlist-test";
    /** The key pair of this run's test tokens; tests that forge unusual tokens sign with it. */
    public static final KeyPair KEYS = DevTokens.newKeyPair();

    @Override
    public Map<String, String> start() {
        try {
            Path pem = Files.createTempFile("convlist-test", ".pem");
            Files.writeString(pem, DevTokens.publicKeyPem(KEYS));
            return Map.of(
                    "convlist.dynamodb.endpoint", TestBackend.endpoint().toString(),
                    "convlist.table", "convlist-test-" + UUID.randomUUID().toString().substring(0, 8),
                    "convlist.create-table", "true",
                    "mp.jwt.verify.publickey.location", pem.toUri().toString(),
                    "mp.jwt.verify.issuer", ISSUER);
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void stop() {
        // The backend lives for the whole run; each start gets its own table.
    }
}
