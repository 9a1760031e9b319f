package io.convlist.domain;

/**
 * Every documented size and count limit, in one place. Requests are checked against these before
 * anything is written; the README's limits table is this file.
 */
public final class Limits {
    private Limits() {
    }

    /** userID: at most 32 bytes (UTF-8) of {@link #ID_PATTERN}. */
    public static final int USER_ID_MAX_BYTES = 32;
    /** groupID: at most 48 bytes of {@link #ID_PATTERN}. */
    public static final int GROUP_ID_MAX_BYTES = 48;
    /** appID: at most 32 bytes of {@link #ID_PATTERN}. */
    public static final int APP_ID_MAX_BYTES = 32;
    /**
     * The character set of every ID: ASCII letters, digits, '_', '-', '.', '@'. It excludes '#',
     * which the store uses as a key separator, and anything that would need escaping in a URL.
     */
    public static final String ID_PATTERN = "[A-Za-z0-9_.@-]+";

    public static final int DRAFT_MAX_BYTES = 8 * 1024;
    /** Longer message summaries are cut, on a character boundary, to this many UTF-8 bytes. */
    public static final int SUMMARY_MAX_BYTES = 1024;
    public static final int NAME_MAX_BYTES = 256;
    public static final int FACE_URL_MAX_BYTES = 1024;
    public static final int MSG_ID_MAX_BYTES = 128;

    /** Message sequences stay exact as JSON numbers in JavaScript (2^53). */
    public static final long SEQ_MAX = 1L << 53;
    /** Message timestamps from 2000-01-01T00:00:00Z (the order key's epoch, see OrderKeys). */
    public static final long TIMESTAMP_MIN_MILLIS = 946_684_800_000L;
    /** Message timestamps at most a day ahead of the server's clock (clocks differ; a later one would sort above all others). */
    public static final long TIMESTAMP_AHEAD_MAX_MILLIS = 86_400_000L;

    public static final int PAGE_MIN = 1;
    public static final int PAGE_MAX = 100;
    public static final int ID_LIST_MAX = 100;
    public static final int RECIPIENTS_MAX = 1000;
    /** Members one addGroupMembers or removeGroupMembers call names. */
    public static final int GROUP_MEMBERS_PER_CALL_MAX = 1000;

    /**
     * Peers and groups a user may have settings for: a receive option, marks, custom data or
     * conversation-group memberships (Tencent's 1,000-conversation cap on marks, custom data and groups, 51008).
     */
    public static final int PEER_SETTINGS_MAX = 1000;
    /** User IDs per setC2CReceiveMessageOpt / getC2CReceiveMessageOpt call, and group IDs per getGroupReceiveMessageOpt (Tencent: 30). */
    public static final int RECEIVE_OPT_IDS_MAX = 30;

    /** Custom data per conversation, decoded (Tencent: 256 bytes). */
    public static final int CUSTOM_DATA_MAX_BYTES = 256;
    /** Conversation groups per user (Tencent: 20, 51010). */
    public static final int CONVERSATION_GROUPS_MAX = 20;
    /** A conversation group's name, in UTF-8 bytes (Tencent: 32, 51011). */
    public static final int CONVERSATION_GROUP_NAME_MAX_BYTES = 32;
    /** Conversations per conversation group; adding past it drops the earliest added (Tencent: 1,000). */
    public static final int CONVERSATION_GROUP_SIZE_MAX = 1000;

    /** Tencent's fixed limit on pinned conversations per user. */
    public static final int PINNED_MAX = 50;

    public static final int STANDARD_CONVERSATION_LIMIT = 100;
    public static final int FLAGSHIP_CONVERSATION_LIMIT_MIN = 100;
    public static final int FLAGSHIP_CONVERSATION_LIMIT_MAX = 500;

    public static final int DEFAULT_RETENTION_DAYS = 7;
    public static final int RETENTION_DAYS_MIN = 1;
    public static final int RETENTION_DAYS_MAX = 30;

    /**
     * A group switches to large-group mode (see GroupMode.MEMBERS) when its member count reaches the
     * app's threshold; the default is where that mode becomes the cheaper one (docs/benchmarks.md).
     */
    public static final int LARGE_GROUP_THRESHOLD_DEFAULT = 76;
    public static final int LARGE_GROUP_THRESHOLD_MIN = 2;
    public static final int LARGE_GROUP_THRESHOLD_MAX = 1_000_000;
}
