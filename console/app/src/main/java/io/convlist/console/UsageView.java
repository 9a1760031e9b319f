package io.convlist.console;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;

import io.convlist.store.usage.UsageChanges;

/**
 * An app's usage as the dashboard shows it, from the counters the stream consumer keeps: lists (and
 * how many of them are empty: their conversations all left), conversations stored, lists at and near the app's cap (90% of it or more), devices
 * connected to the live channel, and the last days' creations and removals by reason, drawn as bars.
 *
 * @param days oldest first, every day of the period (zero where nothing was counted)
 */
public record UsageView(long lists, long emptyLists, long stored, long atCap, long nearCap, long devicesConnected, List<Day> days,
        List<Bar> bars, long highestBar) {
    public static final int DAYS = 30;
    static final int CHART_HEIGHT = 160;
    static final int DAY_WIDTH = 24;
    static final List<String> SERIES = List.of(UsageChanges.CREATED, UsageChanges.EVICTED, UsageChanges.EXPIRED, UsageChanges.DELETED,
            UsageChanges.LEFT_GROUP);

    /** A day's counts, in {@link #SERIES} order. */
    public record Day(LocalDate date, List<Long> counts) {
    }

    /** One bar of the chart (SVG coordinates). */
    public record Bar(int x, int y, int width, int height, String series, String title) {
    }

    static UsageView of(Map<String, Long> allTime, SortedMap<LocalDate, Map<String, Long>> counted, LocalDate today, int limit) {
        long atCap = UsageChanges.listsHolding(allTime, limit, Integer.MAX_VALUE);
        long nearCap = UsageChanges.listsHolding(allTime, (limit * 9 + 9) / 10, limit - 1); // 90% of the cap or more
        List<Day> days = new ArrayList<>();
        long highest = 0;
        for (LocalDate d = today.minusDays(DAYS - 1); !d.isAfter(today); d = d.plusDays(1)) {
            Map<String, Long> c = counted.getOrDefault(d, Map.of());
            List<Long> counts = SERIES.stream().map(s -> c.getOrDefault(s, 0L)).toList();
            highest = Math.max(highest, counts.stream().mapToLong(Long::longValue).max().orElse(0));
            days.add(new Day(d, counts));
        }
        List<Bar> bars = new ArrayList<>();
        int barWidth = (DAY_WIDTH - 4) / SERIES.size();
        for (int i = 0; i < days.size(); i++) {
            for (int s = 0; s < SERIES.size(); s++) {
                long n = days.get(i).counts().get(s);
                int height = highest == 0 ? 0 : (int) Math.round((double) n * CHART_HEIGHT / highest);
                bars.add(new Bar(i * DAY_WIDTH + 2 + s * barWidth, CHART_HEIGHT - height, barWidth, height, SERIES.get(s),
                        days.get(i).date() + " " + SERIES.get(s) + ": " + n));
            }
        }
        return new UsageView(allTime.getOrDefault(UsageChanges.LISTS, 0L), allTime.getOrDefault(UsageChanges.SIZE_PREFIX + 0, 0L),
                allTime.getOrDefault(UsageChanges.STORED, 0L), atCap, nearCap, allTime.getOrDefault(UsageChanges.DEVICES_CONNECTED, 0L),
                days, bars, highest);
    }

    public int chartWidth() {
        return DAYS * DAY_WIDTH;
    }

    public int chartHeight() {
        return CHART_HEIGHT;
    }

    /** The period's totals, in {@link #SERIES} order. */
    public List<Long> totals() {
        List<Long> totals = new ArrayList<>();
        for (int s = 0; s < SERIES.size(); s++) {
            int series = s;
            totals.add(days.stream().mapToLong(d -> d.counts().get(series)).sum());
        }
        return totals;
    }

    /** The series as the page names them, in {@link #SERIES} order. */
    public List<String> labels() {
        return List.of("created", "evicted", "expired", "deleted", "left a group");
    }

    public LocalDate firstDay() {
        return days.get(0).date();
    }

    public LocalDate lastDay() {
        return days.get(days.size() - 1).date();
    }
}
