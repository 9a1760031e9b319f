package io.convlist.testkit;

import java.net.URI;

import org.testcontainers.DockerClientFactory;
import org.testcontainers.localstack.LocalStackContainer;
import org.testcontainers.utility.DockerImageName;


/**
 * The DynamoDB-compatible backend of this test run, started once per JVM:
 * DYNAMODB_ENDPOINT when set; LocalStack 4.14.0 through Testcontainers with -Dynamodb.backend=localstack
 * (-Plocalstack); otherwise the embedded, serialized moto server.
 */
public final class TestBackend {
    /** The last LocalStack image that runs without an auth token. */
    public static final String LOCALSTACK_IMAGE = "localstack/localstack:4.14.0";
    private static URI endpoint;

    private TestBackend() {
    }

    public static boolean wantsLocalStack() {
        return "localstack".equals(System.getProperty("dynamodb.backend"));
    }

    public static boolean dockerAvailable() {
        try {
            return DockerClientFactory.instance().isDockerAvailable();
        } catch (Throwable e) {
            return false;
        }
    }

    public static synchronized URI endpoint() {
        if (endpoint == null) {
            String configured = System.getenv("DYNAMODB_ENDPOINT");
            if (configured != null && !configured.isBlank()) {
                endpoint = URI.create(configured);
            } else if (wantsLocalStack()) {
                LocalStackContainer localstack = new LocalStackContainer(DockerImageName.parse(LOCALSTACK_IMAGE))
                        .withServices("dynamodb");
                localstack.start();
                endpoint = localstack.getEndpoint();
            } else {
                endpoint = EmbeddedDynamoDb.start();
            }
        }
        return endpoint;
    }
}
