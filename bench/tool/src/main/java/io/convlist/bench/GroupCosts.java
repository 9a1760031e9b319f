package io.convlist.bench;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.function.ToDoubleFunction;

import io.convlist.bench.GroupSizeBenchmark.Group;
import io.convlist.bench.GroupSizeBenchmark.Measured;
import io.convlist.domain.GroupMode;
import io.convlist.domain.Limits;

/**
 * From the measured groups: the figures for groups too large to load (a recipients-mode message is
 * linear in its recipients and split into calls of at most 1,000; a large-mode message does not
 * depend on the group's size), and the group size from which large mode costs less, for a stated
 * pattern of use.
 */
final class GroupCosts {
    static final List<Integer> DERIVED_SIZES = List.of(10_000, 100_000);
    /**
     * On-demand prices: a write request unit costs five read request units ($0.625 and $0.125 per
     * million in us-east-1); provisioned capacity has the same ratio.
     */
    static final double READ_UNIT_PRICE_IN_WRITE_UNITS = 0.2;
    private static final int LARGEST_SEARCHED = 1_000_000;

    /**
     * How a group is used: each member sends {@code messagesPerMember} messages a day and opens their
     * list {@code opensPerMember} times a day (a first page or a total), spread over the day.
     */
    record Use(double messagesPerMember, int opensPerMember) {
        /** The assumption the default threshold is chosen for. */
        static final Use ASSUMED = new Use(0.5, 20);
        static final List<Use> GRID = List.of(new Use(0.1, 5), new Use(0.1, 20), new Use(0.5, 5), ASSUMED, new Use(0.5, 50),
                new Use(1, 20), new Use(2, 20), new Use(2, 50));
    }

    /** A message's requests and units for a group of {@code members}, measured or derived. */
    record MessageCost(int members, boolean measured, long requests, double writeUnits, double readUnits) {
    }

    private final List<Group> measured;

    GroupCosts(List<Group> measured) {
        this.measured = measured;
    }

    private List<Group> of(GroupMode mode) {
        return measured.stream().filter(g -> g.mode() == mode).sorted(Comparator.comparingInt(Group::members)).toList();
    }

    private Group largest(GroupMode mode) {
        List<Group> groups = of(mode);
        return groups.get(groups.size() - 1);
    }

    /**
     * A message to a group of {@code members}. Recipients mode: the two largest measured groups give
     * the cost of one recipient and of the rest of a call (the group's record, the sender); a group
     * above 1,001 members takes one call per 1,000 recipients, each paying the rest again. Large mode:
     * the largest measured group's message.
     */
    MessageCost message(int members, GroupMode mode) {
        for (Group g : measured) {
            if (g.members() == members && g.mode() == mode) {
                Measured m = g.message();
                return new MessageCost(members, true, m.requestCount(), m.units().write(), m.units().read());
            }
        }
        if (mode == GroupMode.MEMBERS) {
            Measured m = largest(mode).message();
            return new MessageCost(members, false, m.requestCount(), m.units().write(), m.units().read());
        }
        List<Group> groups = of(mode);
        Group small = groups.get(groups.size() - 2);
        Group large = groups.get(groups.size() - 1);
        int recipients = members - 1;
        int calls = (recipients + Limits.GROUP_MEMBERS_PER_CALL_MAX - 1) / Limits.GROUP_MEMBERS_PER_CALL_MAX;
        return new MessageCost(members, false,
                Math.round(perCall(small, large, recipients, calls, m -> m.requestCount())),
                perCall(small, large, recipients, calls, m -> m.units().write()),
                perCall(small, large, recipients, calls, m -> m.units().read()));
    }

    private static double perCall(Group small, Group large, int recipients, int calls, ToDoubleFunction<Measured> f) {
        double perRecipient = (f.applyAsDouble(large.message()) - f.applyAsDouble(small.message())) / (large.members() - small.members());
        double restOfCall = f.applyAsDouble(large.message()) - perRecipient * (large.members() - 1);
        return calls * restOfCall + perRecipient * recipients;
    }

    static double priced(double writeUnits, double readUnits) {
        return writeUnits + READ_UNIT_PRICE_IN_WRITE_UNITS * readUnits;
    }

    static double priced(Measured m) {
        return priced(m.units().write(), m.units().read());
    }

    /**
     * What a group of {@code members} costs a day in write-unit prices: its messages, and its members'
     * list opens (each a first page and a total), of which those after a new message find the group
     * behind (at most one per message); the page then brings it up to date, so the total finds it current.
     */
    double perDay(int members, GroupMode mode, Use use) {
        MessageCost message = message(members, mode);
        double messages = use.messagesPerMember() * members;
        double behind = Math.min(use.opensPerMember(), messages);
        Group reads = largest(mode);
        double opens = behind * priced(reads.pageBehind()) + (use.opensPerMember() - behind) * priced(reads.pageCurrent())
                + use.opensPerMember() * priced(reads.totalCurrent());
        return messages * priced(message.writeUnits(), message.readUnits()) + members * opens;
    }

    /** The smallest group from which large mode costs less a day, for this use. */
    int breakEven(Use use) {
        for (int n = 2; n <= LARGEST_SEARCHED; n++) {
            if (perDay(n, GroupMode.MEMBERS, use) < perDay(n, GroupMode.RECIPIENTS, use)) {
                return n;
            }
        }
        return -1;
    }

    /** The section of the report. */
    String section() {
        StringBuilder md = new StringBuilder();
        md.append("Through the store API on one app per group and mode. In recipients mode every message names all the ")
                .append("group's other members; in large mode the app's threshold is the group's size, so the last join ")
                .append("switches the group. m0 sends, m1 opens its first page (20), m2 reads its total. Requests and units ")
                .append("are exact; groups above 1,000 members are derived (marked *): in recipients mode one call per 1,000 ")
                .append("recipients, each as measured; in large mode the measured message, which does not depend on the ")
                .append("group's size.\n\n");
        md.append("### A message\n\n| members | recipients mode: requests | units | large mode: requests | units |\n|---|---|---|---|---|\n");
        List<Integer> sizes = new ArrayList<>(of(GroupMode.RECIPIENTS).stream().map(Group::members).toList());
        sizes.addAll(DERIVED_SIZES);
        for (int n : sizes) {
            MessageCost r = message(n, GroupMode.RECIPIENTS);
            MessageCost l = message(n, GroupMode.MEMBERS);
            md.append("| ").append(String.format(Locale.ROOT, "%,d", n)).append(r.measured() ? "" : "*").append(" | ")
                    .append(count(r)).append(" | ").append(units(r)).append(" | ")
                    .append(count(l)).append(" | ").append(units(l)).append(" |\n");
        }
        md.append("\n### A member's reads, and the join that reaches the threshold\n\n")
                .append("\"Behind\": the group had a message since the member last read (in large mode the read brings the ")
                .append("member's conversation up to date first). \"Current\": nothing new.\n\n")
                .append("| members | mode | page, behind | page, current | total, behind | total, current | last join |\n")
                .append("|---|---|---|---|---|---|---|\n");
        for (Group g : measured) {
            md.append("| ").append(String.format(Locale.ROOT, "%,d", g.members())).append(" | ")
                    .append(g.mode() == GroupMode.MEMBERS ? "large" : "recipients").append(" | ").append(cell(g.pageBehind()))
                    .append(" | ").append(cell(g.pageCurrent())).append(" | ").append(cell(g.totalBehind())).append(" | ")
                    .append(cell(g.totalCurrent())).append(" | ").append(cell(g.join())).append(" |\n");
        }
        md.append("\n### From which size large mode costs less\n\n")
                .append("A day of a group in write-unit prices (a read unit at ").append(READ_UNIT_PRICE_IN_WRITE_UNITS)
                .append(" of a write unit, DynamoDB's on-demand price ratio): its messages, plus its members' list opens ")
                .append("(each a first page and a total), of which as many as there were messages find the group behind. ")
                .append("Large mode costs less once a group sends more messages a day than a member opens their list: its ")
                .append("members then catch up fewer times than recipients mode would have written to them. Group sizes ")
                .append("from which large mode costs less:\n\n")
                .append("| messages a member sends a day | list opens a member makes a day | large mode costs less from |\n")
                .append("|---|---|---|\n");
        for (Use use : Use.GRID) {
            md.append("| ").append(use.messagesPerMember()).append(" | ").append(use.opensPerMember()).append(" | ")
                    .append(breakEven(use)).append(" members").append(use.equals(Use.ASSUMED) ? " (the assumption)" : "").append(" |\n");
        }
        md.append("\nThe default threshold is the size for the assumed use (").append(Use.ASSUMED.messagesPerMember())
                .append(" messages and ").append(Use.ASSUMED.opensPerMember()).append(" opens per member a day): **")
                .append(breakEven(Use.ASSUMED)).append(" members**. An app whose use differs sets its own on the console.\n");
        return md.toString();
    }

    private static String count(MessageCost c) {
        return String.format(Locale.ROOT, "%,d", c.requests());
    }

    private static String units(MessageCost c) {
        return String.format(Locale.ROOT, "%,.0f W, %s R", c.writeUnits(), c.readUnits() % 1 == 0 ? String.format(Locale.ROOT, "%.0f",
                c.readUnits()) : String.valueOf(c.readUnits()));
    }

    private static String cell(Measured m) {
        return m.requests() + ", " + m.units();
    }
}
