package io.convlist.live;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.net.http.WebSocketHandshakeException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

/** A device on the live channel, through the JDK's WebSocket client: the events it got, and how it was closed. */
final class LiveDevice implements WebSocket.Listener, AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient CLIENT = HttpClient.newHttpClient();
    static final Duration WAIT = Duration.ofSeconds(10);

    final BlockingQueue<Map<String, Object>> events = new LinkedBlockingQueue<>();
    final CompletableFuture<Integer> closeCode = new CompletableFuture<>();
    private final StringBuilder partial = new StringBuilder();
    WebSocket socket;

    /** Opens a connection with the token in the Authorization header. */
    static LiveDevice connect(URI live, String token) {
        LiveDevice device = new LiveDevice();
        device.socket = CLIENT.newWebSocketBuilder().header("Authorization", "Bearer " + token).connectTimeout(WAIT)
                .buildAsync(live, device).join();
        return device;
    }

    /** The HTTP status a refused connection was answered with. */
    static int refusal(URI live, Map<String, String> headers) {
        WebSocket.Builder builder = CLIENT.newWebSocketBuilder().connectTimeout(WAIT);
        headers.forEach(builder::header);
        try {
            builder.buildAsync(live, new LiveDevice()).join().abort();
            throw new AssertionError("the connection opened");
        } catch (CompletionException e) {
            if (e.getCause() instanceof WebSocketHandshakeException refused) {
                return refused.getResponse().statusCode();
            }
            throw e;
        }
    }

    /** The next event, or an AssertionError after {@link #WAIT}. */
    Map<String, Object> next() throws InterruptedException {
        Map<String, Object> event = events.poll(WAIT.toMillis(), TimeUnit.MILLISECONDS);
        if (event == null) {
            throw new AssertionError("no event within " + WAIT);
        }
        return event;
    }

    /** The next event about this conversation, skipping others. */
    Map<String, Object> nextAbout(String conversationId) throws InterruptedException {
        return nextMatching(event -> conversationId.equals(conversationIdOf(event)), "event about " + conversationId);
    }

    /** The next event of this kind, skipping others. */
    Map<String, Object> nextOfKind(String kind) throws InterruptedException {
        return nextMatching(event -> kind.equals(event.get("event")), kind);
    }

    private Map<String, Object> nextMatching(Predicate<Map<String, Object>> wanted, String what) throws InterruptedException {
        List<Object> skipped = new ArrayList<>();
        while (true) {
            Map<String, Object> event = events.poll(WAIT.toMillis(), TimeUnit.MILLISECONDS);
            if (event == null) {
                throw new AssertionError("no " + what + " within " + WAIT + "; others: " + skipped);
            }
            if (wanted.test(event)) {
                return event;
            }
            skipped.add(event.get("event") + " " + conversationIdOf(event));
        }
    }

    @SuppressWarnings("unchecked")
    static String conversationIdOf(Map<String, Object> event) {
        Object c = event.containsKey("conversation") ? event.get("conversation") : event.get("removed");
        return c == null ? null : (String) ((Map<String, Object>) c).get("conversationID");
    }

    int awaitClose() throws Exception {
        return closeCode.get(WAIT.toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
        partial.append(data);
        if (last) {
            try {
                events.add(JSON.readValue(partial.toString(), new TypeReference<Map<String, Object>>() { }));
            } catch (Exception e) {
                throw new AssertionError("not JSON: " + partial, e);
            }
            partial.setLength(0);
        }
        webSocket.request(1);
        return null;
    }

    @Override
    public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
        closeCode.complete(statusCode);
        return null;
    }

    @Override
    public void onError(WebSocket webSocket, Throwable error) {
        closeCode.completeExceptionally(error);
    }

    @Override
    public void close() {
        if (socket != null && !socket.isOutputClosed()) {
            socket.sendClose(WebSocket.NORMAL_CLOSURE, "").exceptionally(e -> null);
        }
    }
}
