package io.convlist.testkit;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * Watches one user's live channel in the terminal: {@code java LiveWatch WS_URL TOKEN} prints each
 * event as it arrives, one JSON line each, until the connection closes (its close code and reason
 * last). {@code ./run-local.sh watch} runs it.
 */
public final class LiveWatch implements WebSocket.Listener {
    private final StringBuilder partial = new StringBuilder();
    private final CompletableFuture<String> closed = new CompletableFuture<>();

    public static void main(String[] args) throws Exception {
        if (args.length != 2) {
            System.err.println("usage: LiveWatch WS_URL TOKEN   (e.g. ws://127.0.0.1:8080/live)");
            System.exit(2);
        }
        LiveWatch watch = new LiveWatch();
        HttpClient.newHttpClient().newWebSocketBuilder().header("Authorization", "Bearer " + args[1])
                .buildAsync(URI.create(args[0]), watch).join();
        System.err.println("connected to " + args[0] + "; events follow (Ctrl-C stops)");
        System.err.println(watch.closed.join());
    }

    @Override
    public CompletionStage<?> onText(WebSocket socket, CharSequence data, boolean last) {
        partial.append(data);
        if (last) {
            System.out.println(partial);
            partial.setLength(0);
        }
        socket.request(1);
        return null;
    }

    @Override
    public CompletionStage<?> onClose(WebSocket socket, int statusCode, String reason) {
        closed.complete("closed: " + statusCode + " " + reason);
        return null;
    }

    @Override
    public void onError(WebSocket socket, Throwable error) {
        closed.complete("failed: " + error);
    }
}
