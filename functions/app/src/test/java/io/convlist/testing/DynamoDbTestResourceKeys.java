package io.convlist.testing;

import java.security.PrivateKey;

/** The test key pair's private half, for tests that build unusual tokens. */
public final class DynamoDbTestResourceKeys {
    private DynamoDbTestResourceKeys() {
    }

    public static PrivateKey privateKey() {
        return DynamoDbTestResource.KEYS.getPrivate();
    }
}
