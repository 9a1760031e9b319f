package io.convlist.api;

import static io.convlist.domain.ErrorCode.*;

import java.util.List;

import io.convlist.api.Requests.ConversationGroup;
import io.convlist.api.Requests.ForUser;
import io.convlist.api.Requests.RenameConversationGroup;
import io.convlist.api.Responses.ConversationGroupNames;
import io.convlist.api.Responses.Done;
import io.convlist.api.Responses.OperationResults;
import io.convlist.api.doc.FunctionDoc;
import io.convlist.api.doc.FunctionDoc.Fails;
import io.convlist.auth.CallerResolver;
import io.convlist.auth.ListOwner;
import io.convlist.domain.ConversationId;
import io.convlist.domain.Ids;
import io.convlist.domain.Limits;
import io.convlist.domain.ServiceException;
import io.convlist.store.ConversationStore;
import io.quarkus.funqy.Funq;
import jakarta.inject.Inject;

/**
 * Conversation groups, as Tencent keeps them: named by the user (at most
 * {@value Limits#CONVERSATION_GROUPS_MAX}, names of 1 to {@value Limits#CONVERSATION_GROUP_NAME_MAX_BYTES}
 * bytes), a conversation in as many as it likes, memberships kept with the peer's settings outside
 * the capped list (so they survive the conversation leaving it) and counted toward their limit.
 */
@Budgeted
public class ConversationGroupFunctions {

    @Inject
    CallerResolver callers;

    @Inject
    ConversationStore store;

    @FunctionDoc(summary = "Create a conversation group with conversations in it",
            description = "One result per conversation, in the order named.",
            example = "{\"groupName\":\"Friends\",\"conversationIDList\":[\"c2c_bob\"]}",
            fails = {@Fails(code = CONFLICT, when = "A conversation group of that name exists."),
                    @Fails(code = GROUP_LIMIT_REACHED, when = "The user has 20 conversation groups already.")},
            itemFails = @Fails(code = SETTINGS_LIMIT_REACHED, when = "The conversation is new to settings and the user has "
                    + "1,000 peers and groups "
                    + "with settings (the group is created all the same)."))
    @Funq
    public OperationResults createConversationGroup(ConversationGroup in) {
        ListOwner t = callers.owner(in.userID());
        String name = groupName("groupName", in.groupName());
        List<ConversationId> ids = ConversationFunctions.parseIds(in.conversationIDList());
        return OperationResults.of(store.createConversationGroup(t.appId(), t.userId(), name, ids));
    }

    @FunctionDoc(summary = "The user's conversation groups",
            example = "{}")
    @Funq
    public ConversationGroupNames getConversationGroupList(ForUser in) {
        ListOwner t = callers.owner(in.userID());
        return new ConversationGroupNames(store.conversationGroups(t.appId(), t.userId()));
    }

    @FunctionDoc(summary = "Delete a conversation group",
            description = "Its conversations stay in the list.",
            example = "{\"groupName\":\"Work\"}",
            fails = {@Fails(code = NOT_FOUND, when = "No conversation group has that name.")})
    @Funq
    public Done deleteConversationGroup(ConversationGroup in) {
        ListOwner t = callers.owner(in.userID());
        store.deleteConversationGroup(t.appId(), t.userId(), groupName("groupName", in.groupName()));
        return new Done();
    }

    @FunctionDoc(summary = "Rename a conversation group",
            example = "{\"oldName\":\"Work\",\"newName\":\"Office\"}",
            fails = {@Fails(code = NOT_FOUND, when = "No conversation group has the old name."),
                    @Fails(code = CONFLICT, when = "A conversation group has the new name.")})
    @Funq
    public Done renameConversationGroup(RenameConversationGroup in) {
        ListOwner t = callers.owner(in.userID());
        String oldName = groupName("oldName", in.oldName());
        store.renameConversationGroup(t.appId(), t.userId(), oldName, groupName("newName", in.newName()));
        return new Done();
    }

    @FunctionDoc(summary = "Put conversations in a conversation group",
            description = "One result per conversation, in the order named.",
            example = "{\"groupName\":\"Work\",\"conversationIDList\":[\"group_g1\"]}",
            fails = {@Fails(code = NOT_FOUND, when = "No conversation group has that name.")},
            itemFails = @Fails(code = SETTINGS_LIMIT_REACHED, when = "The conversation is new to settings and the user has "
                    + "1,000 peers and groups "
                    + "with settings."))
    @Funq
    public OperationResults addConversationsToGroup(ConversationGroup in) {
        ListOwner t = callers.owner(in.userID());
        String name = groupName("groupName", in.groupName());
        List<ConversationId> ids = ConversationFunctions.parseIds(in.conversationIDList());
        return OperationResults.of(store.addConversationsToGroup(t.appId(), t.userId(), name, ids));
    }

    @FunctionDoc(summary = "Take conversations out of a conversation group",
            example = "{\"groupName\":\"Work\",\"conversationIDList\":[\"c2c_bob\"]}",
            fails = {@Fails(code = NOT_FOUND, when = "No conversation group has that name.")})
    @Funq
    public OperationResults deleteConversationsFromGroup(ConversationGroup in) {
        ListOwner t = callers.owner(in.userID());
        String name = groupName("groupName", in.groupName());
        List<ConversationId> ids = ConversationFunctions.parseIds(in.conversationIDList());
        return OperationResults.of(store.deleteConversationsFromGroup(t.appId(), t.userId(), name, ids));
    }

    private static String groupName(String field, String name) {
        if (name == null || name.isEmpty()) {
            throw ServiceException.badRequest(field + " is required");
        }
        return Ids.requireMaxBytes(field, name, Limits.CONVERSATION_GROUP_NAME_MAX_BYTES);
    }
}
