package io.convlist.domain;

/**
 * The list order as one number: descending orderKey is exactly the list order, so paging by it
 * neither skips nor repeats.
 *
 * <pre>
 * orderKey = pinned * 2^52  +  activityMillis * 2^10  +  slot
 * </pre>
 * Pinned conversations come first; within each part the most recent activity first. The low 10
 * bits hold the conversation's slot: a number unique among the owner's stored conversations
 * (assigned at creation under the per-user cap, at most 500 are stored), so two conversations never
 * share an orderKey even when they change in the same millisecond. Activity is counted from
 * 2000-01-01 (the earliest timestamp a message may carry, see Limits) so that every accepted time
 * orders, and the whole key stays below 2^53 (exact in JSON and JavaScript) until 2139.
 */
public final class OrderKeys {
    public static final long EPOCH_MILLIS = Limits.TIMESTAMP_MIN_MILLIS; // 2000-01-01T00:00:00Z
    public static final int SLOT_BITS = 10;
    public static final int SLOT_COUNT = 1 << SLOT_BITS;
    public static final long PINNED_OFFSET = 1L << 52;

    private OrderKeys() {
    }

    /** The part of the key that moves with activity. */
    public static long activityPart(long activityMillis) {
        return Math.max(0, activityMillis - EPOCH_MILLIS) << SLOT_BITS;
    }

    /** The part of the key that stays while the conversation's pin state stays: pin bit and slot. */
    public static long basePart(boolean pinned, int slot) {
        return (pinned ? PINNED_OFFSET : 0) + slot;
    }

    public static long of(boolean pinned, int slot, long activityMillis) {
        return basePart(pinned, slot) + activityPart(activityMillis);
    }
}
