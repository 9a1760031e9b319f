package io.convlist.domain;

import static org.assertj.core.api.Assertions.assertThat;

import io.convlist.domain.list.RetentionHistory;
import io.convlist.domain.list.SyncPosition;
import org.junit.jupiter.api.Test;

/** Which cursors a retention change invalidates, and by which retention the others read. */
class RetentionHistoryTest {
    private static final long T = 1_800_000_000_000L;
    private static final long DAY = 86_400_000L;

    @Test
    void aRetentionThatNeverChanged_keepsEveryCursor() {
        RetentionHistory never = RetentionHistory.unchanged(7);
        assertThat(never.keeps(0)).isTrue();
        assertThat(never.daysFor(T)).isEqualTo(7);
        assertThat(never.changedTo(7, T)).isEqualTo(never);
        assertThat(SyncPosition.fullFrom(T).isValidAt(T + 1, never)).isTrue();
    }

    @Test
    void aChange_endsCursorsFromBeforeIt_butNotTheOnesDevicesStartOverWith() {
        RetentionHistory raised = RetentionHistory.unchanged(3).changedTo(10, T);
        assertThat(raised.keeps(T - 1)).isFalse();
        assertThat(raised.keeps(T)).isTrue();
        // A device told to start over at any time after the change is never told again for it.
        for (long restart = T; restart < T + 10 * RetentionHistory.SETTLING_MILLIS; restart += 7_000) {
            SyncPosition fresh = SyncPosition.fullFrom(restart);
            for (long later = restart; later < restart + 600_000; later += 30_000) {
                assertThat(fresh.isValidAt(later, raised)).as("started at +%d ms, asked at +%d ms", restart - T, later - T).isTrue();
            }
        }
    }

    @Test
    void whileAChangeSettles_cursorsReadByTheLowerRetention_soWhatAStaleWriterWroteIsRead() {
        RetentionHistory raised = RetentionHistory.unchanged(3).changedTo(10, T);
        assertThat(raised.daysFor(T + 10_000)).isEqualTo(3);
        assertThat(raised.daysFor(T + RetentionHistory.SETTLING_MILLIS + SyncPosition.OVERLAP_MILLIS)).isEqualTo(10);
        // A write at T + 20 s by an instance whose cached settings still say 3 days lands at T + 20 s + 3 days:
        // a round from T + 10 s reads from (T + 10 s - overlap + its retention), which must be at or below it.
        long since = T + 10_000;
        long staleWrite = T + 20_000 + 3 * DAY;
        assertThat(SyncPosition.changesSince(since).changedFromSecond(raised.daysFor(since)) * 1000).isLessThanOrEqualTo(staleWrite);
        RetentionHistory lowered = RetentionHistory.unchanged(10).changedTo(3, T);
        assertThat(lowered.daysFor(T + 10_000)).isEqualTo(3);
    }

    @Test
    void twoChangesInQuickSuccession_keepTheLowestEitherWriterMayUse() {
        RetentionHistory twice = RetentionHistory.unchanged(2).changedTo(7, T).changedTo(10, T + 20_000);
        assertThat(twice.lowestBefore()).isEqualTo(2);
        assertThat(twice.daysFor(T + 30_000)).isEqualTo(2);
        RetentionHistory apart = RetentionHistory.unchanged(2).changedTo(7, T).changedTo(10, T + DAY);
        assertThat(apart.lowestBefore()).isEqualTo(7);
    }
}
