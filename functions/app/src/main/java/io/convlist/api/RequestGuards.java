package io.convlist.api;

import io.convlist.domain.ErrorCode;
import io.convlist.domain.ServiceException;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;

/**
 * What a request must be before any function sees it: POST (Funqy would also bind GET with query
 * parameters), a URI of at most {@value #URI_MAX} characters and headers of at most
 * {@value #HEADERS_MAX} bytes. The limits are checked here, below the HTTP decoder's own (see
 * application.properties), so that the 414 and 431 answers carry the error body: the decoder answers
 * without one, and Quarkus offers no hook for its answers.
 */
@Singleton
public class RequestGuards {
    static final int URI_MAX = 8192;
    static final int HEADERS_MAX = 32 * 1024;
    /** The live channel's path (live.LiveSocket). */
    public static final String LIVE_PATH = "/live";

    void register(@Observes Router router) {
        router.route().order(Integer.MIN_VALUE + 1).handler(this::check);
    }

    void check(RoutingContext ctx) {
        HttpServerRequest request = ctx.request();
        if (request.uri().length() > URI_MAX) {
            ctx.fail(new ServiceException(ErrorCode.URI_TOO_LONG, "the URI is longer than " + URI_MAX + " characters"));
        } else if (headerBytes(request) > HEADERS_MAX) {
            ctx.fail(new ServiceException(ErrorCode.HEADERS_TOO_LARGE, "the headers are larger than " + HEADERS_MAX + " bytes"));
        } else if (request.method() != HttpMethod.POST && !ctx.normalizedPath().startsWith("/q/") && !isLiveUpgrade(ctx)) {
            ctx.response().putHeader("Allow", "POST");
            ctx.fail(405);
        } else {
            ctx.next();
        }
    }

    /** The live channel's WebSocket upgrade: a GET, checked by live.LiveUpgrade. */
    private static boolean isLiveUpgrade(RoutingContext ctx) {
        return ctx.request().method() == HttpMethod.GET && LIVE_PATH.equals(ctx.normalizedPath());
    }

    /** As the decoder counts them: each line's name, ": ", value and CRLF. */
    private static long headerBytes(HttpServerRequest request) {
        long bytes = 0;
        for (var h : request.headers()) {
            bytes += h.getKey().length() + h.getValue().length() + 4;
        }
        return bytes;
    }
}
