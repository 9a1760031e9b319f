package io.convlist.store.list;

import static io.convlist.store.table.Keys.*;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.convlist.domain.Removal;
import io.convlist.domain.RemovalReason;
import io.convlist.view.Conversation;
import io.convlist.view.ConversationPage;
import io.convlist.view.SyncPage;
import io.convlist.domain.list.SyncPosition.Phase;
import io.convlist.domain.list.SyncPosition;
import io.convlist.store.app.AppSettingsStore;
import io.convlist.store.app.StoreContext;
import io.convlist.store.app.StorePart;
import io.convlist.store.item.ConversationItem;
import io.convlist.store.item.Schemas;
import io.convlist.store.table.Av;
import io.convlist.store.table.Expr;
import io.convlist.store.table.TableRequests;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Device sync of one list, following {@link SyncPosition}'s rule: a full read in list order, then
 * rounds of what expired, changed or was removed since the previous round, in time order
 * ({@link ChangeOrder}) from the list's items. A message costs nothing extra for this: it writes
 * expiresAt anyway.
 */
public final class ListSync extends StorePart {

    public ListSync(StoreContext context) {
        super(context);
    }

    /** Where a sync from {@code at} starts: a full sync from now when there is no position. */
    public SyncPosition start(SyncPosition at) {
        return at == null ? SyncPosition.fullFrom(clock.millis()) : at;
    }

    /**
     * A full sync's conversation groups: read on its first page, before the list, so that a change to
     * them while the device pages is in the next round (one GetItem); null on later pages.
     */
    public List<String> groupsAtStart(String appId, String userId, SyncPosition position) {
        return position.nextSeq() == 0
                ? ConversationGroupNames.names(ConversationGroupNames.byName(table.get(ConversationGroupNames.key(userPk(appId, userId))))) : null;
    }

    /** A full sync's page: a page of the list (read as list pages are), then the changes since the sync began. */
    public static SyncPage fullPage(SyncPosition position, List<String> groups, ConversationPage page) {
        SyncPosition next = page.isFinished() ? SyncPosition.changesSince(position.since()) : position.continuingBelow(page.nextSeq());
        return new SyncPage(page.conversationList(), List.of(), next, false, false, groups);
    }

    /**
     * One page of a round of changes, at most {@code count} entries from {@code position}: one Query of
     * the conversations, one of the removal records (for changes), and one BatchGetItem of the changed
     * conversations' profiles. The first Query also reads the owner's large groups, which the read
     * reports as possibly behind: the round is read again once they are brought up to date.
     */
    public ListRead<SyncPage> round(String appId, String userId, SyncPosition position, int count) {
        AppSettingsStore.Versioned app = settings.cachedVersioned(appId);
        long now = clock.millis();
        if (!position.isValidAt(now, app.retention())) {
            return ListRead.of(SyncPage::resync);
        }
        String pk = userPk(appId, userId);
        SyncPosition start = position.startingRound(now);
        int retention = start.retentionDays(app.retention());
        long conversationsFrom = start.phase() == Phase.EXPIRED ? start.expiredFromSecond() : start.changedFromSecond(retention);
        Expr e = new Expr();
        ListAndGroups read = ListAndGroups.of(table.conversationsAndMeta(pk, e, e.where("#EXPIRES_AT >= :from", "from", conversationsFrom)));
        return new ListRead<>(() -> roundPage(appId, pk, start, count, now, retention, read.conversations()), read.largeGroups(), false);
    }

    private SyncPage roundPage(String appId, String pk, SyncPosition start, int count, long now, int retention,
            List<Map<String, AttributeValue>> conversations) {
        SyncPosition round = start;
        Answer answer = new Answer();
        if (round.phase() == Phase.EXPIRED) {
            ChangeOrder.Slice expired = new ChangeOrder(conversations).slice(round, count, round.expiredFromSecond(),
                    round.expiredToSecond());
            for (Map<String, AttributeValue> item : expired.items()) {
                answer.removed(new Removal(conversationOf(item.get(SK).s()), RemovalReason.EXPIRED, Av.num(item, EXPIRES_AT, 0) * 1000, 0)
                        .removing(Av.num(item, VERSION, 0)));
            }
            if (expired.hasMore()) {
                return answer.page(expired.continuing(round), false);
            }
            round = round.changedPhase();
            if (answer.size() >= count) {
                return answer.page(round, false);
            }
        }
        List<Map<String, AttributeValue>> changed = new ArrayList<>(conversations);
        changed.addAll(since(pk, round.changedFromSecond(retention)));
        ChangeOrder.Slice changes = new ChangeOrder(changed).slice(round, count - answer.size(), round.changedFromSecond(retention), null);
        collectChanges(appId, pk, changes.items(), now, answer);
        if (changes.hasMore()) {
            return answer.page(changes.continuing(round), false);
        }
        // Finished if this last page read the whole band at once; else the next round sends what earlier pages may have passed.
        return answer.page(round.nextRound(), round.pageFromSecond(retention) <= round.bandFromSecond(retention));
    }

    /**
     * One answer's entries in time order, at most one per conversation: the one with the highest
     * version, the later on a tie (a conversation expired and then brought back within the same answer
     * is sent once, as it is now; a removal record written by a writer whose clock runs ahead can sort
     * after the newer state that followed it, and loses to it), so a device may apply {@code changed}
     * and {@code removed} in any order.
     */
    private static final class Answer {
        private final Map<String, Object> latest = new LinkedHashMap<>();
        private List<String> groups;

        void groupsChanged(List<String> names) {
            groups = names;
        }

        void changed(Conversation c) {
            put(c.conversationID(), c, c.version());
        }

        void removed(Removal r) {
            put(r.conversationId().toString(), r, r.version());
        }

        private void put(String conversationId, Object entry, long version) {
            Object prior = latest.get(conversationId);
            if (prior != null && versionOf(prior) > version) {
                return;
            }
            latest.remove(conversationId);
            latest.put(conversationId, entry);
        }

        private static long versionOf(Object entry) {
            return entry instanceof Conversation c ? c.version() : ((Removal) entry).version();
        }

        int size() {
            return latest.size();
        }

        public SyncPage page(SyncPosition next, boolean finished) {
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
     * The changed conversations and removal records, with the conversations' profiles and the user's
     * conversation groups (which also tell whether their marker changed) in one BatchGetItem.
     */
    private void collectChanges(String appId, String pk, List<Map<String, AttributeValue>> items, long now, Answer answer) {
        List<Map<String, AttributeValue>> keys = new ArrayList<>(List.of(ConversationGroupNames.key(pk)));
        for (Map<String, AttributeValue> item : items) {
            String sk = item.get(SK).s();
            if (sk.startsWith(CONVERSATION_SK_PREFIX)) {
                keys.add(ListReader.profileKey(appId, conversationOf(sk)));
            }
        }
        Map<String, Map<String, AttributeValue>> got = table.batchGet(keys);
        for (Map<String, AttributeValue> raw : items) {
            String sk = raw.get(SK).s();
            if (sk.equals(CONVERSATION_GROUPS_CHANGED_SK)) {
                answer.groupsChanged(ConversationGroupNames.names(ConversationGroupNames.byName(got.get(TableRequests.keyString(ConversationGroupNames.key(pk))))));
            } else if (sk.startsWith(REMOVAL_SK_PREFIX)) {
                answer.removed(ConversationRows.toRemoval(ConversationRows.map(Schemas.REMOVAL, raw)));
            } else {
                ConversationItem item = ConversationRows.conversation(raw);
                if (ConversationRows.isLive(item, now)) {
                    answer.changed(ListReader.present(appId, item, got));
                } else {
                    answer.removed(ConversationRows.removalOf(item, RemovalReason.EXPIRED, now));
                }
            }
        }
    }

    /**
     * The list's removal records and groups marker (the sort keys from x# on) with expiresAt at or
     * above {@code fromSecond}: one Query (per 1 MB page).
     */
    private List<Map<String, AttributeValue>> since(String pk, long fromSecond) {
        Expr e = new Expr();
        return table.listFrom(pk, REMOVAL_SK_PREFIX, e, e.where("#EXPIRES_AT >= :from", "from", fromSecond));
    }
}
