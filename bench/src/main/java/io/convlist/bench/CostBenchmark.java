package io.convlist.bench;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import io.convlist.domain.AppSettings;
import io.convlist.domain.ConversationId;
import io.convlist.domain.ConversationType;
import io.convlist.domain.Edition;
import io.convlist.domain.GroupType;
import io.convlist.domain.MessageEvent;
import io.convlist.store.AppSettingsStore;
import io.convlist.store.ConversationStore;
import io.convlist.store.DynamoDbClients;
import io.convlist.store.TableDefinition;
import io.convlist.store.local.EmbeddedDynamoDb;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * What each operation costs: DynamoDB requests, bytes sent and received (exact, counted by the SDK),
 * the most requests in flight, and wall time (median, min, max over repeated runs) against the
 * embedded backend through the store API. Writes docs/benchmarks.md.
 *
 * <p>{@code mvn -B -q -pl bench exec:java} (after {@code mvn -B install -DskipTests}).
 */
public final class CostBenchmark {
    /** Sizes of one run; the quick mode (CI) uses small ones. */
    public record Sizes(List<Integer> groupRecipients, List<Integer> listSizes, List<Integer> pageSizes) {
        public static final Sizes FULL = new Sizes(List.of(10, 100, 1000), List.of(100, 500), List.of(20, 100));
        public static final Sizes QUICK = new Sizes(List.of(10), List.of(100), List.of(20));
    }

    public record Row(String operation, RequestMeter.Usage usage, long medianMicros, long minMicros, long maxMicros) {
    }

    private final RequestMeter meter = new RequestMeter();
    private final ConversationStore store;
    private final AppSettingsStore settings;
    private final long t0 = System.currentTimeMillis() - 3_600_000;

    public CostBenchmark(URI endpoint) {
        String table = "bench-" + UUID.randomUUID().toString().substring(0, 8);
        DynamoDbClient ddb = DynamoDbClients.build(Optional.of(endpoint), "us-east-1", List.of(meter));
        TableDefinition.createIfMissing(ddb, table);
        Clock clock = Clock.systemUTC();
        ExecutorService fanOut = Executors.newFixedThreadPool(16, r -> {
            Thread t = new Thread(r, "bench-fan-out");
            t.setDaemon(true);
            return t;
        });
        settings = new AppSettingsStore(ddb, table, clock, Duration.ofSeconds(60));
        store = new ConversationStore(ddb, table, clock, settings, fanOut);
    }

    interface Scenario {
        /** Prepares a fresh app and returns the operation to measure on it. */
        Runnable prepare(String app);
    }

    Row measure(String name, int repeats, Scenario scenario) {
        long[] micros = new long[repeats];
        RequestMeter.Usage usage = null;
        for (int i = 0; i < repeats; i++) {
            String app = "b" + UUID.randomUUID().toString().substring(0, 8);
            settings.get(app); // warm the settings cache, as a running function has it
            Runnable operation = scenario.prepare(app);
            meter.reset();
            long start = System.nanoTime();
            operation.run();
            micros[i] = (System.nanoTime() - start) / 1000;
            usage = meter.usage();
        }
        long[] sorted = micros.clone();
        Arrays.sort(sorted);
        return new Row(name, usage, sorted[sorted.length / 2], sorted[0], sorted[sorted.length - 1]);
    }

    MessageEvent c2c(long seq) {
        return new MessageEvent(ConversationType.C2C, "c" + seq, seq, t0 + seq, "alice", "bob", null, null, List.of(), "hi",
                Set.of(), false).validated();
    }

    MessageEvent group(String groupId, long seq, List<String> recipients) {
        return new MessageEvent(ConversationType.GROUP, groupId + seq, seq, t0 + seq, "sender", null, groupId, GroupType.Work,
                recipients, "hello", Set.of(), false).validated();
    }

    void fill(String app, String user, int conversations) {
        for (int i = 0; i < conversations; i++) {
            store.recordMessage(app, new MessageEvent(ConversationType.GROUP, "f" + i, 1, t0 + i, user, null, "g" + i,
                    GroupType.Work, List.of(), "m", Set.of(), false).validated());
        }
    }

    public List<Row> run(Sizes sizes, int repeats) {
        List<Row> rows = new ArrayList<>();
        rows.add(measure("recordMessage C2C, existing conversations", repeats, app -> {
            store.recordMessage(app, c2c(1));
            return () -> store.recordMessage(app, c2c(2));
        }));
        for (int n : sizes.groupRecipients()) {
            rows.add(measure("recordMessage group, " + n + " recipients, existing", repeats, app -> {
                List<String> members = new ArrayList<>();
                for (int i = 0; i < n; i++) {
                    members.add("m" + i);
                }
                store.recordMessage(app, group("g", 1, members));
                return () -> store.recordMessage(app, group("g", 2, members));
            }));
        }
        rows.add(measure("create a conversation below the limit", repeats, app -> {
            fill(app, "u", 1);
            return () -> store.recordMessage(app, group("new", 1, List.of()).withSender("u"));
        }));
        rows.add(measure("create a conversation at the limit (evicts)", repeats, app -> {
            fill(app, "u", 100);
            return () -> store.recordMessage(app, group("new", 1, List.of()).withSender("u"));
        }));
        for (int size : sizes.listSizes()) {
            for (int page : sizes.pageSizes()) {
                rows.add(measure("getConversationList page of " + page + " from " + size, repeats, app -> {
                    if (size > 100) {
                        settings.put(new AppSettings(app, app, Edition.FLAGSHIP, size, 7), "bench");
                    }
                    fill(app, "u", size);
                    return () -> store.list(app, "u", 0, page);
                }));
            }
        }
        rows.add(measure("getTotalUnreadMessageCount, 100 with unread", repeats, app -> {
            for (int i = 0; i < 100; i++) {
                store.recordMessage(app, group("u" + i, 1, List.of("u")));
            }
            return () -> store.totalUnread(app, "u");
        }));
        rows.add(measure("pinConversation", repeats, app -> {
            fill(app, "u", 1);
            return () -> store.pin(app, "u", ConversationId.group("g0"), true);
        }));
        rows.add(measure("setConversationDraft", repeats, app -> {
            fill(app, "u", 1);
            return () -> store.setDraft(app, "u", ConversationId.group("g0"), "draft");
        }));
        return rows;
    }

    static String report(List<Row> rows, int repeats, String command) {
        StringBuilder md = new StringBuilder();
        md.append("# Benchmarks: what each operation costs\n\n");
        md.append("Generated ").append(Instant.now()).append(" by `").append(command).append("`.\n\n");
        md.append("Machine: ").append(Runtime.getRuntime().availableProcessors()).append(" cores, ")
                .append(System.getProperty("os.name")).append(' ').append(System.getProperty("os.arch")).append(", Java ")
                .append(System.getProperty("java.version")).append(". Backend: the embedded, serialized moto server (")
                .append("requests and bytes are exact; times are moto's, not DynamoDB's). ").append(repeats)
                .append(" runs per row, each on a fresh app.\n\n");
        md.append("| operation | DynamoDB requests | bytes sent | bytes received | most in flight | time median (min–max) |\n");
        md.append("|---|---|---|---|---|---|\n");
        for (Row r : rows) {
            md.append("| ").append(r.operation()).append(" | ").append(r.usage().requests()).append(" | ")
                    .append(r.usage().bytesSent()).append(" | ").append(r.usage().bytesReceived()).append(" | ")
                    .append(r.usage().maxInFlight()).append(" | ")
                    .append(String.format("%.1f ms (%.1f–%.1f)", r.medianMicros() / 1000.0, r.minMicros() / 1000.0, r.maxMicros() / 1000.0))
                    .append(" |\n");
        }
        md.append("\nNot measured yet: the HTTP and bare-SDK layers side by side, cold start, and scale (issue 5).\n");
        return md.toString();
    }

    public static void main(String[] args) throws Exception {
        int repeats = 3;
        List<Row> rows = new CostBenchmark(EmbeddedDynamoDb.start()).run(Sizes.FULL, repeats);
        String md = report(rows, repeats, "mvn -B -q -pl bench exec:java");
        Path out = Path.of(args.length > 0 ? args[0] : "../docs/benchmarks.md");
        Files.writeString(out, md);
        System.out.println(md);
        System.exit(0);
    }
}
