package io.convlist.view;

import java.util.List;

import io.convlist.domain.Removal;
import io.convlist.domain.list.SyncPosition;

/**
 * One answer of device sync: conversations to upsert, conversations to remove (with why and when),
 * where to continue, and whether this round is complete.
 *
 * @param next               null when {@code resyncRequired}
 * @param resyncRequired     the position is too old (or the app's settings changed): start over from null
 * @param conversationGroups the user's conversation groups' names, when they changed (and on a full sync's
 *                           first page); null when unchanged
 */
public record SyncPage(List<Conversation> changed, List<Removal> removed, SyncPosition next, boolean isFinished,
        boolean resyncRequired, List<String> conversationGroups) {

    public static SyncPage resync() {
        return new SyncPage(List.of(), List.of(), null, true, true, null);
    }
}
