package io.convlist.ttl;

import java.time.Clock;

import io.convlist.store.ConversationStore;
import io.convlist.store.TtlDeletions;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

/** The TTL deletion handling, on the store the runtime module builds (the functions' table, CONVLIST_TABLE). */
@Singleton
public class TtlConsumerProducers {

    @Produces
    @Singleton
    TtlDeletions ttlDeletions(ConversationStore store, Clock clock) {
        return new TtlDeletions(store, clock);
    }
}
