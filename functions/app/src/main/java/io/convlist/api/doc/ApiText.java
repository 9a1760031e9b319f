package io.convlist.api.doc;

/** The API description's prose: what holds for every function. */
final class ApiText {
    private ApiText() {
    }

    static final String OVERVIEW = """
            The cloud side of an instant-messaging product's conversation list, with Tencent Cloud IM's \
            conversation semantics. Every function is `POST /<function>` with a JSON body and answers JSON.

            The app (tenant) and the user come from the bearer token, never from the body. A user token acts \
            on its own list; a service token (the app's backend) acts for any user of its app by naming \
            `userID`, and alone may call the service functions.

            Every error is a JSON body `{"code", "message"}`. Besides each function's own, the server answers \
            these for any path: 404 `NOT_FOUND` for a function that does not exist, 405 `METHOD_NOT_ALLOWED` \
            for another method than POST, 413 `BODY_TOO_LARGE` for a body over 2 MiB, 414 `URI_TOO_LONG` \
            (over 8 KiB), 431 `HEADERS_TOO_LARGE` (over 32 KiB), and 500 `INTERNAL` for an unexpected failure \
            (logged as an error). Bad input writes nothing. No call takes longer than 14 s: past its deadline \
            it answers 503 `UNAVAILABLE`.""";

    static final String TOKENS = """
            RS256 JWT with the claims `sub` (the user, or the backend's name), `app` (the app ID), `groups` \
            (`["user"]` or `["service"]`), `iat` (at most a minute ahead) and `exp` (at most 24 h after `iat`).""";

    static final String REQUEST_ID = """
            The caller's own X-Request-Id when it sent a plain one (letters, digits, `._:-`, at most 64), \
            else a new UUID; the call's log line carries the same ID.""";
}
