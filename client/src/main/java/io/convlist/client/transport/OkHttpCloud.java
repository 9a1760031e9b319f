package io.convlist.client.transport;

import java.io.IOException;
import java.util.function.Supplier;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;

/**
 * The service over HTTP with OkHttp (Android has no java.net.http): {@code POST /<function>} with the
 * user's token. A 429 or 503 is tried again after its Retry-After, up to {@value #ATTEMPTS} attempts;
 * anything else is answered at once.
 */
public final class OkHttpCloud implements Cloud {
    static final int ATTEMPTS = 4;
    static final long LONGEST_WAIT_SECONDS = 30;
    private static final MediaType JSON_TYPE = MediaType.get("application/json");

    private final OkHttpClient http;
    private final HttpUrl base;
    private final Supplier<String> token;
    private final ObjectMapper json;

    public OkHttpCloud(OkHttpClient http, String baseUrl, Supplier<String> token, ObjectMapper json) {
        this.http = http;
        this.base = HttpUrl.get(baseUrl);
        this.token = token;
        this.json = json;
    }

    @Override
    public JsonNode call(String function, Object body) {
        for (int attempt = 1;; attempt++) {
            try {
                return once(function, body);
            } catch (ConvListException e) {
                if (!(e.status() == 429 || e.status() == 503) || attempt == ATTEMPTS) {
                    throw e;
                }
                pause(Math.min(Math.max(e.retryAfterSeconds(), 1), LONGEST_WAIT_SECONDS));
            }
        }
    }

    private JsonNode once(String function, Object body) {
        Request request;
        try {
            request = new Request.Builder().url(base.newBuilder().addPathSegment(function).build())
                    .header("Authorization", "Bearer " + token.get())
                    .post(RequestBody.create(json.writeValueAsBytes(body), JSON_TYPE)).build();
        } catch (IOException e) {
            throw new IllegalArgumentException("not JSON: " + body, e);
        }
        try (Response response = http.newCall(request).execute()) {
            String text = response.body().string();
            JsonNode answer = text.isEmpty() ? json.createObjectNode() : json.readTree(text);
            if (response.isSuccessful()) {
                return answer;
            }
            String retryAfter = response.header("Retry-After");
            throw new ConvListException(response.code(), answer.path("code").asText("UNKNOWN"), answer.path("message").asText(text),
                    retryAfter == null ? 0 : parseSeconds(retryAfter));
        } catch (IOException e) {
            throw new ConvListException(function + ": " + e.getMessage(), e);
        }
    }

    private static long parseSeconds(String value) {
        try {
            return Long.parseLong(value.trim());
        } catch (NumberFormatException e) {
            return 1;
        }
    }

    private static void pause(long seconds) {
        try {
            Thread.sleep(seconds * 1000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ConvListException("interrupted while waiting to retry", e);
        }
    }
}
