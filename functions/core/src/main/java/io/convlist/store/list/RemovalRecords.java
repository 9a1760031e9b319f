package io.convlist.store.list;

import static io.convlist.store.table.Keys.*;

import java.util.List;

import io.convlist.domain.AppSettings;
import io.convlist.domain.ConversationId;
import io.convlist.domain.Removal;
import io.convlist.domain.RemovalReason;
import io.convlist.store.app.StoreContext;
import io.convlist.store.app.StorePart;
import io.convlist.store.item.Schemas;
import io.convlist.store.table.Av;
import io.convlist.store.table.Expr;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

/**
 * Removal records outside the paths that write them with the removal itself (delete and eviction
 * do that in their own transactions): the record of a conversation TTL deleted, written by the
 * stream consumer, the record of a group left whose conversation the list did not hold, and the
 * records of a list for operators.
 */
public final class RemovalRecords extends StorePart {

    public RemovalRecords(StoreContext context) {
        super(context);
    }

    /**
     * Records that TTL deleted a conversation, unless it is back in the list already (a newer message
     * recreated it) or a newer record exists.
     *
     * @return true if the record was written
     */
    public boolean recordExpired(String appId, String userId, ConversationId id, long expiredAtMillis, long lastSeq, long expiredVersion) {
        Expr older = new Expr();
        String noNewerRecord = older.where("attribute_not_exists(#PK) OR #REMOVED_AT < :expiredAt", "expiredAt", expiredAtMillis);
        return recordIfNotInList(appId, userId, new Removal(id, RemovalReason.EXPIRED, expiredAtMillis, lastSeq).removing(expiredVersion),
                clock.millis(), false,
                older, noNewerRecord);
    }

    /**
     * Records that the user left a group whose conversation the list does not hold (or holds expired),
     * unless a record with a later seq exists: no message at or below {@code seq} brings it back.
     */
    public void recordLeft(String appId, String userId, ConversationId id, long seq) {
        Expr older = new Expr();
        String noLaterRecord = older.where("attribute_not_exists(#PK) OR #LAST_SEQ < :seq", "seq", seq);
        long now = clock.millis();
        // The list does not hold it (or holds it expired: written a retention ago at least), so a version
        // from now is above its states (see ConversationRows.firstVersion).
        Removal left = new Removal(id, RemovalReason.LEFT_GROUP, now, seq).removing(now * 1000);
        recordIfNotInList(appId, userId, left, now, true, older, noLaterRecord);
    }

    /**
     * One transaction: the conversation must be absent (or, if {@code orExpired}, expired), the record
     * is put if {@code condition} holds for the one it replaces, and the "shown in" entry goes.
     *
     * @return false if the conversation is in the list or the condition failed (nothing written)
     */
    private boolean recordIfNotInList(String appId, String userId, Removal removal, long now, boolean orExpired, Expr e,
            String condition) {
        String pk = userPk(appId, userId);
        AppSettings app = settings.cached(appId);
        Expr absent = new Expr();
        String notInList = orExpired ? absent.where("attribute_not_exists(#PK) OR #EXPIRES_AT <= :now", "now", now / 1000)
                : absent.where("attribute_not_exists(#PK)");
        try {
            table.transact(List.of(table.txConditionCheck(Av.key(pk, conversationSk(removal.conversationId())), absent, notInList),
                    table.txPutIf(ConversationRows.removalRecord(pk, removal, now, app), e, condition),
                    ShownIn.remove(table, pk, removal.conversationId())));
            return true;
        } catch (TransactionCanceledException backOrNewer) {
            return false;
        }
    }

    /** The list's removal records that have not expired, by conversation ID (one Query). */
    public List<Removal> list(String appId, String userId) {
        long nowSecond = clock.millis() / 1000;
        Expr e = new Expr();
        String live = e.where("#EXPIRES_AT > :now", "now", nowSecond);
        return table.partOfList(userPk(appId, userId), REMOVAL_SK_PREFIX, e, live).stream()
                .map(raw -> ConversationRows.toRemoval(ConversationRows.map(Schemas.REMOVAL, raw))).toList();
    }
}
