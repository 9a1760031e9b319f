package io.convlist.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import io.convlist.domain.list.DisplayNames;
import io.convlist.domain.list.StoredConversation;
import org.junit.jupiter.api.Test;

class DomainRulesTest {

    @Test
    void orderKey_pinnedAboveAnyUnpinned_thenActivity_thenSlotBreaksTies() {
        long now = 1_800_000_000_000L;
        assertThat(OrderKeys.of(true, 0, OrderKeys.EPOCH_MILLIS)).isGreaterThan(OrderKeys.of(false, 1023, now));
        assertThat(OrderKeys.of(false, 0, now + 1)).isGreaterThan(OrderKeys.of(false, 1023, now));
        assertThat(OrderKeys.of(false, 5, now)).isNotEqualTo(OrderKeys.of(false, 6, now));
        // Exact in JSON and JavaScript until far beyond any realistic clock.
        assertThat(OrderKeys.of(true, 1023, 5_300_000_000_000L)).isLessThan(1L << 53); // the year 2137
        // Every accepted time orders: the earliest (2000-01-01) is above nothing but the slot.
        assertThat(OrderKeys.of(false, 0, Limits.TIMESTAMP_MIN_MILLIS + 1)).isGreaterThan(OrderKeys.of(false, 1023, Limits.TIMESTAMP_MIN_MILLIS));
    }

    @Test
    void truncateUtf8_cutsOnCharacterBoundaries() {
        assertThat(Ids.truncateUtf8("abc", 2)).isEqualTo("ab");
        assertThat(Ids.truncateUtf8("\u4e2d\u6587", 5)).isEqualTo("\u4e2d"); // 3 bytes each
        assertThat(Ids.truncateUtf8("\uD83D\uDE00\uD83D\uDE00", 7)).isEqualTo("\uD83D\uDE00"); // 4 bytes each
        assertThat(Ids.utf8Length("\uD83D\uDE00")).isEqualTo(4);
    }

    @Test
    void conversationId_parsesAndValidates() {
        assertThat(ConversationId.parse("c2c_bob")).isEqualTo(ConversationId.c2c("bob"));
        assertThat(ConversationId.parse("group_g-1").groupId()).isEqualTo("g-1");
        for (String bad : List.of("bob", "c2c_", "group_a#b", "c2c_" + "x".repeat(33), "group_" + "x".repeat(49))) {
            assertThatThrownBy(() -> ConversationId.parse(bad)).isInstanceOf(ServiceException.class)
                    .extracting(e -> ((ServiceException) e).code()).isEqualTo(ErrorCode.INVALID_ARGUMENT);
        }
    }

    @Test
    void showName_followsTencentsPriorities() {
        StoredConversation c2c = new StoredConversation(ConversationId.c2c("pat"), null, 0, 0, 0, "", List.of(), 0, 0, null,
                List.of(), null, null, false, 1, null, 0, 0, 0);
        assertThat(DisplayNames.of(c2c, null, null).showName()).isEqualTo("pat");
        assertThat(DisplayNames.of(c2c, new UserProfile("pat", "Pat", "f"), null).showName()).isEqualTo("Pat");
        StoredConversation remarked = new StoredConversation(ConversationId.c2c("pat"), null, 0, 0, 0, "", List.of(), 0, 0,
                null, List.of(), null, null, false, 1, "Boss", 0, 0, 0);
        assertThat(DisplayNames.of(remarked, new UserProfile("pat", "Pat", "f"), null).showName()).isEqualTo("Boss");
        StoredConversation group = new StoredConversation(ConversationId.group("g1"), GroupType.Work, 0, 0, 0, "",
                List.of(), 0, 0, null, List.of(), null, null, false, 1, null, 0, 0, 0);
        assertThat(DisplayNames.of(group, null, null).showName()).isEqualTo("g1");
        assertThat(DisplayNames.of(group, null, new GroupProfile("g1", "Team", "face", null)).faceUrl()).isEqualTo("face");
    }

    @Test
    void appSettings_standardIsFixedAt100_flagshipIs100To500_retention1To30() {
        assertThat(AppSettings.defaults("a").validated().conversationLimit()).isEqualTo(100);
        new AppSettings("a", "a", Edition.FLAGSHIP, 500, 30).validated();
        for (AppSettings bad : List.of(new AppSettings("a", "a", Edition.STANDARD, 200, 7),
                new AppSettings("a", "a", Edition.FLAGSHIP, 501, 7), new AppSettings("a", "a", Edition.FLAGSHIP, 99, 7),
                new AppSettings("a", "a", Edition.FLAGSHIP, 300, 0), new AppSettings("a", "a", Edition.FLAGSHIP, 300, 31))) {
            assertThatThrownBy(bad::validated).isInstanceOf(ServiceException.class);
        }
    }
}
