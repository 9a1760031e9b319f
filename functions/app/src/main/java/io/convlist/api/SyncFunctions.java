package io.convlist.api;

import io.convlist.api.Requests.SyncConversations;
import io.convlist.api.Responses.SyncResult;
import io.convlist.api.doc.FunctionDoc;
import io.convlist.auth.CallerResolver;
import io.convlist.auth.ListOwner;
import io.convlist.view.RemovedConversation;
import io.convlist.view.SyncPage;
import io.convlist.domain.list.SyncPosition;
import io.convlist.store.ConversationStore;
import io.quarkus.funqy.Funq;
import jakarta.inject.Inject;

/**
 * Device sync: a device holds a cursor and asks what changed since it. A null cursor is a full sync
 * (the whole list in pages, then what changed meanwhile); a device applies {@code changed} as
 * upserts and {@code removed} as deletes, in order, and calls again with the answer's cursor until
 * {@code isFinished}. On {@code resyncRequired} it drops its copy and starts over with null.
 */
@Budgeted
public class SyncFunctions {

    @Inject
    CallerResolver callers;

    @Inject
    ConversationStore store;

    @Inject
    SyncCursors cursors;

    @FunctionDoc(summary = "What changed since a cursor",
            description = "A null cursor is a full sync. Apply changed as upserts and removed as deletes, in order, and call "
                    + "again with the answer's cursor until isFinished; on resyncRequired start over with a null cursor.",
            example = "{\"cursor\":null,\"count\":100}")
    @Funq
    public SyncResult syncConversations(SyncConversations in) {
        ListOwner t = callers.owner(in.userID());
        int count = ConversationFunctions.pageCount(in.count());
        SyncPosition at = in.cursor() == null ? null : cursors.decode(t, in.cursor());
        SyncPage page = store.sync(t.appId(), t.userId(), at, count);
        return new SyncResult(page.changed(),
                page.removed().stream().map(RemovedConversation::of).toList(),
                page.next() == null ? null : cursors.encode(t, page.next()), page.isFinished(), page.resyncRequired(),
                page.conversationGroups());
    }
}
