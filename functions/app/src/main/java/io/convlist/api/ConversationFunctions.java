package io.convlist.api;

import static io.convlist.domain.ErrorCode.*;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;

import io.convlist.api.Requests.CleanUnread;
import io.convlist.api.Requests.ConversationIds;
import io.convlist.api.Requests.DeleteConversations;
import io.convlist.api.Requests.ForUser;
import io.convlist.api.Requests.GetConversationList;
import io.convlist.api.Requests.OneConversation;
import io.convlist.api.Requests.Pin;
import io.convlist.api.Requests.SetDraft;
import io.convlist.api.Responses.ConversationList;
import io.convlist.api.Responses.Conversations;
import io.convlist.api.Responses.Done;
import io.convlist.api.Responses.OperationResults;
import io.convlist.api.Responses.TotalUnread;
import io.convlist.api.doc.FunctionDoc.Fails;
import io.convlist.api.doc.FunctionDoc;
import io.convlist.auth.CallerResolver;
import io.convlist.auth.ListOwner;
import io.convlist.domain.ConversationId;
import io.convlist.domain.ConversationType;
import io.convlist.domain.Ids;
import io.convlist.domain.Limits;
import io.convlist.domain.ServiceException;
import io.convlist.view.Conversation;
import io.convlist.view.ConversationPage;
import io.convlist.store.ConversationStore;
import io.quarkus.funqy.Funq;
import jakarta.inject.Inject;

/**
 * The user functions: each acts on one list, the caller's own (user token) or the named user's
 * (service token). Thin: identity, input shape, then the store.
 */
@Budgeted
public class ConversationFunctions {

    @Inject
    CallerResolver callers;

    @Inject
    ConversationStore store;

    @Inject
    SyncCursors cursors;

    private ListOwner target(String requestedUserId) {
        return callers.owner(requestedUserId);
    }

    @FunctionDoc(summary = "One page of the list",
            description = "Pinned conversations first, then by most recent activity. Pass each page's nextSeq for the next "
                    + "one until isFinished; the first page also gives a sync cursor.",
            example = "{\"nextSeq\":0,\"count\":20}")
    @Funq
    public ConversationList getConversationList(GetConversationList in) {
        ListOwner t = target(in.userID());
        int count = pageCount(in.count());
        long nextSeq = nextSeq(in.nextSeq());
        // Taken before the first page is read, so that sync from it catches whatever moves while the device pages.
        String cursor = nextSeq == 0 ? cursors.encode(t, store.changesFromNow()) : null;
        ConversationPage page = store.list(t.appId(), t.userId(), nextSeq, count);
        return new ConversationList(page.conversationList(), page.nextSeq(), page.isFinished(), cursor);
    }

    @FunctionDoc(summary = "One conversation",
            example = "{\"conversationID\":\"c2c_bob\"}",
            fails = {@Fails(code = NOT_FOUND, when = "The conversation is not in the list.")})
    @Funq
    public Conversation getConversation(OneConversation in) {
        ListOwner t = target(in.userID());
        return store.get(t.appId(), t.userId(), ConversationId.parse(in.conversationID()));
    }

    @FunctionDoc(summary = "The named conversations that are in the list",
            description = "In the order asked; those not in the list are left out.",
            example = "{\"conversationIDList\":[\"c2c_bob\",\"group_g1\"]}")
    @Funq
    public Conversations getConversationListByConversationIds(ConversationIds in) {
        ListOwner t = target(in.userID());
        return new Conversations(store.getMany(t.appId(), t.userId(), parseIds(in.conversationIDList())));
    }

    @FunctionDoc(summary = "Delete a conversation",
            description = "It leaves a removal record that sync passes to the user's devices; its settings (receive option, "
                    + "marks, custom data, conversation groups) stay.",
            example = "{\"conversationID\":\"c2c_bob\"}",
            fails = {@Fails(code = NOT_FOUND, when = "The conversation is not in the list.")})
    @Funq
    public Done deleteConversation(OneConversation in) {
        ListOwner t = target(in.userID());
        store.delete(t.appId(), t.userId(), ConversationId.parse(in.conversationID()), false);
        return new Done();
    }

    /**
     * Deletes up to 100 conversations, each leaving its removal record. The service holds no
     * messages: {@code clearMessage} is recorded on the removal, and sync tells devices to clear theirs.
     */
    @FunctionDoc(summary = "Delete up to 100 conversations",
            description = "One result each, in the order named.",
            example = "{\"conversationIDList\":[\"c2c_bob\",\"group_g1\"],\"clearMessage\":true}",
            itemFails = {@Fails(code = NOT_FOUND, when = "The conversation is not in the list."),
                    @Fails(code = THROTTLED, when = "DynamoDB throttled its delete: call again for it."),
                    @Fails(code = UNAVAILABLE, when = "DynamoDB failed on its delete, or the call ran out of time: call "
                            + "again for it.")},
            retryableOnlyPerItem = true)
    @Funq
    public OperationResults deleteConversationList(DeleteConversations in) {
        ListOwner t = target(in.userID());
        List<ConversationId> ids = parseIds(in.conversationIDList());
        return OperationResults.of(store.deleteAll(t.appId(), t.userId(), ids, Boolean.TRUE.equals(in.clearMessage())));
    }

    @FunctionDoc(summary = "Set or clear a draft",
            example = "{\"conversationID\":\"group_g1\",\"draftText\":\"half a thought\"}",
            fails = {@Fails(code = NOT_FOUND, when = "The conversation is not in the list.")})
    @Funq
    public Done setConversationDraft(SetDraft in) {
        ListOwner t = target(in.userID());
        ConversationId id = ConversationId.parse(in.conversationID());
        String draft = Ids.requireMaxBytes("draftText", in.draftText(), Limits.DRAFT_MAX_BYTES);
        store.setDraft(t.appId(), t.userId(), id, draft);
        return new Done();
    }

    @FunctionDoc(summary = "Pin or unpin a conversation",
            example = "{\"conversationID\":\"group_g1\",\"isPinned\":true}",
            fails = {@Fails(code = NOT_FOUND, when = "The conversation is not in the list."),
                    @Fails(code = PIN_LIMIT_REACHED, when = "50 conversations are pinned already.")})
    @Funq
    public Done pinConversation(Pin in) {
        ListOwner t = target(in.userID());
        ConversationId id = ConversationId.parse(in.conversationID());
        if (in.isPinned() == null) {
            throw ServiceException.badRequest("isPinned is required");
        }
        store.pin(t.appId(), t.userId(), id, in.isPinned());
        return new Done();
    }

    /**
     * conversationID "" marks every conversation read, "c2c" every C2C one, "group" every group.
     * cleanTimestamp is in seconds as Tencent's; a value of 10^11 or more is taken as milliseconds
     * (10^11 seconds is beyond the year 5000, 10^11 milliseconds is 1973).
     */
    @FunctionDoc(summary = "Mark read",
            description = "Up to a read point (a group by cleanSequence, C2C by cleanSequence or cleanTimestamp), or every "
                    + "conversation (\"\"), every C2C one (\"c2c\") or every group (\"group\").",
            example = "{\"conversationID\":\"group_g1\",\"cleanSequence\":42}",
            fails = {@Fails(code = NOT_FOUND, when = "The conversation is not in the list."),
                    @Fails(code = CONFLICT, when = "A C2C read point by time that is older than the last message: pass "
                            + "cleanSequence instead.")})
    @Funq
    public Done cleanConversationUnreadMessageCount(CleanUnread in) {
        ListOwner t = target(in.userID());
        if (in.conversationID() == null) {
            throw ServiceException.badRequest("conversationID is required (\"\" marks every conversation read)");
        }
        Long timestamp = in.cleanTimestamp();
        Long sequence = in.cleanSequence();
        if ((timestamp != null && timestamp < 0) || (sequence != null && sequence < 0)) {
            throw ServiceException.badRequest("cleanTimestamp and cleanSequence must not be negative");
        }
        String target = in.conversationID();
        if (target.isEmpty() || target.equals("c2c") || target.equals("group")) {
            if ((timestamp != null && timestamp > 0) || (sequence != null && sequence > 0)) {
                throw ServiceException.badRequest("marking every conversation (of a type) read takes no read point");
            }
            store.markAllRead(t.appId(), t.userId(), target.isEmpty() ? null : target.equals("c2c") ? ConversationType.C2C : ConversationType.GROUP);
            return new Done();
        }
        ConversationId id = ConversationId.parse(target);
        if (id.type() == ConversationType.GROUP && timestamp != null && timestamp > 0) {
            throw ServiceException.badRequest("a group's read point is cleanSequence, not cleanTimestamp");
        }
        Long timestampMillis = timestamp;
        if (timestamp != null && timestamp < CLEAN_TIMESTAMP_MILLIS_FROM) {
            timestampMillis = timestamp * 1000; // seconds, as Tencent's
        }
        store.markRead(t.appId(), t.userId(), id, timestampMillis, sequence);
        return new Done();
    }

    /** cleanTimestamp values from here up are milliseconds, below it seconds. */
    static final long CLEAN_TIMESTAMP_MILLIS_FROM = 100_000_000_000L;

    @FunctionDoc(summary = "The total unread count",
            description = "Over the conversations whose recvOpt is 0.",
            example = "{}")
    @Funq
    public TotalUnread getTotalUnreadMessageCount(ForUser in) {
        ListOwner t = target(in.userID());
        return new TotalUnread(store.totalUnread(t.appId(), t.userId()));
    }

    /** A page size: absent means the largest, {@value Limits#PAGE_MAX}. */
    static int pageCount(Integer requested) {
        int count = requested == null ? Limits.PAGE_MAX : requested;
        if (count < Limits.PAGE_MIN || count > Limits.PAGE_MAX) {
            throw ServiceException.badRequest("count must be " + Limits.PAGE_MIN + ".." + Limits.PAGE_MAX);
        }
        return count;
    }

    static long nextSeq(Long requested) {
        long nextSeq = requested == null ? 0 : requested;
        if (nextSeq < 0) {
            throw ServiceException.badRequest("nextSeq must be 0 (first page) or a page's nextSeq");
        }
        return nextSeq;
    }

    static List<ConversationId> parseIds(List<String> raw) {
        if (raw == null || raw.isEmpty()) {
            throw ServiceException.badRequest("conversationIDList must name at least one conversation");
        }
        if (raw.size() > Limits.ID_LIST_MAX) {
            throw ServiceException.badRequest("conversationIDList holds at most " + Limits.ID_LIST_MAX + " IDs");
        }
        List<ConversationId> ids = new ArrayList<>();
        for (String id : new LinkedHashSet<>(raw)) {
            ids.add(ConversationId.parse(id));
        }
        return ids;
    }
}
