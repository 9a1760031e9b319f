package io.convlist.domain;

/**
 * Tencent's V2TIMReceiveMessageOpt: 0 receive, 1 do not receive, 2 receive without notification,
 * 3 without notification except @-mentions, 4 do not receive except @-mentions (community topics).
 * Only 0 counts toward the total unread count.
 */
public final class ReceiveOpt {
    public static final int RECEIVE = 0;
    public static final int MAX = 4;

    private ReceiveOpt() {
    }

    public static int require(Integer opt) {
        if (opt == null || opt < RECEIVE || opt > MAX) {
            throw ServiceException.badRequest("opt must be 0..4");
        }
        return opt;
    }
}
