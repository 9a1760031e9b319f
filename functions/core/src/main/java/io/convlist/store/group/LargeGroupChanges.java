package io.convlist.store.group;

import static io.convlist.store.table.Keys.*;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

import io.convlist.domain.message.GroupActivity;
import io.convlist.view.LargeGroupActivity;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * What a record of the table's stream means to a large group's members: a write of the group's record
 * ({@link GroupRecords}) that moved its last seq, its last message, or the messages excluded from
 * unread counts or mentioning everyone. Anything else (a recipients-mode group, a member count, the
 * mode's switch, other items) is none: reading it costs the write path nothing.
 */
public final class LargeGroupChanges {
    private LargeGroupChanges() {
    }

    /** @param oldImage the record before the write (empty for its first) */
    public static Optional<LargeGroupActivity> of(Map<String, AttributeValue> keys, Map<String, AttributeValue> oldImage,
            Map<String, AttributeValue> newImage) {
        String pk = keys.containsKey(PK) ? keys.get(PK).s() : null;
        if (pk == null || !pk.startsWith("g#") || !keys.containsKey(SK) || !GROUP_STATE_SK.equals(keys.get(SK).s()) || newImage.isEmpty()) {
            return Optional.empty();
        }
        String[] parts = pk.split("#", -1); // g#{app}#{group}; IDs hold no '#'
        if (parts.length != 3) {
            return Optional.empty();
        }
        GroupActivity now = GroupRecords.activity(parts[2], newImage);
        GroupActivity before = GroupRecords.activity(parts[2], oldImage);
        List<Long> excluded = added(before.excluded(), now.excluded());
        List<Long> atAll = added(before.atAll(), now.atAll());
        boolean moved = now.lastSeq() != before.lastSeq() || !Objects.equals(now.lastMessage(), before.lastMessage());
        if (!now.large() || !moved && excluded.isEmpty() && atAll.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new LargeGroupActivity(parts[1], parts[2], before.lastSeq(), now.lastSeq(), now.lastMessage(), excluded, atAll));
    }

    private static List<Long> added(Set<Long> before, Set<Long> now) {
        return now.stream().filter(seq -> !before.contains(seq)).sorted().toList();
    }
}
