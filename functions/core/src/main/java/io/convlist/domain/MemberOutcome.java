package io.convlist.domain;

/** The outcome for one member of a call that names several: {@code error} null on success. */
public record MemberOutcome(String userID, ErrorCode error) {

    public static MemberOutcome ok(String userID) {
        return new MemberOutcome(userID, null);
    }
}
