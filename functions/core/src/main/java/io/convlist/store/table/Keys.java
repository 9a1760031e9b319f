package io.convlist.store.table;

import io.convlist.domain.ConversationId;

/**
 * Every attribute name and key format of the table, in one file.
 *
 * <p>One table, generic keys {@code pk}/{@code sk}:
 * <pre>
 * pk = u#{app}#{user}    sk = c#{conversationID}   a conversation of that user's cloud list
 * pk = u#{app}#{user}    sk = meta                 the list's bookkeeping: slots, pinnedCount, rev; the owner's large groups
 * pk = u#{app}#{user}    sk = r#{friendUserID}     the user's friend remark for a peer
 * pk = u#{app}#{user}    sk = x#{conversationID}   a removal record: why and when it left the list (TTL)
 * pk = u#{app}#{user}    sk = groups               the user's conversation groups (name to ID)
 * pk = u#{app}#{user}    sk = y#groups             when the conversation groups last changed, for sync (TTL)
 * pk = u#{app}#{user}    sk = s#{conversationID}   the user's settings for a peer or group (recvOpt, marks, custom data, groups), outside the capped list
 * pk = d#{app}#{user}    sk = device#{device}      a device of the user on the live channel: connected or not, until when (TTL)
 * pk = p#{app}#{user}    sk = profile              a user's nickname and face
 * pk = g#{app}#{group}   sk = profile              a group's name, face and type
 * pk = g#{app}#{group}   sk = state                the group's member count, mode and record of its messages
 * pk = g#{app}#{group}   sk = m#{user}             a user's membership of the group: member or left, at which seq
 * pk = app#{app}         sk = settings             the app's edition, limit and retention
 * pk = app#{app}         sk = audit#{time}#...     one change of one of those settings (newest last)
 * pk = apps              sk = {app}                the index of apps, with a copy of their settings
 * pk = v#{app}#{conversationID}#{shard}  sk = {user}  "shown in": the user's list holds this conversation
 * pk = console#session#{sha256}           sk = session   an operator's console session (TTL)
 * pk = console#sign-in#{account|client}#{id}  sk = attempts  sign-in attempts in the current window (TTL)
 * </pre>
 * IDs never contain '#' (see Limits.ID_PATTERN), so keys cannot collide.
 */
public final class Keys {
    private Keys() {
    }

    public static final String PK = "pk";
    public static final String SK = "sk";

    // Conversation attributes.
    public static final String TYPE = "type";
    public static final String TARGET = "target";
    public static final String GROUP_TYPE = "groupType";
    public static final String LAST_SEQ = "lastSeq";
    public static final String LAST_TIME = "lastTime";
    public static final String LAST_MSG = "lastMsg";
    // Fields of the last message's map (LastMessageItem's properties).
    public static final String LAST_MSG_ID = "msgID";
    public static final String LAST_MSG_SUMMARY = "summary";
    public static final String LAST_MSG_RECALLED = "isRecalled";
    public static final String READ_SEQ = "readSeq";
    /** False while readSeq is only the baseline assumed at creation, true once a read point was set. */
    public static final String READ_EXPLICIT = "readExplicit";
    /** The unread count; absent when 0 (a read conversation's item is that much smaller). */
    public static final String UNREAD = "unread";
    /** Sequences of messages excluded from the unread count, above the read point (see ReadState). */
    public static final String EXCLUDED = "excl";
    /**
     * readSeq plus the excluded messages above it: a message's unread count is its seq minus this,
     * one subtraction, as an update expression allows (absent on items from before: readSeq).
     */
    public static final String UNREAD_BASE = "unreadBase";
    /** Epoch millis of the newest message known read: the last message when the read point reached it, or a clean time. */
    public static final String READ_TIME = "readTime";
    public static final String RECV_OPT = "recvOpt";
    public static final String AT_INFO = "atInfo";
    public static final String DRAFT_TEXT = "draftText";
    public static final String DRAFT_TIME = "draftTime";
    public static final String PINNED = "pinned";
    /** pinned * 2^52 + slot: orderKey minus the activity part (see OrderKeys). */
    public static final String ORDER_BASE = "orderBase";
    public static final String ORDER_KEY = "orderKey";
    public static final String SLOT = "slot";
    public static final String REMARK = "remark";
    public static final String LAST_CHANGE = "lastChange";
    /**
     * A conversation's version in its list: every write of the conversation raises it by one, a new
     * conversation starts above its last removal, and a removal record is one above the state it
     * removed. Devices keep the higher of two versions (Conversation.version); clocks play no part.
     */
    public static final String VERSION = "ver";
    /** The TTL attribute: epoch seconds of the last change plus the app's retention. */
    public static final String EXPIRES_AT = "expiresAt";
    // Settings (on the settings item and copied onto the conversation, see SettingsFields).
    public static final String MARKS = "marks";
    public static final String CUSTOM_DATA = "customData";
    public static final String GROUPS = "groups";
    public static final String SETTINGS_VER = "settingsVer";
    /** On a conversation brought back after a removal: the last seq it had then (older messages never count). */
    public static final String REMOVED_SEQ = "removedSeq";

    // Removal record attributes (besides lastSeq and expiresAt).
    public static final String REASON = "reason";
    public static final String REMOVED_AT = "removedAt";
    /** Set when TTL's consumer puts an item back as it was (a large group's conversation or removal record): not a new one. */
    public static final String RESTORED_AT = "restoredAt";
    /** Deleted with clearMessage: devices clear their messages of it (the service holds none). */
    public static final String CLEAR_MESSAGES = "clearMessages";
    /**
     * On a removal record: what messages that arrived while the conversation was away, and did not
     * bring it back (excluded from being the last message), still mean once it is back: the seqs
     * excluded from the unread count, and the @-mentions as "seq:atType".
     */
    public static final String DROPPED_EXCLUDED = "droppedExcl";
    public static final String DROPPED_AT = "droppedAt";

    // Group membership (an item per member, in the group's partition, so members can be listed) and the group's state.
    public static final String MEMBER = "member";
    /** The seq of the membership's last join or leave: a change with a lower one is older and changes nothing. */
    public static final String MEMBERSHIP_SEQ = "membershipSeq";
    public static final String MEMBER_COUNT = "memberCount";
    public static final String GROUP_STATE_SK = "state";
    /** The group's record of its messages (see domain.GroupActivity); lastSeq, lastTime, lastMsg and excl as on a conversation. */
    public static final String GROUP_MODE = "mode";
    public static final String RECORDED_AT = "recordedAt";
    public static final String AT_ALL = "atAll";
    public static final String SILENT_FROM = "silentFrom";
    public static final String SILENT_SEQ = "silentSeq";
    public static final String ACTIVE_SINCE = "activeSince";

    // The busiest users (BusiestUsers): a user's changes in a day, and the day's board with its version.
    public static final String ACTIVE_CHANGES = "changes";
    public static final String BOARD_USERS = "users";
    public static final String BOARD_VERSION = "v";

    // Conversation groups.
    public static final String GROUPS_BY_NAME = "byName";

    // Bookkeeping (meta) attributes.
    public static final String SLOTS = "slots";
    public static final String PINNED_COUNT = "pinnedCount";
    public static final String REV = "rev";
    /** How many peer-settings items the user has (capped, see Limits.PEER_SETTINGS_MAX). */
    public static final String SETTINGS_COUNT = "settingsCount";
    /** The large groups (GroupMode.MEMBERS) the list's owner is a member of: their conversations are caught up on reads. */
    public static final String LARGE_GROUPS = "lg";

    // Profiles and settings.
    public static final String NICKNAME = "nickname";
    public static final String FACE_URL = "faceUrl";
    public static final String GROUP_NAME = "groupName";
    public static final String NAME = "name";
    public static final String EDITION = "edition";
    public static final String CONVERSATION_LIMIT = "conversationLimit";
    public static final String RETENTION_DAYS = "retentionDays";
    /** When retentionDays last changed, and the lowest retention writers may have used while it settled (device sync's cursors). */
    public static final String RETENTION_CHANGED_AT = "retentionChangedAt";
    public static final String RETENTION_BEFORE = "retentionBefore";
    public static final String LARGE_GROUP_THRESHOLD = "largeGroupThreshold";
    public static final String UPDATED_AT = "updatedAt";
    public static final String ACTOR = "actor";
    public static final String FIELD = "field";
    public static final String OLD_VALUE = "oldValue";
    public static final String NEW_VALUE = "newValue";

    // Console sessions and sign-in attempts.
    public static final String ROLES = "roles";
    public static final String STARTED_AT = "startedAt";
    public static final String LAST_SEEN = "lastSeen";
    public static final String ENDS_AT = "endsAt";
    public static final String ENDED = "ended";
    public static final String ATTEMPTS = "attempts";
    public static final String WINDOW_ENDS = "windowEnds";
    public static final String SESSION_SK = "session";
    public static final String ATTEMPTS_SK = "attempts";

    /** The one local secondary index: sort key orderKey, all attributes; the list in order, one Query per page. */
    public static final String INDEX_BY_ORDER = "byOrder";

    public static final String META_SK = "meta";
    public static final String CONVERSATION_GROUPS_SK = "groups";
    /** Rewritten with every change of the conversation groups; its expiresAt puts the change in sync's time order, after the removal records. */
    public static final String CONVERSATION_GROUPS_CHANGED_SK = "y#groups";
    public static final String PROFILE_SK = "profile";
    public static final String SETTINGS_SK = "settings";
    public static final String AUDIT_SK_PREFIX = "audit#";
    public static final String APPS_PK = "apps";

    public static String userPk(String appId, String userId) {
        return "u#" + appId + "#" + userId;
    }

    /** Whose list a partition is. */
    public record Owner(String appId, String userId) {
    }

    /** The owner of a user's list from its partition key ({@code u#{app}#{user}}); null for any other partition. */
    public static Owner ownerOf(String pk) {
        if (pk == null || !pk.startsWith("u#")) {
            return null;
        }
        String[] parts = pk.split("#", -1); // IDs hold no '#' (Limits.ID_PATTERN)
        return parts.length == 3 ? new Owner(parts[1], parts[2]) : null;
    }

    public static String conversationSk(ConversationId id) {
        return "c#" + id;
    }

    public static final String CONVERSATION_SK_PREFIX = "c#";
    public static final String REMOVAL_SK_PREFIX = "x#";
    public static final String PEER_SETTINGS_SK_PREFIX = "s#";
    public static final String MEMBER_SK_PREFIX = "m#";

    public static String removalSk(ConversationId id) {
        return REMOVAL_SK_PREFIX + id;
    }

    public static String memberSk(String userId) {
        return MEMBER_SK_PREFIX + userId;
    }

    public static String peerSettingsSk(ConversationId id) {
        return PEER_SETTINGS_SK_PREFIX + id;
    }

    /** The conversation a conversation, removal or settings sort key names. */
    public static ConversationId conversationOf(String sk) {
        return ConversationId.parse(sk.substring(2));
    }

    public static String remarkSk(String friendUserId) {
        return "r#" + friendUserId;
    }

    public static String userProfilePk(String appId, String userId) {
        return "p#" + appId + "#" + userId;
    }

    public static String groupProfilePk(String appId, String groupId) {
        return "g#" + appId + "#" + groupId;
    }

    /**
     * Lists that hold one conversation ID are indexed in this many partitions, by the owner: a first
     * message to a 1,000-member group creates 1,000 entries at once, which one partition key would
     * have to absorb alone.
     */
    public static final int SHOWN_IN_SHARDS = 4;

    /** The partition of the "shown in" index for this conversation ID and owner. */
    public static String shownInPk(String appId, ConversationId id, String owner) {
        return shownInPk(appId, id, Math.floorMod(owner.hashCode(), SHOWN_IN_SHARDS));
    }

    public static String shownInPk(String appId, ConversationId id, int shard) {
        return "v#" + appId + "#" + id + "#" + shard;
    }

    public static String consoleSessionPk(String secretDigest) {
        return "console#session#" + secretDigest;
    }

    /** @param kind account or client */
    public static String signInAttemptsPk(String kind, String digest) {
        return "console#sign-in#" + kind + "#" + digest;
    }

    /** Whether a device of a user is connected to the live channel, and since when (DevicePresence). */
    public static final String CONNECTED = "connected";

    /** A user's devices on the live channel, an item per device (DevicePresence): apart from the list's partition. */
    public static String devicesPk(String appId, String userId) {
        return DEVICES_PK_PREFIX + appId + "#" + userId;
    }

    public static final String DEVICES_PK_PREFIX = "d#";
    public static final String DEVICE_SK_PREFIX = "device#";

    /** The user whose devices a partition holds ({@code d#{app}#{user}}); null for any other partition. */
    public static Owner deviceOwnerOf(String pk) {
        return pk != null && pk.startsWith(DEVICES_PK_PREFIX) ? ownerOf("u#" + pk.substring(DEVICES_PK_PREFIX.length())) : null;
    }

    /** An app's usage counters, kept from the table's change stream (UsageCounters). */
    public static String usagePk(String appId) {
        return "usage#" + appId;
    }

    public static String appPk(String appId) {
        return "app#" + appId;
    }
}
