package io.convlist.localrun;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

/**
 * The README's local run, as a developer meets it: run-local.sh on the built jars (its build step
 * skipped; `mvn verify` built them), in a directory of the test's own.
 */
class RunLocalTest {
    /** The local run is another process, on the system clock: its messages are stamped by that clock. */
    private static final Clock LOCAL_RUN_CLOCK = Clock.systemUTC();

    static final Path ROOT = projectRoot();
    static final Path WORK = ROOT.resolve("bench/tool/target/local-run-test");
    final HttpClient http = HttpClient.newHttpClient();

    @Test
    void aTakenPort_stopsTheRunAtOnce_sayingWhich() throws Exception {
        try (ServerSocket taken = new ServerSocket(0)) {
            Run run = Run.start(Map.of("FUNCTIONS_PORT", String.valueOf(taken.getLocalPort()), "CONSOLE_PORT", String.valueOf(freePort())));
            assertThat(run.process.waitFor(30, TimeUnit.SECONDS)).isTrue();
            assertThat(run.process.exitValue()).isEqualTo(1);
            assertThat(run.stderr()).contains("port " + taken.getLocalPort() + " is taken by another process");
        }
    }

    @Test
    void aStartThatIsNotReadyInTime_stopsTheRun_withTheLogsLastLines() throws Exception {
        Run run = Run.start(Map.of("FUNCTIONS_PORT", String.valueOf(freePort()), "CONSOLE_PORT", String.valueOf(freePort()),
                "READY_TIMEOUT", "0"));
        try {
            assertThat(run.process.waitFor(60, TimeUnit.SECONDS)).isTrue();
            assertThat(run.process.exitValue()).isEqualTo(1);
            assertThat(run.stderr()).contains("the functions was not ready after 0 s");
        } finally {
            run.stop();
        }
    }

    @Test
    void theRun_isReadyWhenItSaysSo_andMintsTokensForAnyAppAndUser() throws Exception {
        int functions = freePort();
        Run run = Run.start(Map.of("FUNCTIONS_PORT", String.valueOf(functions), "CONSOLE_PORT", String.valueOf(freePort())));
        try {
            String banner = run.awaitStdout("SERVICE_TOKEN=", Duration.ofMinutes(3));
            String service = find(banner, "SERVICE_TOKEN=(\\S+)");
            // Ready when the banner shows: the first call succeeds.
            assertThat(post(functions, service, "recordMessage", "{\"type\":\"C2C\",\"msgID\":\"m1\",\"seq\":1,\"timestamp\":"
                    + (LOCAL_RUN_CLOCK.millis() - 1000) + ",\"senderID\":\"bob\",\"receiverID\":\"alice\",\"summary\":\"hi\"}").statusCode())
                    .isEqualTo(200);
            assertThat(post(functions, find(banner, "USER_TOKEN=(\\S+)"), "getTotalUnreadMessageCount", "{}").body()).isEqualTo("{\"totalUnreadCount\":1}");
            // The API reference the banner names renders.
            HttpResponse<String> reference = http.send(HttpRequest.newBuilder(URI.create(find(banner, "API:\\s+(\\S+)"))).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(reference.statusCode()).isEqualTo(200);
            assertThat(reference.body()).contains("swagger-ui");

            // The live channel the banner names: a device connected to it, and the watch command, see a message's event.
            Run watch = Run.start(Map.of("FUNCTIONS_PORT", String.valueOf(functions)), "watch", "--user", "alice");
            BlockingQueue<String> frames = new LinkedBlockingQueue<>();
            WebSocket device = http.newWebSocketBuilder().header("Authorization", "Bearer " + find(banner, "USER_TOKEN=(\\S+)"))
                    .buildAsync(URI.create(find(banner, "live:\\s+(\\S+)")), new WebSocket.Listener() {
                        @Override
                        public CompletionStage<?> onText(WebSocket socket, CharSequence data, boolean last) {
                            frames.add(data.toString());
                            socket.request(1);
                            return null;
                        }
                    }).join();
            watch.awaitFile(watch.errors, "connected to", Duration.ofMinutes(1));
            long sent = System.nanoTime();
            assertThat(post(functions, service, "recordMessage", "{\"type\":\"C2C\",\"msgID\":\"m2\",\"seq\":2,\"timestamp\":"
                    + LOCAL_RUN_CLOCK.millis() + ",\"senderID\":\"bob\",\"receiverID\":\"alice\",\"summary\":\"live\"}").statusCode())
                    .isEqualTo(200);
            // The device may first get events of changes made before it connected (the stream is read behind): skip them.
            String frame = frames.poll(10, TimeUnit.SECONDS);
            while (frame != null && !frame.contains("\"summary\":\"live\"")) {
                frame = frames.poll(10, TimeUnit.SECONDS);
            }
            System.out.printf("local run: the message's event reached the device %d ms after the call was sent%n",
                    (System.nanoTime() - sent) / 1_000_000);
            assertThat(frame).as("the message's event").isNotNull().contains("\"conversationChanged\"");
            watch.awaitFile(watch.stdout, "\"summary\":\"live\"", Duration.ofSeconds(30));
            device.abort();
            watch.stop();

            // Another app and user: the app's service token writes, the user's token reads it.
            assertThat(post(functions, mint("--app", "flagship", "--service"), "recordMessage", "{\"type\":\"C2C\",\"msgID\":\"f1\","
                    + "\"seq\":1,\"timestamp\":" + (LOCAL_RUN_CLOCK.millis() - 1000)
                    + ",\"senderID\":\"dan\",\"receiverID\":\"carol\",\"summary\":\"hello\"}").statusCode()).isEqualTo(200);
            HttpResponse<String> list = post(functions, mint("--app", "flagship", "--user", "carol"), "getConversationList", "{}");
            assertThat(list.statusCode()).isEqualTo(200);
            assertThat(list.body()).contains("c2c_dan");
            assertThat(list.headers().firstValue("X-Request-Id")).isPresent();
            HttpResponse<String> expired = post(functions, mint("--app", "flagship", "--user", "carol", "--expired"), "getConversationList",
                    "{}");
            assertThat(expired.statusCode()).isEqualTo(401);
            assertThat(expired.body()).contains("UNAUTHENTICATED");
        } finally {
            run.stop();
        }
    }

    HttpResponse<String> post(int port, String token, String function, String body) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/" + function))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    static String mint(String... args) throws IOException, InterruptedException {
        Run run = Run.start(Map.of(), prepend("token", args));
        assertThat(run.process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(run.process.exitValue()).as(run.stderr()).isZero();
        return Files.readString(run.stdout).trim();
    }

    static String[] prepend(String first, String... rest) {
        String[] all = new String[rest.length + 1];
        all[0] = first;
        System.arraycopy(rest, 0, all, 1, rest.length);
        return all;
    }

    static String find(String text, String regex) {
        Matcher m = Pattern.compile(regex).matcher(text);
        assertThat(m.find()).as(regex + " in:\n" + text).isTrue();
        return m.group(1);
    }

    static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    static Path projectRoot() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.exists(dir.resolve("run-local.sh"))) {
                return dir;
            }
        }
        throw new IllegalStateException("run from inside the project");
    }

    /** run-local.sh as a process, its output in files. */
    record Run(Process process, Path stdout, Path errors) {
        static Run start(Map<String, String> env, String... args) throws IOException {
            Files.createDirectories(WORK);
            Path out = Files.createTempFile(WORK, "stdout", ".txt");
            Path err = Files.createTempFile(WORK, "stderr", ".txt");
            ProcessBuilder pb = new ProcessBuilder(prepend(ROOT.resolve("run-local.sh").toString(), args)).directory(ROOT.toFile())
                    .redirectOutput(out.toFile()).redirectError(err.toFile());
            pb.environment().putAll(env);
            pb.environment().put("CONVLIST_SKIP_BUILD", "1");
            pb.environment().put("LOCAL_RUN_DIR", WORK.toString());
            return new Run(pb.start(), out, err);
        }

        String stderr() throws IOException {
            return Files.readString(errors);
        }

        String awaitStdout(String marker, Duration timeout) throws IOException, InterruptedException {
            return awaitFile(stdout, marker, timeout);
        }

        String awaitFile(Path file, String marker, Duration timeout) throws IOException, InterruptedException {
            long deadline = System.nanoTime() + timeout.toNanos();
            while (System.nanoTime() < deadline) {
                String text = Files.readString(file);
                if (text.contains(marker)) {
                    return text;
                }
                if (!process.isAlive()) {
                    throw new AssertionError("run-local.sh stopped (" + process.exitValue() + "):\n" + text + "\n" + stderr());
                }
                Thread.sleep(200); // polling a process's output, not timing anything
            }
            throw new AssertionError("no " + marker + " within " + timeout + ":\n" + Files.readString(file) + "\n" + stderr());
        }

        /** Stops the script, which stops what it started (its trap), then anything left. */
        void stop() throws InterruptedException {
            var children = process.descendants().toList();
            process.destroy();
            if (!process.waitFor(20, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
            children.forEach(ProcessHandle::destroyForcibly);
        }
    }
}
