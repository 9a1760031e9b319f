package io.convlist.domain;

/**
 * Every business outcome that is not a success. The code names the outcome; the HTTP layer maps
 * codes to statuses in one place. Thrown before any write when the input is at fault.
 */
public class ServiceException extends RuntimeException {

    private final ErrorCode code;

    public ServiceException(ErrorCode code, String message) {
        super(message, null, false, false);
        this.code = code;
    }

    public ErrorCode code() {
        return code;
    }

    public static ServiceException badRequest(String message) {
        return new ServiceException(ErrorCode.INVALID_ARGUMENT, message);
    }

    public static ServiceException notFound(String message) {
        return new ServiceException(ErrorCode.NOT_FOUND, message);
    }

    /** The service exception a failure is or was caused by, or null. */
    public static ServiceException in(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof ServiceException s) {
                return s;
            }
        }
        return null;
    }
}
