package io.convlist.identity;

import io.convlist.domain.ErrorCode;
import io.convlist.domain.Ids;
import io.convlist.domain.ServiceException;

/**
 * Who is calling, from the verified token: the app (tenant) and the subject. A user token acts on
 * its own list; a service token (the app's backend) acts for any user of its app.
 */
public record Caller(String appId, String subject, Role role) {

    public enum Role {
        USER, SERVICE
    }

    /** The list owner a user function acts on: the caller itself, or the named user for a service. */
    public String ownerFor(String requestedUserId) {
        if (role == Role.SERVICE) {
            return Ids.requireUserId("userID", requestedUserId);
        }
        if (requestedUserId != null && !requestedUserId.isEmpty() && !requestedUserId.equals(subject)) {
            throw new ServiceException(ErrorCode.PERMISSION_DENIED, "a user token acts only on its own list");
        }
        return subject;
    }

    public void requireService() {
        if (role != Role.SERVICE) {
            throw new ServiceException(ErrorCode.PERMISSION_DENIED, "this function needs the app's service token");
        }
    }
}
