package io.convlist.iot;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;

import org.jboss.logging.Logger;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.convlist.events.LiveEvent;
import io.convlist.view.LargeGroupActivity;
import io.convlist.view.ListChange;
import io.convlist.view.LiveTopics;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.http.ContentStreamProvider;
import software.amazon.awssdk.http.HttpExecuteRequest;
import software.amazon.awssdk.http.HttpExecuteResponse;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.SdkHttpFullRequest;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4HttpSigner;
import software.amazon.awssdk.http.auth.spi.signer.SignedRequest;
import software.amazon.awssdk.utils.http.SdkHttpUtils;

/**
 * Publishes live events to AWS IoT Core: one message per change, to its user's topic
 * ({@link LiveTopics#user}) or, for a large group's activity, its group's ({@link LiveTopics#group}), QoS 0: events are best effort, and a device's next sync repairs a lost
 * one. It reads nothing: the message is the change itself.
 * <p>
 * The request is IoT's HTTPS Publish ({@code POST /topics/TOPIC?qos=0}), exactly what the SDK's
 * IotDataPlaneClient sends; that SDK module is not served by the registry this project builds from,
 * so the request is made here with the SDK's own SigV4 signer and HTTP client.
 */
public class IotPublisher {
    private static final Logger LOG = Logger.getLogger(IotPublisher.class);
    static final String SIGNING_NAME = "iotdata";

    private final URI endpoint;
    private final String region;
    private final AwsCredentialsProvider credentials;
    private final SdkHttpClient http;
    private final ObjectMapper json;
    private final ExecutorService parallel;
    private final AwsV4HttpSigner signer = AwsV4HttpSigner.create();

    /** @param parallel runs the batch's publishes at once (a batch is up to 100 changes) */
    public IotPublisher(URI endpoint, String region, AwsCredentialsProvider credentials, SdkHttpClient http, ObjectMapper json,
            ExecutorService parallel) {
        this.endpoint = endpoint;
        this.region = region;
        this.credentials = credentials;
        this.http = http;
        this.json = json;
        this.parallel = parallel;
    }

    /** How many of a batch's changes went out, and how many failed (logged, never thrown: counting goes on). */
    public record Outcome(int published, int failed) {
    }

    /** One event for one topic. */
    public record Publication(String topic, LiveEvent event) {
        /** A list's change, for its user's devices. */
        public static Publication of(ListChange change) {
            return new Publication(LiveTopics.user(change.appId(), change.userId()), LiveEvent.of(change));
        }

        /** A large group's activity, for its members' devices. */
        public static Publication of(LargeGroupActivity activity) {
            return new Publication(LiveTopics.group(activity.appId(), activity.groupID()), LiveEvent.of(activity));
        }
    }

    public Outcome publish(List<Publication> changes) {
        List<Future<Boolean>> sent = new ArrayList<>();
        for (Publication change : changes) {
            sent.add(parallel.submit(() -> publishOne(change)));
        }
        int published = 0;
        for (Future<Boolean> one : sent) {
            try {
                published += one.get() ? 1 : 0;
            } catch (ExecutionException e) {
                LOG.warnf("publishing a live event failed: %s", e.getCause().toString());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        return new Outcome(published, changes.size() - published);
    }

    private boolean publishOne(Publication publication) throws IOException {
        byte[] payload = json.writeValueAsBytes(publication.event());
        String topic = publication.topic();
        SdkHttpFullRequest request = SdkHttpFullRequest.builder().method(SdkHttpMethod.POST).uri(endpoint)
                .encodedPath("/topics/" + SdkHttpUtils.urlEncode(topic))
                .putRawQueryParameter("qos", "0")
                .putHeader("Content-Type", "application/json")
                .putHeader("Content-Length", Integer.toString(payload.length))
                .build();
        SignedRequest signed = signer.sign(r -> r.identity(credentials.resolveCredentials()).request(request)
                .payload(ContentStreamProvider.fromByteArrayUnsafe(payload))
                .putProperty(AwsV4HttpSigner.SERVICE_SIGNING_NAME, SIGNING_NAME)
                .putProperty(AwsV4HttpSigner.REGION_NAME, region));
        HttpExecuteResponse response = http.prepareRequest(HttpExecuteRequest.builder().request(signed.request())
                .contentStreamProvider(signed.payload().orElse(null)).build()).call();
        try (InputStream body = response.responseBody().orElse(null)) {
            if (!response.httpResponse().isSuccessful()) {
                LOG.warnf("IoT Core refused a live event for %s: HTTP %d", topic, response.httpResponse().statusCode());
                return false;
            }
            return true;
        }
    }
}
