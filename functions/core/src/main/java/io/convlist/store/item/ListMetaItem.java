package io.convlist.store.item;

import java.util.Set;

import io.convlist.store.table.Keys;
import software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.DynamoDbAttribute;
import software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.DynamoDbBean;

/**
 * The persistence shape of a list's bookkeeping (see {@link io.convlist.domain.list.CapPlanner}): the
 * slots of its stored conversations, how many are pinned, and a revision that conditions
 * replacements. Written only with update expressions (set ADD/DELETE, counters); read with this schema.
 */
@DynamoDbBean
public class ListMetaItem extends TableItem {
    private Set<Integer> slots;
    private Long pinnedCount;
    private Long rev;
    private Long settingsCount;
    private Set<String> largeGroups;

    @DynamoDbAttribute(Keys.SLOTS)
    public Set<Integer> getSlots() { return slots; }
    public void setSlots(Set<Integer> slots) { this.slots = slots; }

    @DynamoDbAttribute(Keys.PINNED_COUNT)
    public Long getPinnedCount() { return pinnedCount; }
    public void setPinnedCount(Long pinnedCount) { this.pinnedCount = pinnedCount; }

    @DynamoDbAttribute(Keys.REV)
    public Long getRev() { return rev; }
    public void setRev(Long rev) { this.rev = rev; }

    @DynamoDbAttribute(Keys.SETTINGS_COUNT)
    public Long getSettingsCount() { return settingsCount; }
    public void setSettingsCount(Long settingsCount) { this.settingsCount = settingsCount; }

    @DynamoDbAttribute(Keys.LARGE_GROUPS)
    public Set<String> getLargeGroups() { return largeGroups; }
    public void setLargeGroups(Set<String> largeGroups) { this.largeGroups = largeGroups; }

    /** The large groups the owner is a member of (none: empty). */
    public Set<String> largeGroupSet() { return largeGroups == null ? Set.of() : largeGroups; }

    /** The slot set; empty when the list has none (DynamoDB stores no empty sets). */
    public Set<Integer> slotSet() { return slots == null ? Set.of() : slots; }
    public long pinned() { return pinnedCount == null ? 0 : pinnedCount; }
    public long revision() { return rev == null ? 0 : rev; }
}
