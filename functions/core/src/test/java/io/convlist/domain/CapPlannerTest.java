package io.convlist.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;

import io.convlist.domain.list.CapPlanner.Entry;
import io.convlist.domain.list.CapPlanner.Plan;
import io.convlist.domain.list.CapPlanner;
import org.junit.jupiter.api.Test;

class CapPlannerTest {
    static final long NOW = 1_000_000;

    static Entry live(int slot, long orderKey, boolean pinned) {
        return new Entry("c#" + slot, slot, orderKey, pinned, NOW + 100);
    }

    static Entry expired(int slot, long orderKey, long expiresAt) {
        return new Entry("c#" + slot, slot, orderKey, false, expiresAt);
    }

    @Test
    void plan_atLimit_evictsExpiredFirstThenLowestOrderKeyUnpinned() {
        List<Entry> stored = new ArrayList<>(List.of(live(0, 10, true), live(1, 5, false), live(2, 7, false),
                expired(3, 50, NOW - 5), expired(4, 60, NOW - 9)));
        Plan plan = CapPlanner.plan(stored, 4, 2, NOW);
        // 5 stored + 2 new - 4 = 3 to evict: the two expired (earliest expiry first), then the bottom unpinned.
        assertThat(plan.victims()).extracting(Entry::slot).containsExactly(4, 3, 1);
        assertThat(plan.slots()).containsExactlyInAnyOrder(0, 2);
        assertThat(plan.pinnedCount()).isEqualTo(1);
    }

    @Test
    void plan_belowLimit_evictsNothing_andReconcilesSlots() {
        Plan plan = CapPlanner.plan(List.of(live(7, 1, false), live(9, 2, true)), 100, 1, NOW);
        assertThat(plan.victims()).isEmpty();
        assertThat(plan.slots()).containsExactlyInAnyOrder(7, 9);
        assertThat(plan.pinnedCount()).isEqualTo(1);
    }

    @Test
    void plan_neverEvictsPinned_evenWhenPinnedAloneExceedTheLimit() {
        Plan plan = CapPlanner.plan(List.of(live(0, 1, true), live(1, 2, true)), 1, 1, NOW);
        assertThat(plan.victims()).isEmpty();
    }

    @Test
    void inSync_onlyWhenBookkeptSlotsAreExactlyTheStoredOnes() {
        List<Entry> stored = List.of(live(1, 1, false), live(2, 2, false));
        assertThat(CapPlanner.inSync(stored, Set.of(1, 2))).isTrue();
        assertThat(CapPlanner.inSync(stored, Set.of(1, 2, 3))).isFalse(); // a TTL deletion left slot 3
    }

    @Test
    void freeSlot_isNeverTaken() {
        SplittableRandom random = new SplittableRandom(1);
        Set<Integer> taken = new java.util.HashSet<>();
        for (int i = 0; i < 1000; i++) {
            int slot = CapPlanner.freeSlot(taken, random);
            assertThat(taken.add(slot)).isTrue();
            assertThat(slot).isBetween(0, 1023);
        }
    }
}
