package io.convlist.store.list;

/**
 * A list's bookkeeping next to what is stored, for tests, the console and operators.
 *
 * @param bookkeptSlots conversations the bookkeeping counts (an upper bound until reconciled after TTL deletions)
 * @param stored        conversation items stored, expired or not
 * @param live          stored conversations that have not expired
 */
public record ListState(int bookkeptSlots, int pinnedCount, int stored, int live) {
}
