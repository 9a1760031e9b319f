package io.convlist.domain;

/** Why a conversation left its owner's cloud list. */
public enum RemovalReason {
    /** The owner (or the app's backend for the owner) deleted it. */
    DELETED,
    /** A new conversation needed its place at the list's limit; it was the least recently active unpinned one. */
    EVICTED,
    /** It had no change for the app's retention. */
    EXPIRED,
    /** The owner left the group, or was removed from it (removeGroupMembers). */
    LEFT_GROUP
}
