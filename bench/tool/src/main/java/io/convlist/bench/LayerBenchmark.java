package io.convlist.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.IntConsumer;
import java.util.function.IntFunction;
import java.util.function.ToDoubleFunction;

import io.convlist.testkit.LocalFunctions;
import io.convlist.domain.AppSettings;
import io.convlist.domain.ConversationId;
import io.convlist.domain.Edition;
import software.amazon.awssdk.core.SdkRequest;

/**
 * What the layers above DynamoDB add: each operation measured three ways in one run, call after call
 * on three tables in the same state on the same backend: through HTTP (the functions' built jar, as
 * users run it), through the store API, and as the bare SDK sending exactly the requests the store
 * just sent (recorded, then replayed on the third table).
 */
final class LayerBenchmark implements AutoCloseable {
    /** listSize conversations, pages of pageSize; unread conversations for the total; calls per run. */
    record Sizes(int listSize, int pageSize, int unreadConversations, int cheapCalls, int listCalls, int warmupCalls) {
        static final Sizes FULL = new Sizes(500, 100, 100, 200, 30, 20);
        static final Sizes QUICK = new Sizes(20, 10, 5, 3, 3, 1);
    }

    enum Layer {
        HTTP, STORE, BARE_SDK
    }

    /** One run's figures for one layer. */
    record Figures(double p50Millis, double p99Millis, double perSecond) {
    }

    /** One operation over all runs: its requests (exact) and each run's figures per layer. */
    record Result(String operation, Map<String, Integer> requests, int callsPerRun, List<Map<Layer, Figures>> runs) {
        Spread spread(Layer layer, ToDoubleFunction<Figures> figure) {
            return Spread.of(runs.stream().mapToDouble(r -> figure.applyAsDouble(r.get(layer))).toArray());
        }

        /** The ratio of two layers' p50, taken in each run. */
        Spread p50Ratio(Layer upper, Layer lower) {
            return Spread.of(runs.stream().mapToDouble(r -> r.get(upper).p50Millis() / r.get(lower).p50Millis()).toArray());
        }
    }

    private record HttpCall(String function, String token, String json) {
    }

    /** An HTTP call that ends before the store: its status and p50 per run (ms). */
    record FloorCall(String call, int status, double[] p50PerRun) {
    }

    /** What {@link #run} measured. */
    record Outcome(List<Result> operations, List<FloorCall> floor) {
    }

    private record Operation(String name, int calls, IntFunction<HttpCall> http, IntConsumer store, boolean parallelRequests) {
    }

    private static final String APP = "layers";
    private final Sizes sizes;
    private final RequestRecorder recorder = new RequestRecorder();
    private final RequestMeter meter = new RequestMeter();
    private final StoreOnTable viaStore;
    private final BareReplay bare;
    private final LocalFunctions functions;

    LayerBenchmark(URI endpoint, Path projectRoot, Sizes sizes) throws IOException, InterruptedException {
        this.sizes = sizes;
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        StoreOnTable viaHttp = StoreOnTable.create(endpoint, "bench-http-" + suffix);
        viaStore = StoreOnTable.create(endpoint, "bench-store-" + suffix, recorder, meter);
        StoreOnTable viaBare = StoreOnTable.create(endpoint, "bench-bare-" + suffix);
        for (StoreOnTable t : List.of(viaHttp, viaStore, viaBare)) {
            seed(t);
        }
        bare = new BareReplay(viaBare.ddb(), viaBare.table(), StoreOnTable.pool("bench-bare"));
        functions = LocalFunctions.start(projectRoot, endpoint.toString(), viaHttp.table());
    }

    /** The same lists on every table: a lister, a reader with unread conversations, a pinner, a C2C pair. */
    private void seed(StoreOnTable t) {
        t.settings().put(new AppSettings(APP, APP, Edition.FLAGSHIP, Math.max(100, sizes.listSize()), 7), "bench");
        Fixtures.fill(t.store(), APP, "lister", sizes.listSize());
        Fixtures.fillUnread(t.store(), APP, "reader", sizes.unreadConversations());
        Fixtures.fill(t.store(), APP, "pinner", 1);
        t.store().recordMessage(APP, Fixtures.c2c("alice", "bob", 1));
    }

    private List<Operation> operations() {
        String service = functions.serviceToken(APP);
        String lister = functions.userToken(APP, "lister");
        String reader = functions.userToken(APP, "reader");
        String pinner = functions.userToken(APP, "pinner");
        ConversationId pinned = ConversationId.group("g0");
        // Call i of recordMessage is message i + 2 of the seeded C2C conversation, the same on all three layers.
        return List.of(
                new Operation("recordMessage (C2C, existing conversation)", sizes.cheapCalls(),
                        i -> new HttpCall("recordMessage", service, Fixtures.c2cJson("alice", "bob", i + 2)),
                        i -> viaStore.store().recordMessage(APP, Fixtures.c2c("alice", "bob", i + 2)), true),
                new Operation("getConversationList (" + sizes.pageSize() + " of " + sizes.listSize() + ")", sizes.listCalls(),
                        i -> new HttpCall("getConversationList", lister, "{\"nextSeq\":0,\"count\":" + sizes.pageSize() + "}"),
                        i -> viaStore.store().list(APP, "lister", 0, sizes.pageSize()), false),
                new Operation("pinConversation (pin, unpin, …)", sizes.cheapCalls(),
                        i -> new HttpCall("pinConversation", pinner, "{\"conversationID\":\"" + pinned + "\",\"isPinned\":" + (i % 2 == 0) + "}"),
                        i -> viaStore.store().pin(APP, "pinner", pinned, i % 2 == 0), false),
                new Operation("getTotalUnreadMessageCount (" + sizes.unreadConversations() + " unread conversations)", sizes.cheapCalls(),
                        i -> new HttpCall("getTotalUnreadMessageCount", reader, "{}"),
                        i -> viaStore.store().totalUnread(APP, "reader"), false));
    }

    Outcome run(int runs) throws IOException, InterruptedException {
        List<Result> operations = runOperations(runs);
        // Where the HTTP layer's own time goes: calls the functions answer before reaching the store.
        List<FloorCall> floor = List.of(
                new FloorCall("unknown function (HTTP, routing, error body)", 404, new double[runs]),
                new FloorCall("no token (the same, through the function's error path)", 401, new double[runs]),
                new FloorCall("token verified (RS256), then a missing userID", 400, new double[runs]));
        List<HttpCall> calls = List.of(new HttpCall("noSuchFunction", null, "{}"), new HttpCall("getTotalUnreadMessageCount", null, "{}"),
                new HttpCall("getTotalUnreadMessageCount", functions.serviceToken(APP), "{}"));
        for (int run = 0; run < runs; run++) {
            for (int c = 0; c < calls.size(); c++) {
                Latencies latencies = new Latencies();
                for (int k = 0; k < sizes.warmupCalls() + sizes.cheapCalls(); k++) {
                    HttpCall call = calls.get(c);
                    long start = System.nanoTime();
                    HttpResponse<String> response = functions.post(call.function(), call.token(), call.json());
                    long nanos = System.nanoTime() - start;
                    if (response.statusCode() != floor.get(c).status()) {
                        throw new IllegalStateException(call.function() + " answered " + response.statusCode() + ": " + response.body());
                    }
                    if (k >= sizes.warmupCalls()) {
                        latencies.add(nanos);
                    }
                }
                floor.get(c).p50PerRun()[run] = latencies.percentileMillis(50);
            }
        }
        return new Outcome(operations, floor);
    }

    private List<Result> runOperations(int runs) throws IOException, InterruptedException {
        List<Operation> operations = operations();
        List<List<Map<Layer, Figures>>> figuresPerOperation = new ArrayList<>();
        List<Map<String, Integer>> requestsPerOperation = new ArrayList<>();
        for (int o = 0; o < operations.size(); o++) {
            figuresPerOperation.add(new ArrayList<>());
            requestsPerOperation.add(Map.of());
        }
        int[] callIndex = new int[operations.size()];
        for (int run = 0; run < runs; run++) {
            for (int o = 0; o < operations.size(); o++) {
                Operation op = operations.get(o);
                Latencies http = new Latencies();
                Latencies store = new Latencies();
                Latencies sdk = new Latencies();
                for (int k = 0; k < sizes.warmupCalls() + op.calls(); k++) {
                    int i = callIndex[o]++;
                    HttpCall call = op.http().apply(i);
                    long start = System.nanoTime();
                    HttpResponse<String> response = functions.post(call.function(), call.token(), call.json());
                    long httpNanos = System.nanoTime() - start;
                    if (response.statusCode() != 200) {
                        throw new IllegalStateException(call.function() + " answered " + response.statusCode() + ": " + response.body());
                    }
                    recorder.take();
                    meter.reset();
                    start = System.nanoTime();
                    op.store().accept(i);
                    long storeNanos = System.nanoTime() - start;
                    List<SdkRequest> sent = recorder.take();
                    requestsPerOperation.set(o, meter.usage().requests());
                    start = System.nanoTime();
                    if (op.parallelRequests()) {
                        bare.inParallel(sent);
                    } else {
                        bare.sequentially(sent);
                    }
                    long bareNanos = System.nanoTime() - start;
                    if (k >= sizes.warmupCalls()) {
                        http.add(httpNanos);
                        store.add(storeNanos);
                        sdk.add(bareNanos);
                    }
                }
                figuresPerOperation.get(o)
                        .add(Map.of(Layer.HTTP, figures(http), Layer.STORE, figures(store), Layer.BARE_SDK, figures(sdk)));
            }
        }
        List<Result> results = new ArrayList<>();
        for (int o = 0; o < operations.size(); o++) {
            Operation op = operations.get(o);
            results.add(new Result(op.name(), requestsPerOperation.get(o), op.calls(), figuresPerOperation.get(o)));
        }
        return results;
    }

    private static Figures figures(Latencies l) {
        return new Figures(l.percentileMillis(50), l.percentileMillis(99), l.perSecond());
    }

    /** The layers section of the report. */
    static String section(Outcome outcome, int runs) {
        List<Result> results = outcome.operations();
        StringBuilder md = new StringBuilder();
        md.append("One caller, call after call; each call is made on all three layers in turn (HTTP, store, bare SDK) on ")
                .append("three tables in the same state, so the backend's noise falls on all three alike. ")
                .append(runs).append(" runs; each figure is the median (min–max) of the runs' values. ")
                .append("Calls per second = one caller's calls back to back. Bare SDK = the store's recorded requests, ")
                .append("replayed with the low-level client (a message's two writes in parallel, as the store sends them).\n\n");
        md.append("| operation | DynamoDB requests | layer | p50 ms | p99 ms | calls/s |\n|---|---|---|---|---|---|\n");
        for (Result r : results) {
            for (Layer layer : Layer.values()) {
                md.append("| ").append(layer == Layer.HTTP ? r.operation() + " (" + r.callsPerRun() + " calls per run)" : "")
                        .append(" | ").append(layer == Layer.HTTP ? r.requests().toString() : "")
                        .append(" | ").append(label(layer))
                        .append(" | ").append(r.spread(layer, Figures::p50Millis).format(2))
                        .append(" | ").append(r.spread(layer, Figures::p99Millis).format(2))
                        .append(" | ").append(r.spread(layer, Figures::perSecond).format(0)).append(" |\n");
            }
        }
        md.append("\n| operation | HTTP ÷ store (p50) | store ÷ bare SDK (p50) |\n|---|---|---|\n");
        for (Result r : results) {
            md.append("| ").append(r.operation()).append(" | ").append(r.p50Ratio(Layer.HTTP, Layer.STORE).format(2))
                    .append(" | ").append(r.p50Ratio(Layer.STORE, Layer.BARE_SDK).format(2)).append(" |\n");
        }
        md.append("\nThe HTTP layer's floor: calls the functions answer before the store is reached, same caller.\n\n")
                .append("| HTTP call | status | p50 ms |\n|---|---|---|\n");
        for (FloorCall f : outcome.floor()) {
            md.append("| ").append(f.call()).append(" | ").append(f.status()).append(" | ").append(Spread.of(f.p50PerRun()).format(2))
                    .append(" |\n");
        }
        return md.toString();
    }

    static String label(Layer layer) {
        return switch (layer) {
            case HTTP -> "HTTP (functions jar)";
            case STORE -> "store API";
            case BARE_SDK -> "bare SDK";
        };
    }

    @Override
    public void close() {
        functions.close();
    }
}
