package io.convlist.store;

import static io.convlist.store.Keys.*;

import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.convlist.domain.Conversation;
import io.convlist.domain.ConversationPage;
import io.convlist.domain.Removal;
import io.convlist.domain.RemovalReason;
import io.convlist.domain.SyncPage;
import io.convlist.domain.SyncPosition;
import io.convlist.domain.SyncPosition.Phase;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;

/**
 * Device sync of one list, following {@link SyncPosition}'s rule: a full read in list order, then
 * rounds of what expired, changed or was removed since the previous round, read from the byExpiry
 * index in time order. A message costs nothing extra for this: it writes expiresAt anyway.
 */
final class ListSync {
    private final TableRequests table;
    private final Clock clock;
    private final AppSettingsStore settings;
    private final ListReader reader;

    ListSync(TableRequests table, Clock clock, AppSettingsStore settings, ListReader reader) {
        this.table = table;
        this.clock = clock;
        this.settings = settings;
        this.reader = reader;
    }

    /**
     * One page of at most {@code count} entries from {@code at} (null: a full sync from nothing).
     * Full pages cost what list pages cost; a round costs one GetItem (the app's settings), one
     * Query per phase page and, for changes, one BatchGetItem of the changed items and their profiles.
     */
    SyncPage page(String appId, String userId, SyncPosition at, int count) {
        SyncPosition position = at == null ? SyncPosition.fullFrom(clock.millis()) : at;
        if (position.phase() == Phase.FULL) {
            // The groups first, read before the list: a change to them while the device pages is in the next round.
            List<String> groups = position.nextSeq() == 0
                    ? ConversationGroups.names(ConversationGroups.byName(table.get(ConversationGroups.key(userPk(appId, userId))))) : null;
            ConversationPage page = reader.list(appId, userId, position.nextSeq(), count);
            SyncPosition next = page.isFinished() ? SyncPosition.changesSince(position.since())
                    : position.continuingBelow(page.nextSeq());
            return new SyncPage(page.conversationList(), List.of(), next, false, false, groups);
        }
        AppSettingsStore.Versioned app = settings.cachedVersioned(appId);
        long now = clock.millis();
        if (!position.isValidAt(now, app.settings().retentionDays(), app.changedAtMillis())) {
            return SyncPage.resync();
        }
        String pk = userPk(appId, userId);
        SyncPosition round = position.startingRound(now);
        Answer answer = new Answer();
        if (round.phase() == Phase.EXPIRED) {
            QueryResponse expired = query(pk, round, count, round.expiredFromSecond(), round.expiredToSecond());
            for (Map<String, AttributeValue> entry : expired.items()) {
                if (entry.get(SK).s().startsWith(CONVERSATION_SK_PREFIX)) {
                    answer.removed(new Removal(conversationOf(entry.get(SK).s()), RemovalReason.EXPIRED,
                            Av.num(entry, EXPIRES_AT, 0) * 1000, 0));
                }
            }
            if (hasMore(expired)) {
                return answer.page(continueAfter(round, expired), false);
            }
            round = round.changedPhase();
            if (answer.size() >= count) {
                return answer.page(round, false);
            }
        }
        QueryResponse changes = query(pk, round, count - answer.size(), round.changedFromSecond(app.settings().retentionDays()), null);
        collectChanges(appId, pk, changes.items(), now, answer);
        if (hasMore(changes)) {
            return answer.page(continueAfter(round, changes), false);
        }
        // Finished if this last page read the whole band at once; else the next round sends what earlier pages may have passed.
        int retention = app.settings().retentionDays();
        return answer.page(round.nextRound(), round.pageFromSecond(retention) <= round.bandFromSecond(retention));
    }

    /**
     * One answer's entries in index (time) order, at most one per conversation: a later entry
     * replaces an earlier one (a conversation expired and then brought back within the same answer
     * is sent once, as it is now), so a device may apply {@code changed} and {@code removed} in any order.
     */
    private static final class Answer {
        private final Map<String, Object> latest = new LinkedHashMap<>();
        private List<String> groups;

        void groupsChanged(List<String> names) {
            groups = names;
        }

        void changed(Conversation c) {
            latest.remove(c.conversationID());
            latest.put(c.conversationID(), c);
        }

        void removed(Removal r) {
            latest.remove(r.conversationId().toString());
            latest.put(r.conversationId().toString(), r);
        }

        int size() {
            return latest.size();
        }

        SyncPage page(SyncPosition next, boolean finished) {
            List<Conversation> changed = new ArrayList<>();
            List<Removal> removed = new ArrayList<>();
            latest.values().forEach(v -> {
                if (v instanceof Conversation c) {
                    changed.add(c);
                } else {
                    removed.add((Removal) v);
                }
            });
            return new SyncPage(changed, removed, next, finished, false, groups);
        }
    }

    /**
     * Reads the changed conversations and removal records the index named, with the conversations'
     * profiles and the user's conversation groups (which also tell whether their marker changed).
     */
    private void collectChanges(String appId, String pk, List<Map<String, AttributeValue>> entries, long now, Answer answer) {
        List<Map<String, AttributeValue>> keys = new ArrayList<>(List.of(ConversationGroups.key(pk)));
        for (Map<String, AttributeValue> entry : entries) {
            String sk = entry.get(SK).s();
            if (sk.equals(CONVERSATION_GROUPS_CHANGED_SK)) {
                continue; // the groups item itself is read
            }
            keys.add(Av.key(pk, sk));
            if (sk.startsWith(CONVERSATION_SK_PREFIX)) {
                keys.add(ListReader.profileKey(appId, conversationOf(sk)));
            }
        }
        Map<String, Map<String, AttributeValue>> got = table.batchGet(keys);
        for (Map<String, AttributeValue> entry : entries) {
            String sk = entry.get(SK).s();
            if (sk.equals(CONVERSATION_GROUPS_CHANGED_SK)) {
                answer.groupsChanged(ConversationGroups.names(ConversationGroups.byName(got.get(TableRequests.keyString(ConversationGroups.key(pk))))));
                continue;
            }
            Map<String, AttributeValue> raw = got.get(TableRequests.keyString(Av.key(pk, sk)));
            if (raw == null) {
                continue; // gone since the index was read: its removal or return is further on
            }
            if (sk.startsWith(REMOVAL_SK_PREFIX)) {
                answer.removed(ConversationRows.toRemoval(ConversationRows.map(Schemas.REMOVAL, raw)));
                continue;
            }
            ConversationItem item = ConversationRows.conversation(raw);
            if (ConversationRows.isLive(item, now)) {
                answer.changed(reader.present(appId, item, got));
            } else {
                answer.removed(ConversationRows.removalOf(item, RemovalReason.EXPIRED, now));
            }
        }
    }

    /** One page of the list's byExpiry index in time order, from {@code fromSecond} (to {@code toSecond} if set). */
    private QueryResponse query(String pk, SyncPosition at, int limit, long fromSecond, Long toSecond) {
        Expr e = new Expr();
        String key = e.n(PK) + " = " + e.v(pk) + " AND " + e.n(EXPIRES_AT)
                + (toSecond == null ? " >= " + e.v(fromSecond) : " BETWEEN " + e.v(fromSecond) + " AND " + e.v(toSecond));
        QueryRequest.Builder request = QueryRequest.builder().tableName(table.table).indexName(INDEX_BY_EXPIRY)
                .keyConditionExpression(key).expressionAttributeNames(e.names()).expressionAttributeValues(e.values())
                .consistentRead(true).limit(limit);
        if (at.afterSk() != null) {
            request.exclusiveStartKey(Map.of(PK, Av.s(pk), SK, Av.s(at.afterSk()), EXPIRES_AT, Av.n(at.afterExpiresAt())));
        }
        return Dynamo.call(() -> table.ddb.query(request.build()));
    }

    private static boolean hasMore(QueryResponse r) {
        return r.hasLastEvaluatedKey() && !r.lastEvaluatedKey().isEmpty();
    }

    private static SyncPosition continueAfter(SyncPosition at, QueryResponse r) {
        Map<String, AttributeValue> last = r.lastEvaluatedKey();
        return at.after(last.get(SK).s(), Av.num(last, EXPIRES_AT, 0));
    }
}
