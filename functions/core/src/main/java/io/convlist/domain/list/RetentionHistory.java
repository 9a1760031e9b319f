package io.convlist.domain.list;

/**
 * An app's retention as device sync needs it: the days now, and its last change. Every write sets
 * {@code expiresAt = change time + retention}, so sync's positions are times read through the
 * retention; a change re-times the writes after it. Writers hold cached settings for up to a minute,
 * so for a while after a change both retentions are in use.
 *
 * @param days           the retention now
 * @param changedAtMillis when it last changed; 0 if it never did (a new app, or one still on the defaults' retention)
 * @param lowestBefore   the lowest retention writers may still have used while the change settled (the
 *                       one before it, or lower if that one had not settled either)
 */
public record RetentionHistory(int days, long changedAtMillis, int lowestBefore) {
    /** How long after a change writers may still use the retention before it: the longest settings cache, plus a round's overlap. */
    public static final long SETTLING_MILLIS = 60_000 + SyncPosition.OVERLAP_MILLIS;

    public static RetentionHistory unchanged(int days) {
        return new RetentionHistory(days, 0, days);
    }

    /** The history after the retention becomes {@code nextDays} at {@code nowMillis} (itself if the days are the same). */
    public RetentionHistory changedTo(int nextDays, long nowMillis) {
        if (nextDays == days) {
            return this;
        }
        int lowest = settlingAt(nowMillis) ? Math.min(days, lowestBefore) : days;
        return new RetentionHistory(nextDays, nowMillis, lowest);
    }

    /**
     * Whether a sync position whose window began at {@code sinceMillis} still means what it meant: one that
     * began before the last change does not (its earlier rounds read by another retention), so its device
     * starts over once; one that began after it stays valid, whatever the retention.
     */
    public boolean keeps(long sinceMillis) {
        return changedAtMillis == 0 || sinceMillis >= changedAtMillis;
    }

    /**
     * The retention a position whose window began at {@code sinceMillis} reads by: while the change settles,
     * the lower of the two, so that what a writer with either one wrote in the window is read.
     */
    public int daysFor(long sinceMillis) {
        return changedAtMillis != 0 && sinceMillis - SyncPosition.OVERLAP_MILLIS < changedAtMillis + SETTLING_MILLIS
                ? Math.min(days, lowestBefore) : days;
    }

    private boolean settlingAt(long nowMillis) {
        return changedAtMillis != 0 && nowMillis < changedAtMillis + SETTLING_MILLIS + SyncPosition.OVERLAP_MILLIS;
    }
}
