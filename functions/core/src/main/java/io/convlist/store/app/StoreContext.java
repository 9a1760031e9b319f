package io.convlist.store.app;

import java.time.Clock;

import io.convlist.store.table.ParallelWrites;
import io.convlist.store.table.TableRequests;

/**
 * What every part of the store works with: the table's requests, the service's clock, the apps'
 * settings and the pool that runs independent writes in parallel. The facade makes one and hands it
 * to each part.
 */
public record StoreContext(TableRequests table, Clock clock, AppSettingsStore settings, ParallelWrites parallel) {
}
