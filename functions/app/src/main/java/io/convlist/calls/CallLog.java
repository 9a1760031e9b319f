package io.convlist.calls;

import java.time.Duration;
import java.util.UUID;
import java.util.regex.Pattern;

import org.jboss.logging.Logger;
import org.jboss.logging.MDC;

import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;

/**
 * One log line per call, and its metrics ({@link CallMetrics}), when its answer has been sent:
 * function, app, status, code, duration, the DynamoDB requests made and the store's retries, under
 * the call's request ID. The ID is the caller's
 * {@value #REQUEST_ID_HEADER} when it is a plain token of at most 64 characters, else a new one; it
 * goes back in the same header and into every log line of the call (MDC {@code requestId}). The line
 * holds only those fields: never a token, a draft or a message summary.
 */
@Singleton
public class CallLog {
    public static final String REQUEST_ID_HEADER = "X-Request-Id";
    private static final Logger LOG = Logger.getLogger("io.convlist.calls");
    private static final Pattern PLAIN_ID = Pattern.compile("[A-Za-z0-9._:-]{1,64}");

    private final CallMetrics metrics;

    CallLog(CallMetrics metrics) {
        this.metrics = metrics;
    }

    void register(@Observes Router router) {
        // First of all routes (the failure handler has its own chain), so that every call is recorded.
        router.route().order(Integer.MIN_VALUE).handler(this::start);
    }

    void start(RoutingContext ctx) {
        String given = ctx.request().getHeader(REQUEST_ID_HEADER);
        String requestId = given != null && PLAIN_ID.matcher(given).matches() ? given : UUID.randomUUID().toString();
        CallRecord record = new CallRecord(requestId, function(ctx.normalizedPath()), System.nanoTime());
        record.attachTo(ctx);
        ctx.response().putHeader(REQUEST_ID_HEADER, requestId);
        MDC.put("requestId", requestId);
        if (!ctx.normalizedPath().startsWith("/q/")) { // health probes and metrics scrapes are not calls
            ctx.addEndHandler(done -> log(record, ctx));
        }
        ctx.next();
    }

    /** The path without its slash, as far as a function's name can go. */
    private static String function(String path) {
        String name = path.startsWith("/") ? path.substring(1) : path;
        return name.length() > 64 ? name.substring(0, 64) + "…" : name;
    }

    private void log(CallRecord record, RoutingContext ctx) {
        boolean answered = ctx.response().ended();
        int status = answered ? ctx.response().getStatusCode() : 0;
        String code = !answered ? "CALLER_GONE" : record.code() == null ? "OK" : record.code();
        long nanos = System.nanoTime() - record.startNanos;
        long millis = nanos / 1_000_000;
        metrics.record(record, code, Duration.ofNanos(nanos));
        MDC.put("requestId", record.requestId);
        MDC.put("function", record.function);
        MDC.put("app", record.app() == null ? "" : record.app());
        MDC.put("status", String.valueOf(status));
        MDC.put("code", code);
        MDC.put("durationMs", String.valueOf(millis));
        MDC.put("dynamoDbRequests", String.valueOf(record.dynamoDbRequests()));
        MDC.put("retries", String.valueOf(record.retries()));
        try {
            LOG.infof("call %s app=%s status=%d code=%s ms=%d dynamodb=%d retries=%d", record.function, record.app(), status, code,
                    millis, record.dynamoDbRequests(), record.retries());
        } finally {
            MDC.clear();
        }
    }
}
