package io.convlist.store;

import static io.convlist.store.Keys.*;

import java.time.Clock;
import java.util.List;

import io.convlist.domain.AppSettings;
import io.convlist.domain.ConversationId;
import io.convlist.domain.Removal;
import io.convlist.domain.RemovalReason;
import software.amazon.awssdk.services.dynamodb.model.ConditionCheck;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

/**
 * Removal records outside the paths that write them with the removal itself (delete and eviction
 * do that in their own transactions): the record of a conversation TTL deleted, written by the
 * stream consumer, and the records of a list for operators.
 */
final class RemovalRecords {
    private final TableRequests table;
    private final Clock clock;
    private final AppSettingsStore settings;

    RemovalRecords(TableRequests table, Clock clock, AppSettingsStore settings) {
        this.table = table;
        this.clock = clock;
        this.settings = settings;
    }

    /**
     * Records that TTL deleted a conversation, unless it is back in the list already (a newer message
     * recreated it) or a newer record exists. One transaction: the conversation must be absent.
     *
     * @return true if the record was written
     */
    boolean recordExpired(String appId, String userId, ConversationId id, long expiredAtMillis, long lastSeq) {
        String pk = userPk(appId, userId);
        AppSettings app = settings.cached(appId);
        long now = clock.millis();
        Expr absent = new Expr();
        String conversationAbsent = "attribute_not_exists(" + absent.n(PK) + ")";
        Expr older = new Expr();
        String noNewerRecord = "attribute_not_exists(" + older.n(PK) + ") OR " + older.n(REMOVED_AT) + " < " + older.v(expiredAtMillis);
        Removal removal = new Removal(id, RemovalReason.EXPIRED, expiredAtMillis, lastSeq);
        try {
            table.transact(List.of(
                    TransactWriteItem.builder().conditionCheck(ConditionCheck.builder().tableName(table.table)
                            .key(Av.key(pk, conversationSk(id))).conditionExpression(conversationAbsent)
                            .expressionAttributeNames(absent.names()).build()).build(),
                    table.txPutIf(ConversationRows.removalRecord(pk, removal, now, app), older, noNewerRecord),
                    ShownIn.remove(table, pk, id)));
            return true;
        } catch (TransactionCanceledException backOrNewer) {
            return false;
        }
    }

    /** The list's removal records that have not expired, by conversation ID (one Query). */
    List<Removal> list(String appId, String userId) {
        long nowSecond = clock.millis() / 1000;
        Expr e = new Expr();
        String live = e.n(EXPIRES_AT) + " > " + e.v(nowSecond);
        return table.partOfList(userPk(appId, userId), REMOVAL_SK_PREFIX, e, live).stream().map(raw -> ConversationRows.toRemoval(ConversationRows.map(Schemas.REMOVAL, raw))).toList();
    }
}
