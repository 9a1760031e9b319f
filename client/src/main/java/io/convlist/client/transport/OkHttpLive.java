package io.convlist.client.transport;

import java.util.function.Supplier;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.convlist.client.wire.LiveFrame;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.WebSocket;
import okhttp3.WebSocketListener;

/** The functions' own live channel ({@code /live}, a WebSocket) with OkHttp; the token goes in the Authorization header. */
public final class OkHttpLive implements LiveChannel {
    private final OkHttpClient http;
    private final String url;
    private final Supplier<String> token;
    private final ObjectMapper json;

    /** @param url ws://host:port/live or wss://… */
    public OkHttpLive(OkHttpClient http, String url, Supplier<String> token, ObjectMapper json) {
        this.http = http;
        this.url = url;
        this.token = token;
        this.json = json;
    }

    @Override
    public Connection open(Handler handler) {
        Request request = new Request.Builder().url(url).header("Authorization", "Bearer " + token.get()).build();
        WebSocket socket = http.newWebSocket(request, new WebSocketListener() {
            private volatile boolean done;

            @Override
            public void onOpen(WebSocket webSocket, Response response) {
                handler.opened();
            }

            @Override
            public void onMessage(WebSocket webSocket, String text) {
                try {
                    handler.frame(json.readValue(text, LiveFrame.class));
                } catch (Exception e) {
                    webSocket.close(1003, "unreadable frame"); // the next sync repairs what it carried
                }
            }

            @Override
            public void onClosing(WebSocket webSocket, int code, String reason) {
                webSocket.close(1000, null);
                finish(code, reason);
            }

            @Override
            public void onClosed(WebSocket webSocket, int code, String reason) {
                finish(code, reason);
            }

            @Override
            public void onFailure(WebSocket webSocket, Throwable t, Response response) {
                finish(response == null ? 0 : response.code(), String.valueOf(t.getMessage()));
            }

            private void finish(int code, String reason) {
                if (!done) {
                    done = true;
                    handler.closed(code, reason);
                }
            }
        });
        return () -> socket.close(1000, null);
    }
}
