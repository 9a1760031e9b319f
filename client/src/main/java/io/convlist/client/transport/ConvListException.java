package io.convlist.client.transport;

/**
 * The service refused a call ({@code {code, message}} with its HTTP status), or could not be reached
 * (status 0). {@code retryAfterSeconds} is the service's Retry-After (429 and 503), 0 if none.
 */
public class ConvListException extends RuntimeException {
    private final int status;
    private final String code;
    private final long retryAfterSeconds;

    public ConvListException(int status, String code, String message, long retryAfterSeconds) {
        super(status + " " + code + ": " + message);
        this.status = status;
        this.code = code;
        this.retryAfterSeconds = retryAfterSeconds;
    }

    public ConvListException(String message, Throwable cause) {
        super(message, cause);
        this.status = 0;
        this.code = "UNREACHABLE";
        this.retryAfterSeconds = 0;
    }

    public int status() {
        return status;
    }

    public String code() {
        return code;
    }

    public long retryAfterSeconds() {
        return retryAfterSeconds;
    }

    /** Worth trying again later: the service was unreachable, throttled or unavailable. */
    public boolean transientFailure() {
        return status == 0 || status == 429 || status == 503;
    }
}
