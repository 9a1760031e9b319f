package io.convlist.testkit;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The requests a moto server received, from its recorder ({@code /moto-api/recorder/}): how a test
 * sees exactly what a client sent to an AWS API that moto accepts but does not hand back (IoT Core's
 * Publish, for one).
 */
public final class MotoRecording {
    /** One request as moto received it. */
    public record Request(String method, URI url, Map<String, String> headers, byte[] body) {
        public String bodyText() {
            return new String(body, StandardCharsets.UTF_8);
        }
    }

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final ObjectMapper JSON = new ObjectMapper();

    private MotoRecording() {
    }

    /** Forgets what was recorded and records from now on. */
    public static void start(URI moto) {
        call(moto, "reset-recording");
        call(moto, "start-recording");
    }

    /** Every request received since {@link #start}, in order. */
    public static List<Request> requests(URI moto) {
        List<Request> requests = new ArrayList<>();
        try {
            for (String line : call(moto, "download-recording").split("\n")) {
                if (line.isBlank()) {
                    continue;
                }
                JsonNode entry = JSON.readTree(line);
                String body = entry.path("body").asText("");
                byte[] bytes = entry.path("body_encoded").asBoolean() ? Base64.getDecoder().decode(body)
                        : body.getBytes(StandardCharsets.UTF_8);
                Map<String, String> headers = JSON.convertValue(entry.path("headers"),
                        JSON.getTypeFactory().constructMapType(Map.class, String.class, String.class));
                requests.add(new Request(entry.path("method").asText(), URI.create(entry.path("url").asText()), headers, bytes));
            }
        } catch (IOException e) {
            throw new IllegalStateException("moto's recording is not what its recorder writes", e);
        }
        return requests;
    }

    private static String call(URI moto, String action) {
        try {
            HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(moto.resolve("/moto-api/recorder/" + action))
                    .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IllegalStateException("moto's recorder answered " + response.statusCode() + " to " + action);
            }
            return response.body();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
