package io.convlist.store;

import java.time.Clock;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Keeps the lists' bookkeeping exact when DynamoDB's TTL deletes conversations behind the
 * application's back: fed the table's stream records of removed items (a DynamoDB Streams consumer,
 * e.g. a Lambda), it reconciles each affected list once per batch. Reconciling is idempotent, so a
 * record delivered twice, or a deletion the application made itself, does no harm.
 */
public final class TtlDeletions {
    /** The principal DynamoDB's TTL deletions carry in a stream record's userIdentity. */
    public static final String TTL_PRINCIPAL = "dynamodb.amazonaws.com";

    private final ConversationStore store;
    private final Clock clock;

    public TtlDeletions(ConversationStore store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    /**
     * One REMOVE record of the stream, reduced to what this needs.
     *
     * @param principal  the record's userIdentity principalId; null where the backend sets none
     *                   (the local moto backend)
     * @param oldExpiresAt the removed item's {@link Keys#EXPIRES_AT}, from its old image; null if it had none
     */
    public record Removal(String pk, String sk, String principal, Long oldExpiresAt) {
    }

    /**
     * Reconciles every list that lost a conversation to TTL. Where the record names no principal,
     * a removed conversation whose old image had expired is taken for a TTL deletion.
     *
     * @return the lists reconciled, as "app/user"
     */
    public Set<String> handle(List<Removal> removals) {
        Set<String> lists = new LinkedHashSet<>();
        long nowSecond = clock.millis() / 1000;
        for (Removal r : removals) {
            boolean conversation = r.pk() != null && r.pk().startsWith("u#") && r.sk() != null
                    && r.sk().startsWith(Keys.CONVERSATION_SK_PREFIX);
            boolean byTtl = r.principal() != null ? TTL_PRINCIPAL.equals(r.principal())
                    : r.oldExpiresAt() != null && r.oldExpiresAt() <= nowSecond;
            if (conversation && byTtl) {
                lists.add(r.pk());
            }
        }
        Set<String> reconciled = new LinkedHashSet<>();
        for (String pk : lists) {
            String[] parts = pk.split("#", 3); // u#{app}#{user}
            store.reconcile(parts[1], parts[2]);
            reconciled.add(parts[1] + "/" + parts[2]);
        }
        return reconciled;
    }
}
