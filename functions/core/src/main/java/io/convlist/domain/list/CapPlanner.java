package io.convlist.domain.list;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.random.RandomGenerator;

import io.convlist.domain.OrderKeys;

/**
 * The per-user cap, as pure decisions over what the store read.
 *
 * <p>The list's bookkeeping holds {@code slots}: the set of slot numbers of the user's stored
 * conversations. Creating a conversation adds a free slot in the same transaction as the item, on
 * the condition that the set is smaller than the limit, so the cap holds under any number of
 * concurrent writers without locks. TTL deletes items behind the application's back and leaves
 * their slots in the set: the set is then an upper bound of what is stored, never less, so the
 * cap is never exceeded. When the set is full, the creating writer reads the whole list's small
 * index entries and replaces the set with the exact one (its transaction is conditioned on the
 * bookkeeping's revision), evicting what it must.
 */
public final class CapPlanner {
    private CapPlanner() {
    }

    /** One stored conversation as the list's small index shows it. */
    public record Entry(String sk, int slot, long orderKey, boolean pinned, long expiresAt) {
        public boolean liveAt(long nowSecond) {
            return expiresAt > nowSecond;
        }
    }

    /**
     * What a writer must do so that after it the list holds at most {@code limit} items, with
     * {@code adding} new ones.
     *
     * @param victims     conversations to delete: expired ones first (they are invisible already),
     *                    then the least recently active unpinned ones (the bottom of the list)
     * @param slots       the exact slot set after the deletions (before adding)
     * @param pinnedCount live pinned conversations that remain
     */
    public record Plan(List<Entry> victims, Set<Integer> slots, int pinnedCount) {
    }

    /** Who goes first when room is needed: expired ones (invisible already), then the bottom of the list. */
    public static List<Entry> evictionOrder(List<Entry> stored, long nowSecond) {
        List<Entry> candidates = new ArrayList<>();
        stored.stream().filter(e -> !e.liveAt(nowSecond))
                .sorted(Comparator.comparingLong(Entry::expiresAt)).forEach(candidates::add);
        stored.stream().filter(e -> e.liveAt(nowSecond) && !e.pinned())
                .sorted(Comparator.comparingLong(Entry::orderKey)).forEach(candidates::add);
        return candidates;
    }

    /** True when the bookkeeping names exactly the stored conversations (no TTL deletion since). */
    public static boolean inSync(List<Entry> stored, Set<Integer> bookkeptSlots) {
        Set<Integer> storedSlots = new HashSet<>();
        stored.forEach(e -> storedSlots.add(e.slot()));
        return storedSlots.size() == stored.size() && storedSlots.equals(bookkeptSlots);
    }

    public static Plan plan(List<Entry> stored, int limit, int adding, long nowSecond) {
        int excess = Math.max(0, stored.size() + adding - limit);
        List<Entry> candidates = evictionOrder(stored, nowSecond);
        List<Entry> victims = List.copyOf(candidates.subList(0, Math.min(excess, candidates.size())));
        Set<Integer> slots = new HashSet<>();
        int pinned = 0;
        for (Entry e : stored) {
            if (!victims.contains(e)) {
                slots.add(e.slot());
                if (e.pinned() && e.liveAt(nowSecond)) {
                    pinned++;
                }
            }
        }
        return new Plan(victims, slots, pinned);
    }

    /** True when the plan changes nothing: no victims and the bookkeeping already says what it says. */
    public static boolean isExact(Plan plan, Set<Integer> bookkeptSlots, long bookkeptPinned) {
        return plan.victims().isEmpty() && plan.slots().equals(bookkeptSlots) && plan.pinnedCount() == bookkeptPinned;
    }

    /** A free slot, picked at random so that concurrent creators rarely pick the same one. */
    public static int freeSlot(Set<Integer> taken, RandomGenerator random) {
        int free = OrderKeys.SLOT_COUNT - taken.size();
        if (free <= 0) {
            throw new IllegalStateException("no free slot");
        }
        int skip = random.nextInt(free);
        for (int slot = 0; slot < OrderKeys.SLOT_COUNT; slot++) {
            if (!taken.contains(slot) && skip-- == 0) {
                return slot;
            }
        }
        throw new IllegalStateException("no free slot");
    }
}
