package io.convlist.api;

import java.util.List;

import io.convlist.domain.ItemOutcome;
import io.convlist.domain.MemberOutcome;
import io.convlist.view.Conversation;
import io.convlist.view.RemovedConversation;
import io.convlist.runtime.HttpStatuses;

/** The functions' outputs. */
public final class Responses {
    private Responses() {
    }

    /** @param cursor on the first page only: the sync cursor that catches what changes while the device pages */
    public record ConversationList(List<Conversation> conversationList, long nextSeq, boolean isFinished, String cursor) {
    }

    /**
     * @param cursor                null when resyncRequired: the device starts over with a null cursor
     * @param conversationGroupList the user's conversation groups when they changed (and on a full sync's
     *                              first page), for the device to replace its own; null when unchanged
     */
    public record SyncResult(List<Conversation> changed, List<RemovedConversation> removed, String cursor, boolean isFinished,
            boolean resyncRequired, List<String> conversationGroupList) {
    }

    public record ConversationGroupNames(List<String> groupNameList) {
    }

    public record C2CReceiveOpt(String userID, int opt) {
    }

    public record GroupReceiveOpt(String groupID, int opt) {
    }

    public record C2CReceiveOpts(List<C2CReceiveOpt> optList) {
    }

    public record GroupReceiveOpts(List<GroupReceiveOpt> optList) {
    }

    public record Conversations(List<Conversation> conversationList) {
    }

    public record TotalUnread(long totalUnreadCount) {
    }

    public record ReceiveOptResult(List<String> notFoundConversationIDList) {
    }

    /** An empty JSON object for functions that only change state. */
    public record Done() {
    }

    /**
     * Tencent's V2TIMConversationOperationResult: resultCode 0 and an empty resultInfo on success,
     * else the HTTP status the same error would have for a whole call, and its error code.
     */
    public record OperationResult(String conversationID, int resultCode, String resultInfo) {
    }

    /** As {@link OperationResult}, for one member of a group membership change. */
    public record MemberResult(String userID, int resultCode, String resultInfo) {
    }

    public record MemberResults(List<MemberResult> resultList) {
        static MemberResults of(List<MemberOutcome> outcomes) {
            return new MemberResults(outcomes.stream().map(o -> o.error() == null ? new MemberResult(o.userID(), 0, "")
                    : new MemberResult(o.userID(), HttpStatuses.of(o.error()), o.error().name())).toList());
        }
    }

    public record OperationResults(List<OperationResult> resultList) {
        static OperationResults of(List<ItemOutcome> outcomes) {
            return new OperationResults(outcomes.stream().map(o -> o.error() == null
                    ? new OperationResult(o.conversationId().toString(), 0, "")
                    : new OperationResult(o.conversationId().toString(), HttpStatuses.of(o.error()), o.error().name())).toList());
        }
    }
}
