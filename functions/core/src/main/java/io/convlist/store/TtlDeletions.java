package io.convlist.store;

import java.time.Clock;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Keeps the lists exact when DynamoDB's TTL deletes conversations behind the application's back:
 * fed the table's stream records of removed items (a DynamoDB Streams consumer, e.g. a Lambda), it
 * leaves each deleted conversation's EXPIRED removal record and reconciles each affected list once
 * per batch. Both are idempotent, so a record delivered twice, or a deletion the application made
 * itself, does no harm.
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
     * @param principal    the record's userIdentity principalId; null where the backend sets none
     *                     (the local moto backend)
     * @param oldExpiresAt the removed item's {@link Keys#EXPIRES_AT}, from its old image; null if it had none
     * @param oldLastSeq   the removed item's {@link Keys#LAST_SEQ}, from its old image; null if it had none
     */
    public record Deletion(String pk, String sk, String principal, Long oldExpiresAt, Long oldLastSeq) {
    }

    /**
     * For every conversation TTL deleted: leaves its EXPIRED removal record (unless it is back in the
     * list), then reconciles each list that lost one. Where the record names no principal, a removed
     * conversation whose old image had expired is taken for a TTL deletion.
     *
     * @return the lists reconciled, as "app/user"
     */
    public Set<String> handle(List<Deletion> deletions) {
        Set<String> lists = new LinkedHashSet<>();
        long nowSecond = clock.millis() / 1000;
        for (Deletion d : deletions) {
            boolean conversation = d.pk() != null && d.pk().startsWith("u#") && d.sk() != null
                    && d.sk().startsWith(Keys.CONVERSATION_SK_PREFIX);
            boolean byTtl = d.principal() != null ? TTL_PRINCIPAL.equals(d.principal())
                    : d.oldExpiresAt() != null && d.oldExpiresAt() <= nowSecond;
            if (conversation && byTtl) {
                String[] owner = d.pk().split("#", 3); // u#{app}#{user}
                store.recordExpired(owner[1], owner[2], Keys.conversationOf(d.sk()),
                        d.oldExpiresAt() == null ? 0 : d.oldExpiresAt() * 1000, d.oldLastSeq() == null ? 0 : d.oldLastSeq());
                lists.add(d.pk());
            }
        }
        Set<String> reconciled = new LinkedHashSet<>();
        for (String pk : lists) {
            String[] owner = pk.split("#", 3);
            store.reconcile(owner[1], owner[2]);
            reconciled.add(owner[1] + "/" + owner[2]);
        }
        return reconciled;
    }
}
