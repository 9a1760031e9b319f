package io.convlist.client;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.convlist.client.store.LocalStore;
import io.convlist.client.transport.Cloud;
import io.convlist.client.transport.ConvListException;
import io.convlist.client.transport.LiveChannel;
import io.convlist.client.transport.OkHttpCloud;
import io.convlist.client.transport.OkHttpLive;
import okhttp3.OkHttpClient;

/**
 * The device half of the conversation list, with the shape of Tencent's V2TIMConversationManager:
 * reads come from the local list (no cap; in the cloud's order, pinned first), mutations go to the
 * cloud and come back into the local list with their new version by event and by sync, and the
 * {@link ConversationListener} hears of every change. {@link #start()} loads the local list, connects
 * to the live channel and syncs.
 */
public final class ConversationManager implements AutoCloseable {
    /** A page of the local list: {@code nextSeq} is where the next page starts (an offset in the list's order). */
    public record Page(List<LocalConversation> conversationList, long nextSeq, boolean isFinished) {
    }

    private final Cloud cloud;
    private final SyncEngine engine;

    ConversationManager(Cloud cloud, LiveChannel live, LocalStore store, ConversationListener listener, ObjectMapper json,
            Backoff backoff) {
        this(cloud, live, store, listener, json, backoff, SyncEngine.PAGE);
    }

    ConversationManager(Cloud cloud, LiveChannel live, LocalStore store, ConversationListener listener, ObjectMapper json,
            Backoff backoff, int page) {
        this.cloud = cloud;
        this.engine = new SyncEngine(cloud, live, store, listener, json, backoff, page);
    }

    /**
     * The manager for the service at {@code baseUrl} (http(s)://host:port of the functions), whose live
     * channel is at {@code liveUrl} (ws(s)://host:port/live), as the user whose token {@code token} gives.
     */
    public static ConversationManager create(String baseUrl, String liveUrl, Supplier<String> token, LocalStore store,
            ConversationListener listener) {
        ObjectMapper json = new ObjectMapper();
        OkHttpClient http = new OkHttpClient.Builder().callTimeout(Duration.ofSeconds(30)).pingInterval(Duration.ofSeconds(20)).build();
        return new ConversationManager(new OkHttpCloud(http, baseUrl, token, json), new OkHttpLive(http, liveUrl, token, json), store,
                listener, json, new Backoff(500, 30_000));
    }

    /** Loads the local list, connects to the live channel and syncs (on the library's thread). */
    public ConversationManager start() {
        engine.start();
        return this;
    }

    /** Tencent's getConversationList: a page of the local list from {@code nextSeq} (0: the top). */
    public Page getConversationList(long nextSeq, int count) {
        return page(engine.read(LocalList::ordered), nextSeq, count);
    }

    private static Page page(List<LocalConversation> all, long nextSeq, int count) {
        int from = (int) Math.min(Math.max(nextSeq, 0), all.size());
        int to = Math.min(from + Math.max(count, 0), all.size());
        return new Page(List.copyOf(all.subList(from, to)), to, to == all.size());
    }

    /** A conversation of the local list, or null. */
    public LocalConversation getConversation(String conversationID) {
        return engine.read(list -> list.get(conversationID));
    }

    /** Over the conversations in the cloud whose recvOpt is 0: what every device of the user shows alike. */
    public long getTotalUnreadMessageCount() {
        return engine.read(LocalList::totalUnread);
    }

    /** The conversations the cloud holds, as the device knows them (in the list's order). */
    public List<LocalConversation> cloudPart() {
        return engine.read(LocalList::inCloud);
    }

    public List<String> getConversationGroupList() {
        return engine.read(LocalList::conversationGroups);
    }

    /** The local list's conversations that match, in its order, a page from {@code nextSeq} (an offset among them). */
    public Page getConversationListByFilter(ConversationFilter filter, long nextSeq, int count) {
        return page(engine.read(list -> list.matching(filter)), nextSeq, count);
    }

    /** As the service counts it: the conversations in the cloud that match, whose recvOpt is 0. */
    public long getUnreadMessageCountByFilter(ConversationFilter filter) {
        return engine.read(list -> list.unreadMatching(filter));
    }

    /** The listener hears {@code onUnreadMessageCountChangedByFilter} whenever this filter's count moves. */
    public void subscribeUnreadMessageCountByFilter(ConversationFilter filter) {
        engine.watch(filter);
    }

    public void unsubscribeUnreadMessageCountByFilter(ConversationFilter filter) {
        engine.unwatch(filter);
    }

    public void pinConversation(String conversationID, boolean isPinned) {
        mutate("pinConversation", Map.of("conversationID", conversationID, "isPinned", isPinned));
    }

    /** null or "" clears the draft. */
    public void setConversationDraft(String conversationID, String draftText) {
        Map<String, Object> body = new HashMap<>();
        body.put("conversationID", conversationID);
        body.put("draftText", draftText);
        mutate("setConversationDraft", body);
    }

    /** Marks the conversation read up to its last message. */
    public void cleanConversationUnreadMessageCount(String conversationID) {
        mutate("cleanConversationUnreadMessageCount", Map.of("conversationID", conversationID));
    }

    /** Tencent's setConversationReceiveMessageOpt: for the peers and groups named, in the list or not. */
    public void setReceiveMessageOpt(List<String> conversationIDList, int opt) {
        mutate("setReceiveMessageOpt", Map.of("conversationIDList", conversationIDList, "opt", opt));
    }

    /** Sets ({@code enableMark}) or clears the mark bits on each conversation named. */
    public void markConversation(List<String> conversationIDList, long markType, boolean enableMark) {
        mutate("markConversation", Map.of("conversationIDList", conversationIDList, "markType", markType, "enableMark", enableMark));
    }

    /** Up to 256 bytes per conversation; empty clears it. */
    public void setConversationCustomData(List<String> conversationIDList, byte[] customData) {
        mutate("setConversationCustomData", Map.of("conversationIDList", conversationIDList,
                "customData", java.util.Base64.getEncoder().encodeToString(customData)));
    }

    public void createConversationGroup(String groupName, List<String> conversationIDList) {
        mutate("createConversationGroup", Map.of("groupName", groupName, "conversationIDList", conversationIDList));
    }

    public void renameConversationGroup(String oldName, String newName) {
        mutate("renameConversationGroup", Map.of("oldName", oldName, "newName", newName));
    }

    public void deleteConversationGroup(String groupName) {
        mutate("deleteConversationGroup", Map.of("groupName", groupName));
    }

    public void addConversationsToGroup(String groupName, List<String> conversationIDList) {
        mutate("addConversationsToGroup", Map.of("groupName", groupName, "conversationIDList", conversationIDList));
    }

    public void deleteConversationsFromGroup(String groupName, List<String> conversationIDList) {
        mutate("deleteConversationsFromGroup", Map.of("groupName", groupName, "conversationIDList", conversationIDList));
    }

    /**
     * Deletes it in the cloud (every device of the user drops it, by event or sync) and here. A
     * conversation kept only on this device (the cloud evicted it or let it expire) is dropped here only.
     */
    public void deleteConversation(String conversationID) {
        LocalConversation known = getConversation(conversationID);
        if (known == null || !known.onlyOnDevice()) {
            try {
                cloud.call("deleteConversation", Map.of("conversationID", conversationID));
            } catch (ConvListException e) {
                if (e.status() != 404) {
                    throw e;
                }
                // not in the cloud (any more): dropped here below
            }
        }
        engine.dropLocally(conversationID);
        engine.requestSync();
    }

    /** The entry as the device keeps it, a marker of what left included (tests' diagnostics). */
    LocalConversation entry(String conversationID) {
        return engine.read(list -> list.entry(conversationID));
    }

    /** A sync round now: the engine also syncs by itself when it (re)connects and after each mutation. */
    void engineSync() {
        engine.requestSync();
    }

    /** The call, then a sync round: the cloud's new state comes back with its version (by event too). */
    private void mutate(String function, Object body) {
        cloud.call(function, body);
        engine.requestSync();
    }

    /** Disconnects, lets the library's thread finish its last commit, and closes the store it was given. */
    @Override
    public void close() {
        engine.close();
    }
}
