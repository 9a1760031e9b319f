package io.convlist.domain;

/**
 * The outcomes a caller can receive besides success. Which HTTP status each one is answered with
 * is decided in one place outside the domain (the runtime module's {@code HttpStatuses}).
 */
public enum ErrorCode {
    INVALID_ARGUMENT,
    UNAUTHENTICATED,
    PERMISSION_DENIED,
    NOT_FOUND,
    /** A function called with another method than POST. */
    METHOD_NOT_ALLOWED,
    /** A request URI over the server's limit. */
    URI_TOO_LONG,
    /** Request headers over the server's limit. */
    HEADERS_TOO_LARGE,
    /** A request body over the server's limit (2 MiB). */
    BODY_TOO_LARGE,
    /** 50 conversations are pinned already (Tencent's fixed limit). */
    PIN_LIMIT_REACHED,
    /** 1,000 peers and groups have settings already (marks, groups and receive options count alike). */
    SETTINGS_LIMIT_REACHED,
    /** 20 conversation groups exist already (Tencent's limit, 51010). */
    GROUP_LIMIT_REACHED,
    /** The request conflicts with the stored state, e.g. a read point older than the last message. */
    CONFLICT,
    /** DynamoDB throttled us or concurrent writers kept winning; safe to retry after Retry-After. */
    THROTTLED,
    UNAVAILABLE,
    INTERNAL
}
