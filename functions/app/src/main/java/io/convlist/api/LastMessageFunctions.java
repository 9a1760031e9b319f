package io.convlist.api;

import static io.convlist.domain.ErrorCode.*;

import io.convlist.api.Requests.MessageChange;
import io.convlist.api.Requests.OneConversation;
import io.convlist.api.Responses.Done;
import io.convlist.api.doc.FunctionDoc.Fails;
import io.convlist.api.doc.FunctionDoc;
import io.convlist.auth.CallerResolver;
import io.convlist.domain.ConversationId;
import io.convlist.domain.ConversationType;
import io.convlist.domain.Ids;
import io.convlist.domain.Limits;
import io.convlist.domain.ServiceException;
import io.convlist.domain.message.MessageRef;
import io.convlist.store.ConversationStore;
import io.quarkus.funqy.Funq;
import jakarta.inject.Inject;

/**
 * The last message's life, for the app's backend (service token): a message recalled or edited
 * shows so where it is the last message; a user's cleared history empties the last message.
 */
@Budgeted
public class LastMessageFunctions {

    @Inject
    CallerResolver callers;

    @Inject
    ConversationStore store;

    @FunctionDoc(summary = "A message was recalled",
            description = "Where it is the last message, it shows as recalled, with an empty summary.",
            example = "{\"type\":\"GROUP\",\"msgID\":\"m42\",\"groupID\":\"g1\"}",
            serviceOnly = true)
    @Funq
    public Done recallMessage(MessageChange in) {
        String app = callers.serviceApp();
        store.recallMessage(app, ref(in));
        return new Done();
    }

    @FunctionDoc(summary = "A message was edited",
            description = "Where it is the last message, its summary changes.",
            example = "{\"type\":\"GROUP\",\"msgID\":\"m42\",\"groupID\":\"g1\",\"summary\":\"see you at 5\"}",
            serviceOnly = true)
    @Funq
    public Done modifyMessage(MessageChange in) {
        String app = callers.serviceApp();
        MessageRef ref = ref(in);
        store.editMessage(app, ref, Ids.truncateUtf8(in.summary() == null ? "" : in.summary(), Limits.SUMMARY_MAX_BYTES));
        return new Done();
    }

    @FunctionDoc(summary = "A user's history of a conversation was cleared",
            description = "No last message, nothing unread.",
            example = "{\"userID\":\"alice\",\"conversationID\":\"c2c_bob\"}",
            serviceOnly = true,
            fails = {@Fails(code = NOT_FOUND, when = "The conversation is not in the list.")})
    @Funq
    public Done clearConversationHistory(OneConversation in) {
        String app = callers.serviceApp();
        String userId = Ids.requireUserId("userID", in.userID());
        store.clearHistory(app, userId, ConversationId.parse(in.conversationID()));
        return new Done();
    }

    private static MessageRef ref(MessageChange in) {
        return new MessageRef(ConversationType.parse(in.type()), in.msgID(), in.senderID(), in.receiverID(), in.groupID()).validated();
    }
}
