package io.convlist.client.wire;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * A conversation that left the cloud list: why (DELETED, EVICTED, EXPIRED, LEFT_GROUP), when, and its
 * version, above every state it removed.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record Removed(String conversationID, String reason, long time, boolean clearMessage, long version) {
    public static final String DELETED = "DELETED";
    public static final String EVICTED = "EVICTED";
    public static final String EXPIRED = "EXPIRED";
    public static final String LEFT_GROUP = "LEFT_GROUP";

    /** Evicted at the cap or expired: the cloud let it go, the user did not; a device keeps it. */
    public boolean keptOnDevice() {
        return EVICTED.equals(reason) || EXPIRED.equals(reason);
    }
}
