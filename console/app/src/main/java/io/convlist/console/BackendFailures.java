package io.convlist.console;

import io.convlist.domain.ServiceException;
import io.convlist.runtime.HttpStatuses;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;

/**
 * A failure of the store (DynamoDB throttling or unreachable) wherever it happens, in a page or in
 * the session check before it, is answered with its status (429 or 503, with Retry-After) and a
 * plain message, never a 500 error page.
 */
@Singleton
public class BackendFailures {
    void register(@Observes Router router) {
        router.route().failureHandler(this::answer);
    }

    void answer(RoutingContext ctx) {
        ServiceException failure = ServiceException.in(ctx.failure());
        if (failure == null || ctx.response().headWritten()) {
            ctx.next();
            return;
        }
        ctx.response().setStatusCode(HttpStatuses.of(failure.code())).putHeader("Content-Type", "text/plain; charset=UTF-8");
        if (HttpStatuses.isRetryable(failure.code())) {
            ctx.response().putHeader("Retry-After", HttpStatuses.RETRY_AFTER_SECONDS);
        }
        ctx.response().end(failure.getMessage());
    }
}
