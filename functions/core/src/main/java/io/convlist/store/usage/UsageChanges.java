package io.convlist.store.usage;

import static io.convlist.store.table.Keys.*;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import io.convlist.domain.RemovalReason;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * What the table's changes count for each app, read from its change stream (so the functions'
 * requests pay nothing for it). Per UTC day: conversations created, and removed by reason (deleted,
 * evicted, expired, left a group), and lists started. Over all time: conversations stored, lists, and
 * how many lists hold each number of conversations (from which the console tells the lists at or near
 * the app's cap), and devices connected to the live channel.
 * <ul>
 * <li>A conversation item inserted is a creation, unless TTL's consumer put it back ({@code restoredAt});
 * every conversation item inserted or removed moves the number stored.</li>
 * <li>A removal record inserted, or rewritten with a new removal time, is a removal for its reason;
 * one that TTL's consumer put back ({@code restoredAt}) is not.</li>
 * <li>A list's bookkeeping inserted starts a list; its slot set moving from n to m conversations moves
 * the list from size n to size m.</li>
 * <li>A device's presence item moving from closed (or none) to connected adds one to the app's devices
 * connected, and back (a close, or TTL ending a connection never closed) takes one off.</li>
 * <li>A conversation item inserted or changed, other than put back, is activity of its list's owner
 * that day ({@link #activity}): the busiest users are those with the most.</li>
 * </ul>
 */
public final class UsageChanges {
    /** Counters of a day. */
    public static final String CREATED = "created";
    public static final String DELETED = "deleted";
    public static final String EVICTED = "evicted";
    public static final String EXPIRED = "expired";
    public static final String LEFT_GROUP = "leftGroup";
    public static final String LISTS_STARTED = "listsStarted";
    /** Counters over all time. */
    public static final String STORED = "stored";
    public static final String LISTS = "lists";
    /** Over all time: devices connected to the live channel now (DevicePresence). */
    public static final String DEVICES_CONNECTED = "devicesConnected";
    /** Over all time: lists that hold n conversations, as {@code size<n>}. */
    public static final String SIZE_PREFIX = "size";

    /** One change as the stream tells it: INSERT, MODIFY or REMOVE, the item's key, its images, and when. */
    public record Change(String eventName, String pk, String sk, Map<String, AttributeValue> oldImage,
            Map<String, AttributeValue> newImage, long atMillis) {
        public Change {
            oldImage = oldImage == null ? Map.of() : oldImage;
            newImage = newImage == null ? Map.of() : newImage;
        }
    }

    /** An app's counters that a batch of changes moves: per day ("yyyy-mm-dd") and over all time ({@link #ALL_TIME}). */
    public record Counts(String app, String day, Map<String, Long> deltas) {
    }

    /** A user whose list the changes started: the console finds users by the start of their ID. */
    public record ListStarted(String app, String user) {
    }

    /** How many changes of a user's conversations (messages, reads, drafts, pins, ...) a batch holds for one UTC day. */
    public record Activity(String app, String day, String user, long changes) {
    }

    /** The users' activity in the changes, per app, day and user. */
    public static List<Activity> activity(List<Change> changes) {
        Map<Activity, Long> byUser = new LinkedHashMap<>();
        for (Change c : changes) {
            Owner owner = ownerOf(c.pk());
            if (owner != null && c.sk().startsWith(CONVERSATION_SK_PREFIX) && !"REMOVE".equals(c.eventName()) && !restored(c)) {
                byUser.merge(new Activity(owner.appId(), day(c), owner.userId(), 0), 1L, Long::sum);
            }
        }
        List<Activity> out = new ArrayList<>();
        byUser.forEach((who, n) -> out.add(new Activity(who.app(), who.day(), who.user(), n)));
        return out;
    }

    /** The users whose lists the changes started. */
    public static List<ListStarted> listsStarted(List<Change> changes) {
        List<ListStarted> out = new ArrayList<>();
        for (Change c : changes) {
            Owner owner = ownerOf(c.pk());
            if (owner != null && META_SK.equals(c.sk()) && "INSERT".equals(c.eventName())) {
                out.add(new ListStarted(owner.appId(), owner.userId()));
            }
        }
        return out;
    }

    /** How many lists hold from {@code min} to {@code max} conversations (inclusive), by the counters over all time. */
    public static long listsHolding(Map<String, Long> allTime, int min, int max) {
        long lists = 0;
        for (Map.Entry<String, Long> e : allTime.entrySet()) {
            if (e.getKey().startsWith(SIZE_PREFIX)) {
                int size = Integer.parseInt(e.getKey().substring(SIZE_PREFIX.length()));
                if (size >= min && size <= max) {
                    lists += e.getValue();
                }
            }
        }
        return lists;
    }

    /** The "day" of the counters over all time. */
    public static final String ALL_TIME = "total";

    private UsageChanges() {
    }

    /** The counters the changes move, per app and day; counters that end at zero are left out. */
    public static List<Counts> of(List<Change> changes) {
        Map<String, Map<String, Map<String, Long>>> byAppAndDay = new TreeMap<>();
        for (Change c : changes) {
            Owner devicesOf = deviceOwnerOf(c.pk());
            if (devicesOf != null) {
                long moved = connected(c.newImage()) - connected(c.oldImage());
                byAppAndDay.computeIfAbsent(devicesOf.appId(), a -> new TreeMap<>()).computeIfAbsent(ALL_TIME, d -> new LinkedHashMap<>())
                        .merge(DEVICES_CONNECTED, moved, Long::sum);
                continue;
            }
            Owner owner = ownerOf(c.pk());
            if (owner == null) {
                continue; // not a user's list
            }
            Map<String, Map<String, Long>> days = byAppAndDay.computeIfAbsent(owner.appId(), a -> new TreeMap<>());
            count(c, days.computeIfAbsent(day(c), d -> new LinkedHashMap<>()), days.computeIfAbsent(ALL_TIME, d -> new LinkedHashMap<>()));
        }
        List<Counts> out = new ArrayList<>();
        byAppAndDay.forEach((app, days) -> days.forEach((day, deltas) -> {
            deltas.values().removeIf(v -> v == 0);
            if (!deltas.isEmpty()) {
                out.add(new Counts(app, day, deltas));
            }
        }));
        return out;
    }

    /** The change's UTC day, "yyyy-mm-dd". */
    private static String day(Change c) {
        return Instant.ofEpochMilli(c.atMillis()).atZone(ZoneOffset.UTC).toLocalDate().toString();
    }

    /** TTL's consumer put the item back (a newly stamped restoredAt): no one's doing. */
    private static boolean restored(Change c) {
        return c.newImage().containsKey(RESTORED_AT) && !"REMOVE".equals(c.eventName())
                && !c.newImage().get(RESTORED_AT).equals(c.oldImage().get(RESTORED_AT));
    }

    private static void count(Change c, Map<String, Long> day, Map<String, Long> total) {
        boolean restored = restored(c);
        if (c.sk().startsWith(CONVERSATION_SK_PREFIX)) {
            if ("INSERT".equals(c.eventName())) {
                total.merge(STORED, 1L, Long::sum);
                if (!restored) {
                    day.merge(CREATED, 1L, Long::sum);
                }
            } else if ("REMOVE".equals(c.eventName())) {
                total.merge(STORED, -1L, Long::sum);
            }
        } else if (c.sk().startsWith(REMOVAL_SK_PREFIX)) {
            AttributeValue removedAt = c.newImage().get(REMOVED_AT);
            boolean newRemoval = removedAt != null && !removedAt.equals(c.oldImage().get(REMOVED_AT)) && !restored;
            if (!"REMOVE".equals(c.eventName()) && newRemoval && c.newImage().get(REASON) != null) {
                day.merge(reasonCounter(RemovalReason.valueOf(c.newImage().get(REASON).s())), 1L, Long::sum);
            }
        } else if (META_SK.equals(c.sk())) {
            switch (c.eventName()) {
                case "INSERT" -> {
                    day.merge(LISTS_STARTED, 1L, Long::sum);
                    total.merge(LISTS, 1L, Long::sum);
                    total.merge(SIZE_PREFIX + slots(c.newImage()), 1L, Long::sum);
                }
                case "MODIFY" -> {
                    total.merge(SIZE_PREFIX + slots(c.oldImage()), -1L, Long::sum);
                    total.merge(SIZE_PREFIX + slots(c.newImage()), 1L, Long::sum);
                }
                case "REMOVE" -> {
                    total.merge(LISTS, -1L, Long::sum);
                    total.merge(SIZE_PREFIX + slots(c.oldImage()), -1L, Long::sum);
                }
                default -> {
                }
            }
        }
    }

    /** 1 if the device item says connected (a connection TTL ended counts off by its REMOVE). */
    private static long connected(Map<String, AttributeValue> device) {
        AttributeValue v = device.get(CONNECTED);
        return v != null && Boolean.TRUE.equals(v.bool()) ? 1 : 0;
    }

    private static int slots(Map<String, AttributeValue> meta) {
        AttributeValue slots = meta.get(SLOTS);
        return slots == null || slots.ns() == null ? 0 : slots.ns().size();
    }

    static String reasonCounter(RemovalReason reason) {
        return switch (reason) {
            case DELETED -> DELETED;
            case EVICTED -> EVICTED;
            case EXPIRED -> EXPIRED;
            case LEFT_GROUP -> LEFT_GROUP;
        };
    }
}
