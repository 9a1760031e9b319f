package io.convlist.view;

import java.util.List;

/** One page of a list; nextSeq is the orderKey to continue below (0 when finished). */
public record ConversationPage(List<Conversation> conversationList, long nextSeq, boolean isFinished) {
}
