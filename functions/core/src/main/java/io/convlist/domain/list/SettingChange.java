package io.convlist.domain.list;

import java.util.Arrays;

import io.convlist.domain.ReceiveOpt;

/**
 * One change to a user's settings for a peer or group (kept outside the capped list, see
 * {@link PeerSetting}). Every change applies to the settings item and, if the conversation is in
 * the list, to its copy on the conversation.
 */
public sealed interface SettingChange {

    /** True if the change stores nothing for a peer that has no settings yet (it only clears). */
    boolean clearsOnly();

    /** The receive option; 0 (receive) is the default and clears it. */
    record ReceiveOpt(int opt) implements SettingChange {
        public boolean clearsOnly() {
            return opt == io.convlist.domain.ReceiveOpt.RECEIVE;
        }
    }

    /** Sets or clears these mark bits, leaving the others. */
    record Mark(long bits, boolean enable) implements SettingChange {
        public boolean clearsOnly() {
            return !enable;
        }
    }

    /** Replaces the custom data; empty clears it. */
    record CustomData(byte[] data) implements SettingChange {
        public boolean clearsOnly() {
            return data.length == 0;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof CustomData c && Arrays.equals(data, c.data);
        }

        @Override
        public int hashCode() {
            return Arrays.hashCode(data);
        }

        @Override
        public String toString() {
            return "CustomData[" + data.length + " bytes]";
        }
    }

    /** Puts the conversation in a conversation group (by the group's ID; a conversation may be in several). */
    record JoinGroup(String groupId) implements SettingChange {
        public boolean clearsOnly() {
            return false;
        }
    }

    /** Takes the conversation out of a conversation group. */
    record LeaveGroup(String groupId) implements SettingChange {
        public boolean clearsOnly() {
            return true;
        }
    }

    /**
     * Changes nothing but the version, so the conversation's copy is written again and devices are
     * sent it (its conversation group was renamed).
     */
    record Refresh() implements SettingChange {
        public boolean clearsOnly() {
            return true;
        }
    }
}
