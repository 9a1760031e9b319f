package io.convlist.store;

import java.time.Clock;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.convlist.store.table.Av;
import io.convlist.store.table.Keys;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Keeps the lists exact when DynamoDB's TTL deletes conversations behind the application's back:
 * fed the table's stream records of removed items (a DynamoDB Streams consumer, e.g. a Lambda), it
 * leaves each deleted conversation's EXPIRED removal record (or, for a large group's conversation
 * that its group's messages kept alive, puts it back) and reconciles each affected list once per
 * batch. Both are idempotent, so a record delivered twice, or a deletion the application made
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
     * @param principal the record's userIdentity principalId; null where the backend sets none (the
     *                  local moto backend)
     * @param oldImage  the removed item as it was (empty if the record has no old image)
     */
    public record Deletion(String pk, String sk, String principal, Map<String, AttributeValue> oldImage) {
        /** The removed item's {@link Keys#EXPIRES_AT}; null if it had none. */
        public Long oldExpiresAt() {
            return oldImage.containsKey(Keys.EXPIRES_AT) ? Av.num(oldImage, Keys.EXPIRES_AT, 0) : null;
        }
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
            Keys.Owner owner = Keys.ownerOf(d.pk());
            boolean conversation = owner != null && d.sk() != null && d.sk().startsWith(Keys.CONVERSATION_SK_PREFIX);
            boolean byTtl = d.principal() != null ? TTL_PRINCIPAL.equals(d.principal())
                    : d.oldExpiresAt() != null && d.oldExpiresAt() <= nowSecond;
            boolean removalRecord = owner != null && d.sk() != null && d.sk().startsWith(Keys.REMOVAL_SK_PREFIX);
            if (removalRecord && byTtl) {
                store.removalExpiredByTtl(owner.appId(), owner.userId(), Keys.conversationOf(d.sk()), d.oldImage());
            }
            if (conversation && byTtl) {
                store.expiredByTtl(owner.appId(), owner.userId(), Keys.conversationOf(d.sk()), d.oldImage());
                lists.add(d.pk());
            }
        }
        Set<String> reconciled = new LinkedHashSet<>();
        for (String pk : lists) {
            Keys.Owner owner = Keys.ownerOf(pk);
            store.reconcile(owner.appId(), owner.userId());
            reconciled.add(owner.appId() + "/" + owner.userId());
        }
        return reconciled;
    }
}
