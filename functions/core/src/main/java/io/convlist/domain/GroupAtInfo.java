package io.convlist.domain;

/** An unread @-mention in a group: atType 1 = @me, 2 = @all, 3 = @all and @me. */
public record GroupAtInfo(long seq, int atType) {
    public static final int AT_ME = 1;
    public static final int AT_ALL = 2;
    public static final int AT_ALL_AT_ME = 3;

    public static int atTypeFor(boolean atMe, boolean atAll) {
        return atMe && atAll ? AT_ALL_AT_ME : atAll ? AT_ALL : atMe ? AT_ME : 0;
    }
}
