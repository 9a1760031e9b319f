package io.convlist.calls;

import java.util.Optional;

import io.vertx.ext.web.RoutingContext;

/**
 * What one call did, filled in as it goes (the access line and the metrics read it when the answer
 * has been sent): its request ID, the function named by the path, the app of its token, its outcome
 * code, and the DynamoDB requests and retries the store made for it. Kept in the call's routing context.
 */
public final class CallRecord {
    private static final String KEY = "convlist.call";

    final String requestId;
    final String function;
    final long startNanos;
    private volatile String app;
    private volatile String code;
    private volatile int dynamoDbRequests;
    private volatile int retries;

    CallRecord(String requestId, String function, long startNanos) {
        this.requestId = requestId;
        this.function = function;
        this.startNanos = startNanos;
    }

    void attachTo(RoutingContext ctx) {
        ctx.put(KEY, this);
    }

    /** The record of the call {@code ctx} serves, if it is one (always, for requests through the router). */
    public static Optional<CallRecord> of(RoutingContext ctx) {
        return ctx == null ? Optional.empty() : Optional.ofNullable(ctx.get(KEY));
    }

    public void app(String appId) {
        this.app = appId;
    }

    /** The error code the call was answered with (unset: it succeeded). */
    public void code(String errorCode) {
        this.code = errorCode;
    }

    /** What the store did for the call: its DynamoDB requests, and its retries after losing to concurrent writers. */
    public void storeWork(int requests, int retriesMade) {
        this.dynamoDbRequests = requests;
        this.retries = retriesMade;
    }

    String app() {
        return app;
    }

    String code() {
        return code;
    }

    int dynamoDbRequests() {
        return dynamoDbRequests;
    }

    int retries() {
        return retries;
    }
}
