package io.convlist.store;

import static io.convlist.store.ConversationUpdates.*;
import static io.convlist.store.Keys.*;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.convlist.domain.AppSettings;
import io.convlist.domain.ConversationId;
import io.convlist.domain.ConversationType;
import io.convlist.domain.MessageEvent;
import io.convlist.domain.MessageRole;
import io.convlist.domain.ReadState;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;

/**
 * Records messages in the lists of their sender and recipients. The common case, a message into an
 * existing conversation, is one conditional UpdateItem per affected list and reads nothing; its
 * failed condition returns the old item, which tells the other paths apart: a missing conversation
 * is created under the cap ({@link ListCap}), an expired one starts afresh in its slot, and a
 * duplicate or late message changes only what the read rules ({@link ReadState}) say.
 */
final class MessageRecorder {
    private final TableRequests table;
    private final Clock clock;
    private final AppSettingsStore settings;
    private final ListCap cap;
    private final ParallelWrites parallel;

    MessageRecorder(TableRequests table, Clock clock, AppSettingsStore settings, ListCap cap, ParallelWrites parallel) {
        this.table = table;
        this.clock = clock;
        this.settings = settings;
        this.cap = cap;
        this.parallel = parallel;
    }

    /**
     * Records one message in the sender's and every recipient's list, the writes running in
     * parallel. Each write is idempotent and independent of arrival order, so a partial failure is
     * healed by the pipeline's redelivery.
     */
    void record(String appId, MessageEvent m) {
        List<Runnable> writes = new ArrayList<>();
        if (m.type() == ConversationType.C2C) {
            writes.add(() -> apply(appId, m.senderID(), ConversationId.c2c(m.receiverID()), m, MessageRole.SENDER));
            writes.add(() -> apply(appId, m.receiverID(), ConversationId.c2c(m.senderID()), m,
                    MessageRole.recipientOf(m, m.receiverID())));
        } else {
            ConversationId group = ConversationId.group(m.groupID());
            writes.add(() -> apply(appId, m.senderID(), group, m, MessageRole.SENDER));
            for (String member : m.recipients()) {
                writes.add(() -> apply(appId, member, group, m, MessageRole.recipientOf(m, member)));
            }
        }
        parallel.runAll(writes);
    }

    private void apply(String appId, String owner, ConversationId id, MessageEvent m, MessageRole role) {
        Map<String, AttributeValue> key = Av.key(userPk(appId, owner), conversationSk(id));
        for (int attempt = 0; attempt < Attempts.MAX; attempt++) {
            Attempts.backoff(attempt);
            AppSettings app = settings.cached(appId);
            long now = clock.millis();
            ConversationItem old;
            Expr e = new Expr();
            String condition = liveCondition(e, now) + " AND " + e.n(LAST_SEQ) + " < " + e.v(m.seq());
            try {
                table.update(key, inOrder(e, m, role, now, app), condition);
                return;
            } catch (ConditionalCheckFailedException failed) {
                old = ConversationRows.conversation(failed.hasItem() ? failed.item() : null);
            }
            boolean done;
            if (old == null) {
                done = cap.create(appId, owner, id, (pk, slot, remark, at, settingsNow) ->
                        ConversationRows.fresh(pk, id, m, role, slot, remark, at, settingsNow));
            } else if (!ConversationRows.isLive(old, now)) {
                done = recreateExpired(old, id, m, role, now, app);
            } else {
                done = applyLate(key, old, m, role, now, app);
            }
            if (done) {
                return;
            }
        }
        throw Attempts.contention();
    }

    /** A message above the stored last one: it becomes the last message and moves the conversation up. */
    private static Expr inOrder(Expr e, MessageEvent m, MessageRole role, long now, AppSettings app) {
        e.set(LAST_SEQ, Av.n(m.seq())).set(LAST_TIME, Av.n(m.timestamp())).set(LAST_MSG, ConversationRows.lastMessageValue(m));
        activity(e, m.timestamp());
        touch(e, now, app);
        if (role.sender()) {
            e.set(READ_SEQ, Av.n(m.seq())).set(READ_EXPLICIT, Av.bool(true)).set(UNREAD, Av.n(0)).set(AT_INFO, Av.emptyMap());
        } else if (role.keepsUnread()) {
            e.set(e.n(UNREAD) + " = " + e.v(m.seq()) + " - " + e.n(READ_SEQ));
        }
        if (role.atType() != 0) {
            addAt(e, m.seq(), role.atType());
        }
        return e;
    }

    /** A duplicate or late message: only what the read rules say changes, if the read state is still as read. */
    private boolean applyLate(Map<String, AttributeValue> key, ConversationItem old, MessageEvent m, MessageRole role,
            long now, AppSettings app) {
        ReadState read = ConversationRows.readState(old);
        Optional<ReadState.Update> update = read.lateMessage(m.seq(), role);
        if (update.isEmpty()) {
            return true;
        }
        Expr e = touch(applyRead(new Expr(), update.get()), now, app);
        String condition = liveCondition(e, now) + " AND " + unchangedReadState(e, read);
        try {
            table.update(key, e, condition);
            return true;
        } catch (ConditionalCheckFailedException raced) {
            return false;
        }
    }

    /** An expired conversation (not yet deleted by TTL) that gets a message starts afresh in its slot. */
    private boolean recreateExpired(ConversationItem old, ConversationId id, MessageEvent m, MessageRole role, long now,
            AppSettings app) {
        ConversationItem item = ConversationRows.fresh(old.getPk(), id, m, role, old.getSlot(), old.getRemark(), now, app);
        Expr e = new Expr();
        String condition = e.n(EXPIRES_AT) + " = " + e.v(ConversationRows.expiresAt(old));
        try {
            table.putIf(ConversationRows.toMap(item), e, condition);
            return true;
        } catch (ConditionalCheckFailedException raced) {
            return false;
        }
    }
}
