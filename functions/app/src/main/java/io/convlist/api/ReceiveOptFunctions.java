package io.convlist.api;

import static io.convlist.domain.ErrorCode.*;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.function.Function;

import io.convlist.api.Requests.GetC2CReceiveOpt;
import io.convlist.api.Requests.GetGroupReceiveOpt;
import io.convlist.api.Requests.SetC2CReceiveOpt;
import io.convlist.api.Requests.SetGroupReceiveOpt;
import io.convlist.api.Requests.SetReceiveOpt;
import io.convlist.api.Responses.C2CReceiveOpt;
import io.convlist.api.Responses.C2CReceiveOpts;
import io.convlist.api.Responses.Done;
import io.convlist.api.Responses.GroupReceiveOpt;
import io.convlist.api.Responses.GroupReceiveOpts;
import io.convlist.api.Responses.ReceiveOptResult;
import io.convlist.api.doc.FunctionDoc.Fails;
import io.convlist.api.doc.FunctionDoc;
import io.convlist.auth.CallerResolver;
import io.convlist.auth.ListOwner;
import io.convlist.domain.ConversationId;
import io.convlist.domain.Limits;
import io.convlist.domain.ReceiveOpt;
import io.convlist.domain.ServiceException;
import io.convlist.domain.list.SettingChange;
import io.convlist.store.ConversationStore;
import io.quarkus.funqy.Funq;
import jakarta.inject.Inject;

/**
 * Do-not-disturb, as Tencent keeps it: per peer (setC2CReceiveMessageOpt, up to 30 users a call)
 * and per group, not per list row. It outlives the conversation and can be set for a peer not in
 * the list; setReceiveMessageOpt is the shorthand by conversation ID.
 */
@Budgeted
public class ReceiveOptFunctions {

    @Inject
    CallerResolver callers;

    @Inject
    ConversationStore store;

    @FunctionDoc(summary = "Set the receive option by conversation ID",
            description = "Set for each peer and group named, in the list or not; the answer lists those not in the list.",
            example = "{\"conversationIDList\":[\"group_g1\",\"c2c_bob\"],\"opt\":2}",
            fails = {@Fails(code = SETTINGS_LIMIT_REACHED, when = "1,000 peers and groups have settings already.")})
    @Funq
    public ReceiveOptResult setReceiveMessageOpt(SetReceiveOpt in) {
        ListOwner t = callers.owner(in.userID());
        List<ConversationId> ids = ConversationFunctions.parseIds(in.conversationIDList());
        int opt = ReceiveOpt.require(in.opt());
        List<ConversationId> notInList = store.changeSettings(t.appId(), t.userId(), ids, new SettingChange.ReceiveOpt(opt));
        return new ReceiveOptResult(notInList.stream().map(ConversationId::toString).toList());
    }

    @FunctionDoc(summary = "Set the receive option of peers",
            example = "{\"userIDList\":[\"bob\",\"carol\"],\"opt\":2}",
            fails = {@Fails(code = SETTINGS_LIMIT_REACHED, when = "1,000 peers and groups have settings already.")})
    @Funq
    public Done setC2CReceiveMessageOpt(SetC2CReceiveOpt in) {
        ListOwner t = callers.owner(in.userID());
        List<ConversationId> ids = idList("userIDList", in.userIDList(), ConversationId::c2c);
        store.changeSettings(t.appId(), t.userId(), ids, new SettingChange.ReceiveOpt(ReceiveOpt.require(in.opt())));
        return new Done();
    }

    @FunctionDoc(summary = "The receive option of peers",
            example = "{\"userIDList\":[\"bob\",\"carol\"]}")
    @Funq
    public C2CReceiveOpts getC2CReceiveMessageOpt(GetC2CReceiveOpt in) {
        ListOwner t = callers.owner(in.userID());
        List<ConversationId> ids = idList("userIDList", in.userIDList(), ConversationId::c2c);
        return new C2CReceiveOpts(store.settings(t.appId(), t.userId(), ids).stream()
                .map(s -> new C2CReceiveOpt(s.conversationId().userId(), s.recvOpt())).toList());
    }

    @FunctionDoc(summary = "Set the receive option of a group",
            example = "{\"groupID\":\"g1\",\"opt\":1}",
            fails = {@Fails(code = SETTINGS_LIMIT_REACHED, when = "1,000 peers and groups have settings already.")})
    @Funq
    public Done setGroupReceiveMessageOpt(SetGroupReceiveOpt in) {
        ListOwner t = callers.owner(in.userID());
        ConversationId id = ConversationId.group(in.groupID());
        store.changeSettings(t.appId(), t.userId(), List.of(id), new SettingChange.ReceiveOpt(ReceiveOpt.require(in.opt())));
        return new Done();
    }

    @FunctionDoc(summary = "The receive option of groups",
            example = "{\"groupIDList\":[\"g1\"]}")
    @Funq
    public GroupReceiveOpts getGroupReceiveMessageOpt(GetGroupReceiveOpt in) {
        ListOwner t = callers.owner(in.userID());
        List<ConversationId> ids = idList("groupIDList", in.groupIDList(), ConversationId::group);
        return new GroupReceiveOpts(store.settings(t.appId(), t.userId(), ids).stream()
                .map(s -> new GroupReceiveOpt(s.conversationId().groupId(), s.recvOpt())).toList());
    }

    /** 1 to 30 distinct IDs, as Tencent allows per call. */
    private static List<ConversationId> idList(String field, List<String> raw, Function<String, ConversationId> toId) {
        if (raw == null || raw.isEmpty() || raw.size() > Limits.RECEIVE_OPT_IDS_MAX) {
            throw ServiceException.badRequest(field + " must name 1.." + Limits.RECEIVE_OPT_IDS_MAX + " IDs");
        }
        List<ConversationId> ids = new ArrayList<>();
        for (String id : new LinkedHashSet<>(raw)) {
            ids.add(toId.apply(id));
        }
        return ids;
    }
}
