package io.convlist.domain;

/**
 * How a group's messages reach its members' lists. RECIPIENTS: each message names its recipients and
 * writes each of their lists. MEMBERS (large groups): a message writes the group's record once, and a
 * member's list is brought up to date from it when that member's list is read or written.
 */
public enum GroupMode {
    RECIPIENTS, MEMBERS
}
