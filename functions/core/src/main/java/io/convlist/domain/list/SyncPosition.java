package io.convlist.domain.list;

/**
 * Where a device's sync stands, and the rule that makes it miss no change.
 *
 * <p>Every change to a conversation sets its {@code lastChange} and its TTL attribute
 * {@code expiresAt = lastChange + retention} in the same conditional write, and removal records
 * carry {@code expiresAt = removal time + retention} too, so expiresAt already orders changes and
 * removals by time: sync reads the list's items in that order instead of keeping a counter (or an
 * index on that time) that every message would have to write. A round reads, from its start time
 * {@code since} minus an overlap
 * {@link #OVERLAP_MILLIS}:
 * <ol>
 * <li>EXPIRED: conversations whose retention ran out since then (expiresAt in
 * [since - overlap, round]), whether or not TTL deleted them yet;</li>
 * <li>CHANGED: conversations changed and records left since then (expiresAt at or above
 * since - overlap + retention).</li>
 * </ol>
 * The next round starts from this round's start. A write that commits after a round's read took its
 * time at most L before committing, on a clock at most S off; the round's time is at most S off the
 * other way. So its lastChange is above (round start - L - 2S), and an overlap of at least L + 2S
 * catches it next round. The store takes a write's time after the reads it depends on, so L is one
 * DynamoDB call, bounded by the client's call timeout (5 s); instance clocks are kept within 5 s;
 * the overlap, 30 s, leaves 15 s to spare. Changes inside the overlap are sent twice: a device
 * applies them as upserts.
 *
 * <p>A round read over several answers could pass the place a change committed meanwhile lands
 * in; such a change's place is at or above (round start - overlap + retention), the "band". So a
 * round is finished ({@code isFinished}) only if its last answer read the whole band at once (its
 * last page began at or below the band); otherwise the device is told to go on and the next round,
 * from this round's start, sends what the pages may have passed. The band holds what changed in
 * the overlap before the round and during it, so a device reading pages larger than that finishes
 * in one round, and any device finishes within one overlap after the last change. A cursor is valid while the records it
 * needs still exist (a retention since its start) and while the app's settings have not changed
 * since it began (a retention change re-times expiresAt); otherwise the device resyncs, once.
 *
 * @param since     FULL: when the full read began; EXPIRED/CHANGED: the start of the previous round
 * @param roundTime the start of this round (0 until the round's first read)
 * @param nextSeq   FULL: the list page to continue below (0: the top)
 * @param afterSk   EXPIRED/CHANGED: the place in time order to continue after (null: the range's start)
 */
public record SyncPosition(Phase phase, long since, long roundTime, long nextSeq, String afterSk, long afterExpiresAt) {
    public static final long OVERLAP_MILLIS = 30_000;
    private static final long DAY_MILLIS = 86_400_000L;

    public enum Phase {
        FULL, EXPIRED, CHANGED
    }

    /** A sync from nothing: the whole list in list order, then one round of what changed meanwhile. */
    public static SyncPosition fullFrom(long nowMillis) {
        return new SyncPosition(Phase.FULL, nowMillis, 0, 0, null, 0);
    }

    /** The next round of changes since {@code sinceMillis}. */
    public static SyncPosition changesSince(long sinceMillis) {
        return new SyncPosition(Phase.EXPIRED, sinceMillis, 0, 0, null, 0);
    }

    public SyncPosition continuingBelow(long orderKey) {
        return new SyncPosition(phase, since, roundTime, orderKey, null, 0);
    }

    public SyncPosition startingRound(long nowMillis) {
        return roundTime != 0 ? this : new SyncPosition(phase, since, nowMillis, 0, afterSk, afterExpiresAt);
    }

    /** The same round, continued in the next answer after this place in time order. */
    public SyncPosition after(String sk, long expiresAt) {
        return new SyncPosition(phase, since, roundTime, 0, sk, expiresAt);
    }

    public SyncPosition changedPhase() {
        return new SyncPosition(Phase.CHANGED, since, roundTime, 0, null, 0);
    }

    /** The round after this one: from this round's start. */
    public SyncPosition nextRound() {
        return changesSince(roundTime);
    }

    /** The first expiresAt (epoch seconds) a conversation expired since the round's overlap can have. */
    public long expiredFromSecond() {
        return Math.floorDiv(since - OVERLAP_MILLIS, 1000);
    }

    public long expiredToSecond() {
        return Math.floorDiv(roundTime, 1000);
    }

    /** The lowest expiresAt a conversation changed, or a record left, since the round's overlap can have. */
    public long changedFromSecond(int retentionDays) {
        return expiredFromSecond() + retentionDays * DAY_MILLIS / 1000;
    }

    /** Where a change committed during this round can land at the lowest: the band a finished round's last page must cover. */
    public long bandFromSecond(int retentionDays) {
        return Math.floorDiv(roundTime - OVERLAP_MILLIS, 1000) + retentionDays * DAY_MILLIS / 1000;
    }

    /** Where this page of the CHANGED phase begins. */
    public long pageFromSecond(int retentionDays) {
        return afterSk == null ? changedFromSecond(retentionDays) : afterExpiresAt;
    }

    /**
     * False when the device must start over: records of removals since the cursor may be gone
     * (older than a retention), or the app's retention changed after the cursor's window began (a
     * retention change re-times expiresAt). Other settings leave cursors alone, and a device that
     * started over after a change is never told again for that change ({@link RetentionHistory}).
     */
    public boolean isValidAt(long nowMillis, RetentionHistory retention) {
        return nowMillis < since - OVERLAP_MILLIS + retention.daysFor(since) * DAY_MILLIS && retention.keeps(since);
    }

    /** The retention this position's rounds read by. */
    public int retentionDays(RetentionHistory retention) {
        return retention.daysFor(since);
    }
}
