package io.convlist.testing;

import io.convlist.domain.Removal;
import io.convlist.store.ConversationStore;

/** What the store keeps of conversations that left a list, as tests look it up. */
public final class Records {
    private Records() {
    }

    /** The removal record of that conversation in the user's list, or null. */
    public static Removal removalOf(ConversationStore store, String app, String user, String conversationId) {
        return store.removals(app, user).stream().filter(r -> r.conversationId().toString().equals(conversationId))
                .findFirst().orElse(null);
    }
}
