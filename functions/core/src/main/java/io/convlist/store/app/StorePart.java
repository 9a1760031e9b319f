package io.convlist.store.app;

import java.time.Clock;

import io.convlist.store.table.ParallelWrites;
import io.convlist.store.table.TableRequests;

/** A part of the store: it keeps the {@link StoreContext}'s pieces as its own fields. */
public abstract class StorePart {
    protected final TableRequests table;
    protected final Clock clock;
    protected final AppSettingsStore settings;
    protected final ParallelWrites parallel;

    protected StorePart(StoreContext context) {
        this.table = context.table();
        this.clock = context.clock();
        this.settings = context.settings();
        this.parallel = context.parallel();
    }
}
