package io.convlist.api;

import static io.convlist.domain.ErrorCode.*;

import java.util.Base64;
import java.util.List;

import io.convlist.api.Requests.MarkConversation;
import io.convlist.api.Requests.SetCustomData;
import io.convlist.api.Responses.OperationResults;
import io.convlist.api.doc.FunctionDoc.Fails;
import io.convlist.api.doc.FunctionDoc;
import io.convlist.auth.CallerResolver;
import io.convlist.auth.ListOwner;
import io.convlist.domain.ConversationId;
import io.convlist.domain.ItemOutcome;
import io.convlist.domain.Limits;
import io.convlist.domain.Marks;
import io.convlist.domain.ServiceException;
import io.convlist.domain.list.SettingChange;
import io.convlist.store.ConversationStore;
import io.quarkus.funqy.Funq;
import jakarta.inject.Inject;

/**
 * Marks and custom data, as Tencent keeps them: per peer or group beside do-not-disturb, outside
 * the capped list (they survive deletion, eviction and expiry, and can be set for a conversation
 * not in the list), at most {@value Limits#PEER_SETTINGS_MAX} peers and groups with settings per user.
 */
@Budgeted
public class ConversationSettingsFunctions {

    @Inject
    CallerResolver callers;

    @Inject
    ConversationStore store;

    @FunctionDoc(summary = "Set or clear marks",
            description = "Stored whether or not each conversation is in the list: every ID succeeds, or the call fails.",
            example = "{\"conversationIDList\":[\"c2c_bob\"],\"markType\":5,\"enableMark\":true}",
            fails = {@Fails(code = SETTINGS_LIMIT_REACHED, when = "1,000 peers and groups have settings already.")})
    @Funq
    public OperationResults markConversation(MarkConversation in) {
        ListOwner t = callers.owner(in.userID());
        List<ConversationId> ids = ConversationFunctions.parseIds(in.conversationIDList());
        long bits = Marks.require(in.markType());
        if (in.enableMark() == null) {
            throw ServiceException.badRequest("enableMark is required");
        }
        return changeAll(t, ids, new SettingChange.Mark(bits, in.enableMark()));
    }

    @FunctionDoc(summary = "Set or clear custom data",
            description = "Stored whether or not each conversation is in the list: every ID succeeds, or the call fails.",
            example = "{\"conversationIDList\":[\"c2c_bob\"],\"customData\":\"aGVsbG8=\"}",
            fails = {@Fails(code = SETTINGS_LIMIT_REACHED, when = "1,000 peers and groups have settings already.")})
    @Funq
    public OperationResults setConversationCustomData(SetCustomData in) {
        ListOwner t = callers.owner(in.userID());
        List<ConversationId> ids = ConversationFunctions.parseIds(in.conversationIDList());
        return changeAll(t, ids, new SettingChange.CustomData(customData(in.customData())));
    }

    /** The settings are stored whether or not each conversation is in the list: every item succeeds, or the call fails. */
    private OperationResults changeAll(ListOwner t, List<ConversationId> ids, SettingChange change) {
        store.changeSettings(t.appId(), t.userId(), ids, change);
        return OperationResults.of(ids.stream().map(ItemOutcome::ok).toList());
    }

    /** Base64, at most {@value Limits#CUSTOM_DATA_MAX_BYTES} bytes decoded; null or empty clears. */
    static byte[] customData(String base64) {
        if (base64 == null || base64.isEmpty()) {
            return new byte[0];
        }
        byte[] data;
        try {
            data = Base64.getDecoder().decode(base64);
        } catch (IllegalArgumentException notBase64) {
            throw ServiceException.badRequest("customData must be base64");
        }
        if (data.length > Limits.CUSTOM_DATA_MAX_BYTES) {
            throw ServiceException.badRequest("customData holds at most " + Limits.CUSTOM_DATA_MAX_BYTES + " bytes");
        }
        return data;
    }
}
