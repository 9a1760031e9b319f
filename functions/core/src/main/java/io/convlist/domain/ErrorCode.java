package io.convlist.domain;

/** The outcomes a caller can receive, each with the HTTP status it is answered with. */
public enum ErrorCode {
    INVALID_ARGUMENT(400),
    UNAUTHENTICATED(401),
    PERMISSION_DENIED(403),
    NOT_FOUND(404),
    /** 50 conversations are pinned already (Tencent's fixed limit). */
    PIN_LIMIT_REACHED(409),
    /** The request conflicts with the stored state, e.g. a read point older than the last message. */
    CONFLICT(409),
    /** DynamoDB throttled us or concurrent writers kept winning; safe to retry after Retry-After. */
    THROTTLED(429),
    UNAVAILABLE(503),
    INTERNAL(500);

    private final int httpStatus;

    ErrorCode(int httpStatus) {
        this.httpStatus = httpStatus;
    }

    public int httpStatus() {
        return httpStatus;
    }
}
