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

    /** A large group's activity ({@code LargeGroupActivity}), for its members' devices: {@code convlist/APP/group/GROUP}. */
    public static String group(String appId, String groupId) {
        return ROOT + "/" + appId + "/group/" + groupId;
    }

    /**
     * A device's MQTT client ID: {@code APP/USER/SLOT}, SLOT 0 to max-connections-per-user − 1. IoT Core
     * closes the older connection of two with one client ID, so a user holds at most that many.
     */
    public static String clientId(String appId, String userId, int slot) {
        return appId + "/" + userId + "/" + slot;
    }

    /** A device's client ID read back: its app, user and slot. */
    public record Client(String appId, String userId, int slot) {
    }

    /** The app, user and slot a client ID names; null if it is not one of {@link #clientId}'s. */
    public static Client client(String clientId) {
        String[] parts = clientId == null ? new String[0] : clientId.split("/", -1);
        if (parts.length != 3 || parts[0].isEmpty() || parts[1].isEmpty() || !parts[2].matches("[0-9]{1,2}")) {
            return null;
        }
        return new Client(parts[0], parts[1], Integer.parseInt(parts[2]));
    }
}
