package io.convlist.api;

import org.jboss.logging.Logger;

import io.convlist.calls.CallRecord;
import io.convlist.domain.ErrorCode;
import io.convlist.domain.ServiceException;
import io.convlist.runtime.HttpStatuses;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import io.vertx.core.http.HttpClosedException;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;

/**
 * The one place where outcomes become HTTP responses. Funqy fails the routing context with the
 * function's exception (which it would answer with 500) or with a bare status (400 for a body it
 * cannot read, 404 for an unknown function); this failure handler, first on every route, answers
 * each with its status and a {@code {code, message}} body.
 */
@Singleton
public class ErrorResponses {
    private static final Logger LOG = Logger.getLogger(ErrorResponses.class);

    void register(@Observes Router router) {
        router.route().order(Integer.MIN_VALUE).failureHandler(this::handle);
        // Paths that name no function never reach a route: Vert.x answers them here.
        router.errorHandler(404, this::handle);
        router.errorHandler(405, this::handle);
    }

    void handle(RoutingContext ctx) {
        if (ctx.response().ended()) {
            return;
        }
        if (hungUp(ctx.failure())) {
            // Routine for mobile callers, and nobody is left to answer: one line, no stack trace.
            LOG.infof("the caller hung up before the request completed: %s %s", ctx.request().method(), ctx.request().path());
            return;
        }
        ServiceException error = toServiceException(ctx.failure(), ctx.statusCode());
        CallRecord.of(ctx).ifPresent(call -> call.code(error.code().name()));
        if (error.code() == ErrorCode.INTERNAL) {
            LOG.error("request failed", ctx.failure());
        }
        ctx.response().setStatusCode(HttpStatuses.of(error.code())).putHeader("Content-Type", "application/json");
        if (HttpStatuses.isRetryable(error.code())) {
            ctx.response().putHeader("Retry-After", HttpStatuses.RETRY_AFTER_SECONDS);
        }
        ctx.response().end(new JsonObject().put("code", error.code().name()).put("message", error.getMessage()).encode());
    }

    static boolean hungUp(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof HttpClosedException) {
                return true;
            }
        }
        return false;
    }

    static ServiceException toServiceException(Throwable failure, int status) {
        ServiceException service = ServiceException.in(failure);
        if (service != null) {
            return service;
        }
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof AuthenticationFailedException || t instanceof UnauthorizedException) {
                return new ServiceException(ErrorCode.UNAUTHENTICATED, "a valid bearer token is required");
            }
            if (t instanceof ForbiddenException) {
                return new ServiceException(ErrorCode.PERMISSION_DENIED, "not allowed");
            }
            if (t instanceof com.fasterxml.jackson.core.JacksonException j) {
                return ServiceException.badRequest("the request body does not match this function: " + j.getOriginalMessage());
            }
        }
        if (failure == null) {
            return switch (status) {
                case 400 -> ServiceException.badRequest("the request body is not valid JSON for this function");
                case 401 -> new ServiceException(ErrorCode.UNAUTHENTICATED, "a valid bearer token is required");
                case 403 -> new ServiceException(ErrorCode.PERMISSION_DENIED, "not allowed");
                case 404 -> new ServiceException(ErrorCode.NOT_FOUND, "no such function");
                case 405 -> new ServiceException(ErrorCode.METHOD_NOT_ALLOWED, "functions are called with POST");
                case 413 -> new ServiceException(ErrorCode.BODY_TOO_LARGE, "the request body is over 2 MiB");
                default -> new ServiceException(ErrorCode.INTERNAL, "internal error");
            };
        }
        return new ServiceException(ErrorCode.INTERNAL, "internal error");
    }
}
