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
        List<LocalConversation> all = engine.read(LocalList::ordered);
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

    @Override
    public void close() {
        engine.close();
    }
}
