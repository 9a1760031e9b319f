package io.convlist.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import io.convlist.testkit.LocalFunctions;
import io.convlist.domain.AppSettings;
import io.convlist.domain.Edition;

/**
 * Scale: users loaded with 100 conversations each through the functions (group messages, as a
 * message pipeline sends them), until the user count or the time is reached, with the load rate as
 * the table grows and, at each step, a bare-SDK transaction timed on the same table (the backend's
 * own growth, apart from the service's). Then list and total-unread latency, through HTTP on the
 * grown table, for a user with 500 conversations next to one with 10.
 */
final class ScaleBenchmark implements AutoCloseable {
    /**
     * Users are loaded in blocks of {@code blockUsers}: each block shares 100 groups that all its users
     * are in, so one message per group (from the block's first user) gives every user of the block
     * 100 conversations.
     */
    record Sizes(int maxUsers, int blockUsers, Duration maxLoadTime, int probes, int calls) {
        static final Sizes FULL = new Sizes(10_000, 10, Duration.ofMinutes(10), 5, 20);
        static final Sizes QUICK = new Sizes(10, 5, Duration.ofMinutes(2), 2, 2);
    }

    static final int CONVERSATIONS_PER_USER = 100;

    /** One block of users loaded: the table's conversations after it, its rate, the bare transaction's time. */
    record Step(int users, long conversations, double conversationsPerSecond, double messagesPerSecond, double bareTransactionMillis) {
    }

    /** Latency of one call for one user, over the runs (p50 and p99 per run). */
    record Call(String call, int conversations, Spread p50, Spread p99) {
    }

    /** @param retried calls answered 429 or 503 (with Retry-After) and made again, as a message pipeline does */
    record Result(List<Step> steps, Duration loadTime, List<Call> calls, int retried) {
    }

    private static final String LOAD_APP = "scale";
    private static final String READ_APP = "scale-read";
    private final Sizes sizes;
    private final StoreOnTable table;
    private final LocalFunctions functions;

    ScaleBenchmark(URI endpoint, Path projectRoot, Sizes sizes) throws IOException, InterruptedException {
        this.sizes = sizes;
        table = StoreOnTable.create(endpoint, "bench-scale-" + UUID.randomUUID().toString().substring(0, 8));
        functions = LocalFunctions.start(projectRoot, endpoint.toString(), table.table());
    }

    /** Loads, then measures the reads {@code runs} times. */
    /** Attempts per call when the answer says to retry. */
    static final int RETRIES = 5;
    private int retried;

    Result run(int runs) throws IOException, InterruptedException {
        String service = functions.serviceToken(LOAD_APP);
        List<Step> steps = new ArrayList<>();
        long started = System.nanoTime();
        long deadline = started + sizes.maxLoadTime().toNanos();
        int users = 0;
        long conversations = 0;
        int seq = 0;
        while (users + sizes.blockUsers() <= sizes.maxUsers() && System.nanoTime() < deadline) {
            int block = users / sizes.blockUsers();
            long blockStart = System.nanoTime();
            for (int g = 0; g < CONVERSATIONS_PER_USER; g++) {
                post("recordMessage", service, groupMessage(block, g, ++seq));
            }
            double seconds = (System.nanoTime() - blockStart) / 1e9;
            users += sizes.blockUsers();
            conversations += (long) sizes.blockUsers() * CONVERSATIONS_PER_USER;
            steps.add(new Step(users, conversations, sizes.blockUsers() * CONVERSATIONS_PER_USER / seconds,
                    CONVERSATIONS_PER_USER / seconds, bareTransactionMillis(block)));
        }
        Duration loadTime = Duration.ofNanos(System.nanoTime() - started);
        return new Result(steps, loadTime, readLatencies(runs), retried);
    }

    private String groupMessage(int block, int group, int seq) {
        StringBuilder recipients = new StringBuilder();
        for (int u = 1; u < sizes.blockUsers(); u++) {
            recipients.append(u == 1 ? "" : ",").append("\"u").append(block * sizes.blockUsers() + u).append('"');
        }
        return "{\"type\":\"GROUP\",\"groupType\":\"Work\",\"msgID\":\"m" + seq + "\",\"seq\":1,\"timestamp\":" + (Fixtures.T0 + seq)
                + ",\"senderID\":\"u" + block * sizes.blockUsers() + "\",\"groupID\":\"b" + block + "-g" + group
                + "\",\"recipients\":[" + recipients + "],\"summary\":\"hello\"}";
    }

    /** The backend's own cost as the table grows: the median time of a bare transaction on this table. */
    private double bareTransactionMillis(int step) {
        double[] millis = new double[sizes.probes()];
        for (int i = 0; i < millis.length; i++) {
            millis[i] = BackendCurve.transactionMillis(table.ddb(), table.table(), "probe#" + step + "#" + i);
        }
        return Spread.of(millis).median();
    }

    /** On the grown table: a user with 500 conversations and one with 10, all unread, read through HTTP. */
    private List<Call> readLatencies(int runs) throws IOException, InterruptedException {
        table.settings().put(new AppSettings(READ_APP, READ_APP, Edition.FLAGSHIP, 500, 7), "bench");
        Fixtures.fillUnread(table.store(), READ_APP, "big", 500);
        Fixtures.fillUnread(table.store(), READ_APP, "small", 10);
        List<Call> calls = new ArrayList<>();
        for (String[] call : List.of(new String[] {"getConversationList", "{\"nextSeq\":0,\"count\":20}", "page of 20"},
                new String[] {"getConversationList", "{\"nextSeq\":0,\"count\":100}", "page of 100"},
                new String[] {"getTotalUnreadMessageCount", "{}", ""})) {
            for (String user : List.of("big", "small")) {
                String token = functions.userToken(READ_APP, user);
                double[] p50 = new double[runs];
                double[] p99 = new double[runs];
                for (int run = 0; run < runs; run++) {
                    Latencies latencies = new Latencies();
                    for (int i = 0; i < sizes.calls(); i++) {
                        long start = System.nanoTime();
                        post(call[0], token, call[1]);
                        latencies.add(System.nanoTime() - start);
                    }
                    p50[run] = latencies.percentileMillis(50);
                    p99[run] = latencies.percentileMillis(99);
                }
                calls.add(new Call(call[0] + (call[2].isEmpty() ? "" : ", " + call[2]), user.equals("big") ? 500 : 10,
                        Spread.of(p50), Spread.of(p99)));
            }
        }
        return calls;
    }

    /**
     * One call; an answer of 429 or 503 is made again after its Retry-After, as the IM backend's
     * pipeline does (every function here is idempotent), a few times at most.
     */
    private void post(String function, String token, String json) throws IOException, InterruptedException {
        for (int attempt = 1;; attempt++) {
            HttpResponse<String> response = functions.post(function, token, json);
            int status = response.statusCode();
            if (status == 200) {
                return;
            }
            if ((status != 429 && status != 503) || attempt == RETRIES) {
                throw new IllegalStateException(function + " answered " + status + ": " + response.body());
            }
            retried++;
            Thread.sleep(1000L * Long.parseLong(response.headers().firstValue("Retry-After").orElse("1")));
        }
    }

    static String section(Result result, Sizes sizes, int runs, int maxRows) {
        StringBuilder md = new StringBuilder();
        List<Step> steps = result.steps();
        Step last = steps.isEmpty() ? null : steps.get(steps.size() - 1);
        md.append("Loaded through the functions (HTTP, service token): blocks of ").append(sizes.blockUsers())
                .append(" users sharing 100 groups, one message per group, so each message creates ").append(sizes.blockUsers())
                .append(" conversations (fan-out). Stopped at ").append(last == null ? 0 : last.users()).append(" users / ")
                .append(last == null ? 0 : last.conversations()).append(" conversations after ")
                .append(result.loadTime().toSeconds()).append(" s (limits: ").append(sizes.maxUsers()).append(" users or ")
                .append(sizes.maxLoadTime().toMinutes()).append(" min). ").append(result.retried())
                .append(" calls were answered 429 or 503 (a DynamoDB call past its timeout: moto, one request at a time, ")
                .append("queues the fan-out's parallel writes) and made again after Retry-After, as a pipeline does. ")
                .append("Each row sums the blocks since the previous row; ")
                .append("the bare transaction is a two-item TransactWriteItems on the same table, median of ")
                .append(sizes.probes()).append(" after each block.\n\n");
        if (last != null && last.users() < sizes.maxUsers()) {
            double perSecond = Spread.of(steps.stream().mapToDouble(Step::conversationsPerSecond).toArray()).median();
            md.append(String.format("At the median rate, %d users (%d conversations) would take %.1f h: the load is bound by ",
                    sizes.maxUsers(), (long) sizes.maxUsers() * CONVERSATIONS_PER_USER,
                    sizes.maxUsers() * CONVERSATIONS_PER_USER / perSecond / 3600))
                    .append("moto serving one request at a time (a creation is 3 requests), not by the table's size.\n\n");
        }
        md.append("| users loaded | conversations in the table | conversations created per s, median (min–max) of the row's blocks | ")
                .append("bare SDK transaction ms, median (min–max) |\n|---|---|---|---|\n");
        int per = Math.max(1, (steps.size() + maxRows - 1) / maxRows);
        for (int from = 0; from < steps.size(); from += per) {
            List<Step> row = steps.subList(from, Math.min(steps.size(), from + per));
            Step end = row.get(row.size() - 1);
            md.append("| ").append(end.users()).append(" | ").append(end.conversations()).append(" | ")
                    .append(Spread.of(row.stream().mapToDouble(Step::conversationsPerSecond).toArray()).format(0)).append(" | ")
                    .append(Spread.of(row.stream().mapToDouble(Step::bareTransactionMillis).toArray()).format(1)).append(" |\n");
        }
        md.append("\nThen, on the grown table, through HTTP, ").append(sizes.calls()).append(" calls per run, ")
                .append(runs).append(" runs (all conversations unread). A page reads only its own items and ")
                .append("the total reads the list's conversations, so times follow the items read ")
                .append("(moto: about 1 ms each), not the table's size:\n\n");
        md.append("| call | conversations | p50 ms | p99 ms |\n|---|---|---|---|\n");
        for (Call c : result.calls()) {
            md.append("| ").append(c.call()).append(" | ").append(c.conversations()).append(" | ").append(c.p50().format(1))
                    .append(" | ").append(c.p99().format(1)).append(" |\n");
        }
        return md.toString();
    }

    @Override
    public void close() {
        functions.close();
    }
}
