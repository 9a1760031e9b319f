package io.convlist.testkit;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A built Quarkus application ({@code java -jar .../quarkus-run.jar}) run as its own process on a free
 * local port, for tests and benchmarks that need the application exactly as users run it. Remembers
 * when the process was started, so a caller can time the start to its first answer.
 */
public final class AppProcess implements AutoCloseable {
    /** HTTP/1.1 keep-alive, as API gateways and load balancers call their backends (the JDK would upgrade to h2c). */
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    private final Process process;
    private final Path log;
    private final long startedNanos;
    public final URI url;

    private AppProcess(Process process, Path log, long startedNanos, URI url) {
        this.process = process;
        this.log = log;
        this.startedNanos = startedNanos;
        this.url = url;
    }

    /** Starts the jar with these environment variables (plus the HTTP port and host); does not wait. */
    public static AppProcess start(Path jar, Map<String, String> environment, List<String> jvmOptions) throws IOException {
        if (!Files.exists(jar)) {
            throw new IllegalStateException("build it first (mvn -B install -DskipTests from the top): " + jar + " is missing");
        }
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        Path log = Files.createTempFile("app-process", ".log");
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmOptions);
        command.add("-jar");
        command.add(jar.toString());
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        pb.environment().putAll(environment);
        pb.environment().put("QUARKUS_HTTP_PORT", String.valueOf(port));
        pb.environment().put("QUARKUS_HTTP_HOST", "127.0.0.1");
        long started = System.nanoTime();
        Process process = pb.start();
        return new AppProcess(process, log, started, URI.create("http://127.0.0.1:" + port + "/"));
    }

    /** POSTs JSON to a path, with a bearer token unless it is null. Throws IOException while not listening yet. */
    /** The process's resident memory now, in KiB (from /proc; 0 where there is none). */
    public long residentKib() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc", String.valueOf(process.pid()), "status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("\\D", ""));
                }
            }
        } catch (IOException | NumberFormatException e) {
            return 0;
        }
        return 0;
    }

    public HttpResponse<String> post(String path, String bearer, String json) throws IOException, InterruptedException {
        HttpRequest.Builder b = HttpRequest.newBuilder(url.resolve(path)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)).timeout(Duration.ofMinutes(5));
        if (bearer != null) {
            b.header("Authorization", "Bearer " + bearer);
        }
        return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    /**
     * Polls the path until it answers with the status, and returns the time from the process start
     * to that answer. Polls every 5 ms, so the figure is that coarse.
     */
    public Duration awaitStatus(String path, String bearer, String json, int status, Duration timeout)
            throws IOException, InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            try {
                if (post(path, bearer, json).statusCode() == status) {
                    return Duration.ofNanos(System.nanoTime() - startedNanos);
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            if (!process.isAlive() || System.nanoTime() > deadline) {
                throw new IllegalStateException("no " + status + " from " + url.resolve(path) + ":\n" + log());
            }
            Thread.sleep(5);
        }
    }

    /** Resident memory of the process (VmRSS), in KiB; Linux only. */
    public long residentKiB() throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc", String.valueOf(process.pid()), "status"))) {
            if (line.startsWith("VmRSS:")) {
                return Long.parseLong(line.replaceAll("[^0-9]", ""));
            }
        }
        throw new IllegalStateException("no VmRSS for process " + process.pid());
    }

    public String log() throws IOException {
        return Files.readString(log);
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
            Files.deleteIfExists(log);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (IOException ignored) {
            // a temporary log left behind
        }
    }
}
