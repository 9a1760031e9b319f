package io.convlist.store;

import java.net.URI;
import java.util.List;
import java.util.Optional;

import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClientBuilder;

/** The one way the applications (functions, console) build their DynamoDB client. */
public final class DynamoDbClients {
    private DynamoDbClients() {
    }

    /**
     * @param endpoint an override (the embedded backend locally); absent on AWS, where the role's
     *                 credentials are used
     */
    public static DynamoDbClient build(Optional<URI> endpoint, String region, List<ExecutionInterceptor> interceptors) {
        DynamoDbClientBuilder builder = DynamoDbClient.builder()
                // The URL-connection client starts fastest, which matters most on Lambda cold starts.
                .httpClientBuilder(UrlConnectionHttpClient.builder())
                .region(Region.of(region))
                .overrideConfiguration(ClientOverrideConfiguration.builder().executionInterceptors(interceptors).build());
        endpoint.ifPresentOrElse(uri -> builder.endpointOverride(uri)
                // The embedded backend accepts any credentials.
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local"))),
                () -> builder.credentialsProvider(DefaultCredentialsProvider.builder().build()));
        return builder.build();
    }
}
