package io.convlist.view;

/**
 * Where AWS IoT Core carries the live events, and the client IDs a user's devices connect with (the
 * publisher, the authorizer and the deployment's permissions all name them from here). IDs
 * hold no '/', '+' or '#' (Limits.ID_PATTERN), so each name below belongs to exactly one list.
 */
public final class LiveTopics {
    /** Every live topic is under this one: {@code convlist/#}. */
    public static final String ROOT = "convlist";

    private LiveTopics() {
    }

    /** A user's list's events: {@code convlist/APP/user/USER}. */
    public static String user(String appId, String userId) {
        return ROOT + "/" + appId + "/user/" + userId;
    }

    /**
     * A device's MQTT client ID: {@code APP/USER/SLOT}, SLOT 0 to max-connections-per-user − 1. IoT Core
     * closes the older connection of two with one client ID, so a user holds at most that many.
     */
    public static String clientId(String appId, String userId, int slot) {
        return appId + "/" + userId + "/" + slot;
    }
}
