package io.convlist.client;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.convlist.client.transport.Cloud;
import io.convlist.client.transport.LiveChannel;
import io.convlist.client.wire.Conversation;
import io.convlist.client.wire.LiveFrame;
import io.convlist.client.wire.Removed;
import io.convlist.client.wire.SyncAnswer;

/** A scripted service for unit tests: sync answers queued in order (an empty finished one when none is left), and a live channel the test pushes frames into. */
final class FakeCloud implements Cloud, LiveChannel {
    static final ObjectMapper JSON = new ObjectMapper();

    final Deque<SyncAnswer> answers = new ArrayDeque<>();
    final List<String> calls = new ArrayList<>();
    volatile Handler live;

    @Override
    public synchronized JsonNode call(String function, Object body) {
        calls.add(function);
        if (function.equals("syncConversations")) {
            SyncAnswer next = answers.isEmpty() ? new SyncAnswer(List.of(), List.of(), "c-end", true, false, null) : answers.poll();
            return JSON.valueToTree(next);
        }
        return JSON.createObjectNode();
    }

    @Override
    public Connection open(Handler handler) {
        live = handler;
        handler.opened();
        return () -> { };
    }

    synchronized void answer(SyncAnswer answer) {
        answers.add(answer);
    }

    void push(LiveFrame frame) {
        live.frame(frame);
    }

    static Conversation c2c(String peer, long unread, long orderKey, long version) {
        return new Conversation("C2C", "c2c_" + peer, peer, null, null, peer + " name", null, unread, 0, List.of(), "", List.of(), 0, 0,
                new Conversation.LastMessage("m-" + version, version, peer, "hi", 1, false), List.of(), null, null, false, orderKey, 1, 0,
                version);
    }

    static LiveFrame changed(Conversation c) {
        return new LiveFrame(LiveFrame.CHANGED, c, null, null);
    }

    static LiveFrame removed(String id, String reason, long version) {
        return new LiveFrame(LiveFrame.REMOVED, null, new Removed(id, reason, 5, false, version), null);
    }
}
