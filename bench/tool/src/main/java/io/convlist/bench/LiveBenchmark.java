package io.convlist.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.convlist.testkit.LocalFunctions;

/**
 * 7. Live changes: devices connected to the functions' live channel while messages flow. For each
 * message, the time from the start of its {@code recordMessage} call to its event on each of the
 * recipient's devices, beside the call's own time; the events the instance delivered per second; and
 * the resident memory the connections added to the functions' process. Then one user with many
 * devices gets messages one at a time: how fast the instance hands one change to all of them is its
 * delivery rate, which moto's pace (one request at a time) does not set.
 */
final class LiveBenchmark implements AutoCloseable {
    /** @param fanOutDevices the one user's devices of the delivery-rate phase, which gets {@code fanOutMessages} messages */
    record Sizes(int users, int devicesPerUser, int messages, int writers, int fanOutDevices, int fanOutMessages) {
        static final Sizes FULL = new Sizes(500, 2, 600, 4, 500, 40);
        static final Sizes QUICK = new Sizes(4, 2, 8, 2, 3, 2);
    }

    /** @param lost events expected (one per message and device of its recipient) that did not arrive within the wait */
    record Result(int devices, int users, int messages, int writers, double writeP50, double writeP99, double eventP50, double eventP99,
            int events, int lost, double eventsPerSecond, double kibPerConnection, FanOut fanOut) {
    }

    /**
     * @param deliveriesPerSecond per message, its devices less one over the time from its first device's
     *                            event to its last one's: the median and the lowest of the messages
     */
    record FanOut(int devices, int messages, int delivered, int lost, double medianDeliveriesPerSecond, double lowestDeliveriesPerSecond) {
    }

    private static final String APP = "live";
    private static final Duration WAIT_AFTER_LAST = Duration.ofSeconds(10);
    private static final Pattern MSG_ID = Pattern.compile("\"msgID\":\"([^\"]+)\"");

    private final Sizes sizes;
    private final StoreOnTable table;
    private final LocalFunctions functions;
    private final HttpClient client = HttpClient.newHttpClient();

    LiveBenchmark(URI endpoint, Path projectRoot, Sizes sizes) throws IOException, InterruptedException {
        this.sizes = sizes;
        table = StoreOnTable.create(endpoint, "bench-live-" + UUID.randomUUID().toString().substring(0, 8));
        functions = LocalFunctions.start(projectRoot, endpoint.toString(), table.table(), Map.of("CONVLIST_LIVE_TAIL_STREAM", "true",
                "CONVLIST_LIVE_MAX_CONNECTIONS_PER_USER", String.valueOf(Math.max(sizes.devicesPerUser(), sizes.fanOutDevices()))));
    }

    /** One device: when each message's event arrived. */
    private static final class Device implements WebSocket.Listener {
        final Map<String, Long> arrived = new ConcurrentHashMap<>();
        private final StringBuilder partial = new StringBuilder();

        @Override
        public CompletionStage<?> onText(WebSocket socket, CharSequence data, boolean last) {
            long now = System.nanoTime();
            partial.append(data);
            if (last) {
                Matcher m = MSG_ID.matcher(partial);
                if (m.find()) {
                    arrived.putIfAbsent(m.group(1), now);
                }
                partial.setLength(0);
            }
            socket.request(1);
            return null;
        }
    }

    Result run() throws Exception {
        URI live = URI.create(functions.process.url.toString().replaceFirst("^http", "ws") + "live");
        long kibBefore = functions.process.residentKib();
        List<List<Device>> byUser = new ArrayList<>();
        List<WebSocket> sockets = new ArrayList<>();
        for (int u = 0; u < sizes.users(); u++) {
            List<Device> devices = new ArrayList<>();
            for (int d = 0; d < sizes.devicesPerUser(); d++) {
                Device device = new Device();
                sockets.add(client.newWebSocketBuilder().header("Authorization", "Bearer " + functions.userToken(APP, "u" + u))
                        .buildAsync(live, device).join());
                devices.add(device);
            }
            byUser.add(devices);
        }
        long kibAfter = functions.process.residentKib();
        Map<String, Long> sent = new ConcurrentHashMap<>();
        Latencies writes = new Latencies();
        String service = functions.serviceToken(APP);
        AtomicInteger next = new AtomicInteger();
        ExecutorService writers = Executors.newFixedThreadPool(sizes.writers());
        List<Future<?>> done = new ArrayList<>();
        long firstSend = System.nanoTime();
        for (int w = 0; w < sizes.writers(); w++) {
            done.add(writers.submit(() -> {
                for (int i = next.getAndIncrement(); i < sizes.messages(); i = next.getAndIncrement()) {
                    String msgId = "m" + i;
                    long start = System.nanoTime();
                    sent.put(msgId, start);
                    functions.post("recordMessage", service, "{\"type\":\"C2C\",\"msgID\":\"" + msgId + "\",\"seq\":1,\"timestamp\":"
                            + System.currentTimeMillis() + ",\"senderID\":\"p" + i + "\",\"receiverID\":\"u" + (i % sizes.users())
                            + "\",\"summary\":\"live " + i + "\"}");
                    long took = System.nanoTime() - start;
                    synchronized (writes) {
                        writes.add(took);
                    }
                }
                return null;
            }));
        }
        for (Future<?> f : done) {
            f.get();
        }
        writers.shutdown();
        int expected = sizes.messages() * sizes.devicesPerUser();
        long deadline = System.nanoTime() + WAIT_AFTER_LAST.toNanos();
        while (arrivals(byUser) < expected && System.nanoTime() < deadline) {
            Thread.sleep(50); // waiting for the last events to arrive, not timing anything
        }
        Latencies events = new Latencies();
        long lastArrival = firstSend;
        for (int i = 0; i < sizes.messages(); i++) {
            for (Device device : byUser.get(i % sizes.users())) {
                Long at = device.arrived.get("m" + i);
                if (at != null) {
                    events.add(at - sent.get("m" + i));
                    lastArrival = Math.max(lastArrival, at);
                }
            }
        }
        sockets.forEach(WebSocket::abort);
        int received = arrivals(byUser);
        FanOut fanOut = fanOut(live);
        return new Result(sockets.size(), sizes.users(), sizes.messages(), sizes.writers(), writes.percentileMillis(50), writes.percentileMillis(99),
                received == 0 ? Double.NaN : events.percentileMillis(50), received == 0 ? Double.NaN : events.percentileMillis(99),
                received, expected - received, received / ((lastArrival - firstSend) / 1e9),
                (kibAfter - kibBefore) / (double) sockets.size(), fanOut);
    }

    /** One user's many devices, one message at a time: how fast one change reaches all of them. */
    private FanOut fanOut(URI live) throws Exception {
        List<Device> devices = new ArrayList<>();
        List<WebSocket> sockets = new ArrayList<>();
        String token = functions.userToken(APP, "fan");
        for (int d = 0; d < sizes.fanOutDevices(); d++) {
            Device device = new Device();
            sockets.add(client.newWebSocketBuilder().header("Authorization", "Bearer " + token).buildAsync(live, device).join());
            devices.add(device);
        }
        String service = functions.serviceToken(APP);
        for (int i = 0; i < sizes.fanOutMessages(); i++) {
            String msgId = "fan" + i;
            functions.post("recordMessage", service, "{\"type\":\"C2C\",\"msgID\":\"" + msgId + "\",\"seq\":1,\"timestamp\":"
                    + System.currentTimeMillis() + ",\"senderID\":\"q" + i + "\",\"receiverID\":\"fan\",\"summary\":\"to all\"}");
            long deadline = System.nanoTime() + WAIT_AFTER_LAST.toNanos();
            while (devices.stream().anyMatch(d -> !d.arrived.containsKey(msgId)) && System.nanoTime() < deadline) {
                Thread.sleep(10); // one message at a time: its delivery to every device is what is timed, from the arrivals
            }
        }
        sockets.forEach(WebSocket::abort);
        List<Double> rates = new ArrayList<>();
        int delivered = 0;
        for (int i = 0; i < sizes.fanOutMessages(); i++) {
            String msgId = "fan" + i;
            List<Long> at = devices.stream().map(d -> d.arrived.get(msgId)).filter(java.util.Objects::nonNull).sorted().toList();
            delivered += at.size();
            if (at.size() > 1 && at.get(at.size() - 1) > at.get(0)) {
                rates.add((at.size() - 1) / ((at.get(at.size() - 1) - at.get(0)) / 1e9));
            }
        }
        rates.sort(Double::compare);
        return new FanOut(devices.size(), sizes.fanOutMessages(), delivered, devices.size() * sizes.fanOutMessages() - delivered,
                rates.isEmpty() ? Double.NaN : rates.get(rates.size() / 2), rates.isEmpty() ? Double.NaN : rates.get(0));
    }

    private static int arrivals(List<List<Device>> byUser) {
        return byUser.stream().flatMap(List::stream).mapToInt(d -> d.arrived.size()).sum();
    }

    static String section(Result r) {
        return String.format("""
                The functions' built jar with `CONVLIST_LIVE_TAIL_STREAM=true`, reading moto's stream; %d devices (%d users, %d each) \
                connected over the JDK's WebSocket client from the benchmark's JVM, then %d C2C messages, one to each user in turn, \
                from %d writers. An event's time runs from the start of its `recordMessage` call to its arrival on a device, so it \
                includes the write; the stream tail waits up to 100 ms after a read that found nothing.

                | devices (users) | messages | recordMessage p50 / p99 ms | event p50 / p99 ms | events delivered (lost) | events per second | resident memory per connection |
                |---|---|---|---|---|---|---|
                | %d (%d) | %d | %.1f / %.1f | %.1f / %.1f | %d (%d) | %.0f | %.1f KiB |

                The events per second are what the writers' messages made on moto, which serves one request at a time: the \
                backend, not the channel, sets that rate here. The memory is the functions' resident set after the connections \
                opened less before, per connection (garbage collection moves it either way).

                What one instance delivers, apart from moto's pace: one user with %d devices gets %d messages, one at a time, \
                and each message's rate is its devices less one over the time from its first device's event to its last one's \
                (the benchmark's JVM receives on every connection, on the same 2 cores).

                | devices of one user | messages | events delivered (lost) | deliveries per second, median of the messages | lowest |
                |---|---|---|---|---|
                | %d | %d | %d (%d) | %.0f | %.0f |
                """, r.devices(), r.users(), r.devices() / Math.max(1, r.users()), r.messages(), r.writers(), r.devices(), r.users(), r.messages(),
                r.writeP50(), r.writeP99(), r.eventP50(), r.eventP99(), r.events(), r.lost(), r.eventsPerSecond(), r.kibPerConnection(),
                r.fanOut().devices(), r.fanOut().messages(), r.fanOut().devices(), r.fanOut().messages(), r.fanOut().delivered(),
                r.fanOut().lost(), r.fanOut().medianDeliveriesPerSecond(), r.fanOut().lowestDeliveriesPerSecond());
    }

    @Override
    public void close() {
        functions.close();
    }
}
