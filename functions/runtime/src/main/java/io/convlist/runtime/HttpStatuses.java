package io.convlist.runtime;

import io.convlist.domain.ErrorCode;

/** The one mapping of outcomes to HTTP statuses, for the functions' error bodies and the console's pages. */
public final class HttpStatuses {
    /** Seconds a throttled or unavailable caller should wait before retrying (the Retry-After header). */
    public static final String RETRY_AFTER_SECONDS = "1";
    private HttpStatuses() {
    }

    public static int of(ErrorCode code) {
        return switch (code) {
            case INVALID_ARGUMENT -> 400;
            case UNAUTHENTICATED -> 401;
            case PERMISSION_DENIED -> 403;
            case NOT_FOUND -> 404;
            case METHOD_NOT_ALLOWED -> 405;
            case BODY_TOO_LARGE -> 413;
            case URI_TOO_LONG -> 414;
            case HEADERS_TOO_LARGE -> 431;
            case PIN_LIMIT_REACHED, SETTINGS_LIMIT_REACHED, GROUP_LIMIT_REACHED, CONFLICT -> 409;
            case THROTTLED -> 429;
            case UNAVAILABLE -> 503;
            case INTERNAL -> 500;
        };
    }

    /** Throttled and unavailable callers are told when to retry (Retry-After). */
    public static boolean isRetryable(ErrorCode code) {
        return code == ErrorCode.THROTTLED || code == ErrorCode.UNAVAILABLE;
    }
}
