package io.convlist.store.table;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsClient;

/** The one way the applications (functions, console) build their DynamoDB client. */
public final class DynamoDbClients {
    /**
     * How long one DynamoDB call may take, the SDK's own retries included. It also bounds how long
     * after taking its time a write can commit, which device sync's overlap relies on (SyncPosition).
     */
    public static final Duration DEFAULT_CALL_TIMEOUT = Duration.ofSeconds(5);

    private DynamoDbClients() {
    }

    public static DynamoDbClient build(Optional<URI> endpoint, String region, List<ExecutionInterceptor> interceptors) {
        return build(endpoint, region, interceptors, DEFAULT_CALL_TIMEOUT);
    }

    /**
     * @param endpoint an override (the embedded backend locally); absent on AWS, where the role's
     *                 credentials are used
     */
    public static DynamoDbClient build(Optional<URI> endpoint, String region, List<ExecutionInterceptor> interceptors,
            Duration callTimeout) {
        return at(DynamoDbClient.builder(), endpoint, region)
                // The URL-connection client starts fastest, which matters most on Lambda cold starts.
                .httpClientBuilder(UrlConnectionHttpClient.builder())
                .overrideConfiguration(ClientOverrideConfiguration.builder().executionInterceptors(interceptors)
                        .apiCallTimeout(callTimeout).build())
                .build();
    }

    /** A client of the table's stream, configured as {@link #build} configures the table's. */
    public static DynamoDbStreamsClient buildStreams(Optional<URI> endpoint, String region) {
        return at(DynamoDbStreamsClient.builder(), endpoint, region)
                .httpClientBuilder(UrlConnectionHttpClient.builder())
                .overrideConfiguration(ClientOverrideConfiguration.builder().apiCallTimeout(DEFAULT_CALL_TIMEOUT).build())
                .build();
    }

    private static <B extends AwsClientBuilder<B, ?>> B at(B builder, Optional<URI> endpoint, String region) {
        builder.region(Region.of(region));
        endpoint.ifPresentOrElse(uri -> builder.endpointOverride(uri)
                // The embedded backend accepts any credentials.
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local"))),
                () -> builder.credentialsProvider(DefaultCredentialsProvider.builder().build()));
        return builder;
    }
}
