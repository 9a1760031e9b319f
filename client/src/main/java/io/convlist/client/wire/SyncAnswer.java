package io.convlist.client.wire;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/** One answer of {@code syncConversations}. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record SyncAnswer(List<Conversation> changed, List<Removed> removed, String cursor, boolean isFinished, boolean resyncRequired,
        List<String> conversationGroupList) {
    public SyncAnswer {
        changed = changed == null ? List.of() : changed;
        removed = removed == null ? List.of() : removed;
    }
}
