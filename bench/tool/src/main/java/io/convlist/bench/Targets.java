package io.convlist.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The service's performance targets, checked against one run's figures. They are reported, never
 * asserted, and every statement about a missed one is computed from the same run.
 */
final class Targets {
    /** One target: what was measured, whether it was met, and when it was not, why and what would reach it. */
    record Check(String target, String measured, boolean met, String whenMissed) {
    }

    private Targets() {
    }

    /** @param largestGroup the most recipients a group message had in the cost rows */
    static List<Check> check(List<CostBenchmark.Row> cost, int largestGroup, List<LayerBenchmark.Result> layers, List<ColdStartBenchmark.Run> coldStarts) {
        List<Check> checks = new ArrayList<>();
        if (!layers.isEmpty()) {
            checks.addAll(layerChecks(layers));
        }
        if (!coldStarts.isEmpty()) {
            checks.add(coldStartCheck(coldStarts));
        }
        if (!cost.isEmpty()) {
            checks.add(fanOutCheck(cost, largestGroup));
            checks.add(budgetCheck(cost));
            checks.add(messageUnitsCheck(cost));
        }
        return checks;
    }

    private static List<Check> layerChecks(List<LayerBenchmark.Result> layers) {
        List<Check> checks = new ArrayList<>();
        checks.add(ratioCheck("HTTP adds at most 15% to the store call's p50", layers, LayerBenchmark.Layer.HTTP,
                LayerBenchmark.Layer.STORE, 1.15, """
                        The floor table shows what the HTTP layer costs on its own (a call answered before the store: \
                        routing, token check, error body); the rest of the difference comes from running the store in \
                        a second JVM behind that layer, whose threads must wake for every request the store makes on \
                        cores shared with the backend and the benchmark. A run with the functions on a machine of \
                        their own, or on AWS, would tell the two apart."""));
        checks.add(ratioCheck("The store adds at most 10% to the bare SDK requests", layers, LayerBenchmark.Layer.STORE,
                LayerBenchmark.Layer.BARE_SDK, 1.10, """
                        The store's own work beside its requests: building the expressions, mapping items to beans and \
                        conversations (display names, @-info), and for a message the hop to the fan-out pool."""));
        return checks;
    }

    /** The first successful call at most this many times the bare Funqy app's (issue 13's target). */
    static final double COLD_START_MAX = 1.6;

    private static Check coldStartCheck(List<ColdStartBenchmark.Run> coldStarts) {
        Spread plain = ColdStartBenchmark.ratio(coldStarts, false);
        Spread appCds = ColdStartBenchmark.ratio(coldStarts, true);
        Spread answerRatio = Spread.of(coldStarts.stream().filter(r -> !r.appCds())
                .mapToDouble(r -> r.functionsFirstAnswer() / r.baselineFirstSuccess()).toArray());
        String whenMissed = String.format("""
                The functions' first answer of any kind (the 401 of a call without a token) already comes %.2f× as \
                late as the bare app's first success, so most of the gap is start-up before the first request: the \
                functions build the AWS SDK's DynamoDB client and start the JWT and security extensions (Hibernate \
                Validator, about 0.4 s of it, is gone: the configuration's ranges are checked in code). AppCDS \
                changes the ratio from %.2f× to %.2f×. SnapStart (enabled by infra/) restores the functions from a \
                snapshot taken after start-up on AWS; a native image would too (not measured here).""",
                answerRatio.median(), plain.median(), appCds.median());
        return new Check("Cold start at most " + COLD_START_MAX + " times the bare Funqy app's",
                String.format("%.2f× (both with AppCDS: %.2f×)", plain.median(), appCds.median()), plain.median() <= COLD_START_MAX,
                whenMissed);
    }

    private static Check fanOutCheck(List<CostBenchmark.Row> cost, int recipients) {
        CostBenchmark.Row fanOut = cost.stream().filter(r -> r.operation().equals(CostBenchmark.groupMessageRow(recipients)))
                .findFirst().orElseThrow();
        int writes = fanOut.usage().requests().getOrDefault("UpdateItem", 0);
        int extra = writes - recipients;
        String whenMissed = extra <= 0 ? "The writes stayed within the recipients; the in-flight target was missed: "
                + fanOut.usage().maxInFlight() + " writes ran at once."
                : String.format("""
                        %d write(s) more than the %d recipients: the group's own record (its last seq and message), and \
                        the sender's own list (the group's last message, its order, the sender's read point).""", extra, recipients);
        return new Check("A " + recipients + "-recipient fan-out makes at most " + recipients
                + " write requests and runs at least 8 in flight",
                fanOut.operation() + ": " + writes + " writes, " + fanOut.usage().maxInFlight() + " in flight",
                fanOut.usage().maxInFlight() >= 8 && writes <= recipients, whenMissed);
    }

    private static Check budgetCheck(List<CostBenchmark.Row> cost) {
        List<CostBenchmark.Row> over = cost.stream().filter(r -> !r.atBudget()).toList();
        return new Check("Cost exactly at the budget (the README's table)", over.isEmpty() ? "every operation"
                : over.stream().map(CostBenchmark.Row::operation).collect(Collectors.joining(", ")) + " off budget",
                over.isEmpty(), "See the cost table: each row off budget names its budget.");
    }

    /** A message into existing conversations at most this share of the write units it took on the earlier table (issue 13). */
    static final double MESSAGE_UNITS_MAX_SHARE = 0.5;

    private static Check messageUnitsCheck(List<CostBenchmark.Row> cost) {
        List<CostBenchmark.Row> messages = cost.stream()
                .filter(r -> r.operation().startsWith("recordMessage ") && r.operation().contains(", existing"))
                .filter(r -> r.unitsOnEarlierTable() != null).toList();
        String measured = messages.stream().map(r -> String.format("%s: %d W (earlier %d W, %.2f×)", r.operation(), r.units().write(),
                r.unitsOnEarlierTable().write(), share(r))).collect(Collectors.joining("; "));
        boolean met = !messages.isEmpty() && messages.stream().allMatch(r -> share(r) <= MESSAGE_UNITS_MAX_SHARE);
        return new Check("A message into existing conversations at most " + MESSAGE_UNITS_MAX_SHARE
                + " times the write units it took on the earlier table", measured, met, """
                        Each affected list's write is its item (1 unit up to 1 KB) and the move of its byOrder entry                         (a delete and a put); a summary near 1 KB makes the item and both entries 2 units each.""");
    }

    private static double share(CostBenchmark.Row r) {
        return (double) r.units().write() / r.unitsOnEarlierTable().write();
    }

    /** The ratio per operation; when missed, which operations met it and which did not, then why. */
    private static Check ratioCheck(String target, List<LayerBenchmark.Result> layers, LayerBenchmark.Layer upper,
            LayerBenchmark.Layer lower, double limit, String why) {
        String measured = layers.stream().map(r -> String.format("%s %.2f×", shortName(r), r.p50Ratio(upper, lower).median()))
                .collect(Collectors.joining(", "));
        List<String> metBy = layers.stream().filter(r -> r.p50Ratio(upper, lower).median() <= limit).map(Targets::shortName).toList();
        List<String> missedBy = layers.stream().filter(r -> r.p50Ratio(upper, lower).median() > limit).map(Targets::shortName).toList();
        String whenMissed = "Missed for " + String.join(", ", missedBy)
                + (metBy.isEmpty() ? "" : "; met for " + String.join(", ", metBy)) + ". " + why;
        return new Check(target, measured, missedBy.isEmpty(), whenMissed);
    }

    private static String shortName(LayerBenchmark.Result r) {
        return r.operation().replaceAll(" \\(.*", "");
    }

    static String section(List<Check> checks) {
        StringBuilder md = new StringBuilder("| target | measured (median of the runs) | met |\n|---|---|---|\n");
        for (Check c : checks) {
            md.append("| ").append(c.target()).append(" | ").append(c.measured()).append(" | ").append(c.met() ? "yes" : "**no**")
                    .append(" |\n");
        }
        List<Check> missed = checks.stream().filter(c -> !c.met()).toList();
        if (!missed.isEmpty()) {
            md.append("\nWhy the missed ones are missed, and what would reach them:\n\n");
            missed.forEach(c -> md.append("- **").append(c.target()).append(".** ").append(c.whenMissed()).append('\n'));
        }
        return md.toString();
    }
}
