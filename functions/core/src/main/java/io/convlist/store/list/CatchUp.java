package io.convlist.store.list;

import java.util.Collection;

/**
 * Brings a user's conversations of large groups up to date from the groups' records. The list
 * needs it (a page shows them current, an eviction chooses by their true order) but does not own
 * it: the groups' package implements it, and the store wires the two together.
 */
public interface CatchUp {
    /** @return true if anything was written (what the caller read before may be stale) */
    boolean bringUp(String appId, String owner, Collection<String> groupIds);
}
