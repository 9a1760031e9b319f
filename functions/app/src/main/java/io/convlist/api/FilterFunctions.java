package io.convlist.api;

import static io.convlist.domain.ErrorCode.*;

import io.convlist.api.Requests.Filter;
import io.convlist.api.Requests.GetConversationListByFilter;
import io.convlist.api.Requests.GetUnreadCountByFilter;
import io.convlist.api.Responses.ConversationList;
import io.convlist.api.Responses.TotalUnread;
import io.convlist.api.doc.FunctionDoc.Fails;
import io.convlist.api.doc.FunctionDoc;
import io.convlist.auth.CallerResolver;
import io.convlist.auth.ListOwner;
import io.convlist.domain.ConversationType;
import io.convlist.domain.Ids;
import io.convlist.domain.Limits;
import io.convlist.domain.Marks;
import io.convlist.domain.ServiceException;
import io.convlist.domain.list.ConversationFilter;
import io.convlist.view.ConversationPage;
import io.convlist.store.ConversationStore;
import io.quarkus.funqy.Funq;
import jakarta.inject.Inject;

/**
 * The list and the unread count restricted by Tencent's filter (type, conversation group, marks,
 * unread, @-mentions). Pages follow the plain list's order and paging guarantees.
 */
@Budgeted
public class FilterFunctions {

    @Inject
    CallerResolver callers;

    @Inject
    ConversationStore store;

    @FunctionDoc(summary = "One page of the conversations a filter matches",
            description = "In the plain list's order, with its paging guarantees.",
            example = "{\"filter\":{\"type\":1,\"hasUnreadCount\":true},\"nextSeq\":0,\"count\":20}",
            fails = {@Fails(code = NOT_FOUND, when = "The filter names a conversation group that does not exist.")})
    @Funq
    public ConversationList getConversationListByFilter(GetConversationListByFilter in) {
        ListOwner t = callers.owner(in.userID());
        ConversationFilter filter = filter(in.filter());
        int count = ConversationFunctions.pageCount(in.count());
        long nextSeq = ConversationFunctions.nextSeq(in.nextSeq());
        ConversationPage page = store.list(t.appId(), t.userId(), nextSeq, count, filter);
        return new ConversationList(page.conversationList(), page.nextSeq(), page.isFinished(), null);
    }

    @FunctionDoc(summary = "The unread count of the conversations a filter matches",
            description = "Leaves out conversations whose recvOpt is not 0.",
            example = "{\"filter\":{\"type\":2}}",
            fails = {@Fails(code = NOT_FOUND, when = "The filter names a conversation group that does not exist.")})
    @Funq
    public TotalUnread getUnreadMessageCountByFilter(GetUnreadCountByFilter in) {
        ListOwner t = callers.owner(in.userID());
        return new TotalUnread(store.unreadMatching(t.appId(), t.userId(), filter(in.filter())));
    }

    static ConversationFilter filter(Filter f) {
        if (f == null) {
            throw ServiceException.badRequest("filter is required ({} matches every conversation)");
        }
        ConversationType type = switch (f.type() == null ? 0 : f.type()) {
            case 0 -> null;
            case 1 -> ConversationType.C2C;
            case 2 -> ConversationType.GROUP;
            default -> throw ServiceException.badRequest("filter.type must be 0 (any), 1 (C2C) or 2 (GROUP)");
        };
        Ids.requireMaxBytes("filter.conversationGroup", f.conversationGroup(), Limits.CONVERSATION_GROUP_NAME_MAX_BYTES);
        Long marks = f.markType() == null ? null : Marks.requireFilter(f.markType());
        return new ConversationFilter(type, f.conversationGroup(), marks, Boolean.TRUE.equals(f.hasUnreadCount()),
                Boolean.TRUE.equals(f.hasGroupAtInfo()));
    }
}
