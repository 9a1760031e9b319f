package io.convlist.store.message;

import static io.convlist.store.list.ConversationUpdates.*;
import static io.convlist.store.table.Keys.*;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

import io.convlist.domain.AppSettings;
import io.convlist.domain.ConversationId;
import io.convlist.domain.ConversationType;
import io.convlist.domain.message.MessageRef;
import io.convlist.store.app.StoreContext;
import io.convlist.store.app.StorePart;
import io.convlist.store.group.GroupRecords;
import io.convlist.store.list.ShownIn;
import io.convlist.store.table.Av;
import io.convlist.store.table.Expr;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;

/**
 * The last message's life after it was recorded: recalled, edited, or the history cleared. A recall
 * or edit changes only the lists whose conversation still shows that message as its last
 * (conditioned on its msgID, so a newer message is never overwritten and a replay changes nothing
 * new); C2C that is the sender's and the receiver's list, a group every list the "shown in" index
 * names. Clearing history is one user's: the conversation keeps its place, with no last message and
 * nothing unread.
 */
public final class LastMessages extends StorePart {

    public LastMessages(StoreContext context) {
        super(context);
    }

    /** The message shows as recalled: a flag, and its summary is emptied. */
    public void recall(String appId, MessageRef ref) {
        changeWhereLast(appId, ref, e -> e.set(e.where("#LAST_MSG.#LAST_MSG_RECALLED = :recalled", "recalled", true))
                .set(e.where("#LAST_MSG.#LAST_MSG_SUMMARY = :empty", "empty", "")), false);
    }

    /** The message shows its new summary (a recalled message is not edited). */
    public void edit(String appId, MessageRef ref, String summary) {
        changeWhereLast(appId, ref, e -> e.set(e.where("#LAST_MSG.#LAST_MSG_SUMMARY = :summary", "summary", summary)), true);
    }

    /**
     * Empties the conversation's last message and marks it read, keeping its place.
     *
     * @return false if the conversation is not in the list
     */
    public boolean clearHistory(String appId, String userId, ConversationId id) {
        AppSettings app = settings.cached(appId);
        long now = clock.millis();
        Expr e = new Expr();
        String condition = liveCondition(e, now);
        touch(readAll(e.remove(LAST_MSG)), now, app);
        try {
            table.update(Av.key(userPk(appId, userId), conversationSk(id)), e, condition);
            return true;
        } catch (ConditionalCheckFailedException missing) {
            return false;
        }
    }

    private void changeWhereLast(String appId, MessageRef ref, UnaryOperator<Expr> change, boolean notRecalled) {
        AppSettings app = settings.cached(appId);
        List<Runnable> writes = new ArrayList<>();
        for (Map<String, AttributeValue> key : lists(appId, ref)) {
            writes.add(() -> {
                long now = clock.millis();
                Expr e = new Expr();
                String condition = liveCondition(e, now) + e.where(" AND #LAST_MSG.#LAST_MSG_ID = :msgID", "msgID", ref.msgID());
                if (notRecalled) {
                    condition += e.where(" AND attribute_not_exists(#LAST_MSG.#LAST_MSG_RECALLED)");
                }
                touch(change.apply(e), now, app);
                try {
                    table.update(key, e, condition);
                } catch (ConditionalCheckFailedException notTheLast) {
                    // the list shows another last message (or none, or no such conversation): nothing to change
                }
            });
        }
        if (ref.type() == ConversationType.GROUP) {
            // The group's record too: a large group's members take their last message from it when brought up to date.
            writes.add(() -> {
                Expr e = new Expr();
                String condition = e.where("#LAST_MSG.#LAST_MSG_ID = :msgID", "msgID", ref.msgID());
                if (notRecalled) {
                    condition += e.where(" AND attribute_not_exists(#LAST_MSG.#LAST_MSG_RECALLED)");
                }
                try {
                    table.update(GroupRecords.key(appId, ref.groupID()), change.apply(e), condition);
                } catch (ConditionalCheckFailedException notTheLast) {
                    // the group's last message is another one: nothing to change
                }
            });
        }
        parallel.runAll(writes);
    }

    /** The conversation items that may show this message. */
    private List<Map<String, AttributeValue>> lists(String appId, MessageRef ref) {
        if (ref.type() == ConversationType.C2C) {
            return List.of(Av.key(userPk(appId, ref.senderID()), conversationSk(ConversationId.c2c(ref.receiverID()))),
                    Av.key(userPk(appId, ref.receiverID()), conversationSk(ConversationId.c2c(ref.senderID()))));
        }
        ConversationId group = ConversationId.group(ref.groupID());
        return ShownIn.owners(table, appId, group).stream().map(owner -> Av.key(userPk(appId, owner), conversationSk(group))).toList();
    }
}
