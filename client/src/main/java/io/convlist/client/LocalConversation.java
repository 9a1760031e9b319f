package io.convlist.client;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import io.convlist.client.wire.Conversation;
import io.convlist.client.wire.Removed;

/**
 * A conversation of the device's local list: its last state from the cloud, and whether the cloud
 * still holds it. The local list has no cap: a conversation the cloud evicted or let expire stays
 * here ({@link Where#ONLY_ON_DEVICE}, with why and when) until the user deletes it; one the user
 * deleted on any device, or a group left, is gone ({@link Where#GONE}: kept as a marker only, so that
 * an older state arriving late cannot bring it back).
 *
 * @param state       its last state from the cloud (null for a marker of a conversation never seen)
 * @param version     the highest version seen of it, by state or by removal
 * @param leftBecause why it left the cloud (a removal's reason; null while in the cloud, or when a
 *                    resync found it gone without saying why)
 * @param leftAt      when it left the cloud (epoch ms; 0 if not known)
 * @param unconfirmed a resync is under way and has not listed it yet
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record LocalConversation(String conversationID, Conversation state, long version, Where where, String leftBecause, long leftAt,
        boolean unconfirmed) {

    /** Where a conversation of the local list is. */
    public enum Where {
        IN_CLOUD, ONLY_ON_DEVICE, GONE
    }

    static LocalConversation inCloud(Conversation state) {
        return new LocalConversation(state.conversationID(), state, state.version(), Where.IN_CLOUD, null, 0, false);
    }

    /** After a removal: kept on the device (evicted, expired) or gone (deleted, left). */
    LocalConversation removedBy(Removed r) {
        return new LocalConversation(conversationID, state, Math.max(version, r.version()),
                r.keptOnDevice() && state != null ? Where.ONLY_ON_DEVICE : Where.GONE, r.reason(), r.time(), false);
    }

    LocalConversation unconfirmed(boolean flag) {
        return new LocalConversation(conversationID, state, version, where, leftBecause, leftAt, flag);
    }

    /** A resync ended without the cloud listing it: it is not in the cloud any more, for a reason not known. */
    LocalConversation notListed() {
        return new LocalConversation(conversationID, state, version, Where.ONLY_ON_DEVICE, null, 0, false);
    }

    /** Shown by the local list's reads (in the cloud, or kept on the device). */
    @JsonIgnore
    public boolean shown() {
        return where != Where.GONE && state != null;
    }

    @JsonIgnore
    public boolean onlyOnDevice() {
        return where == Where.ONLY_ON_DEVICE;
    }
}
