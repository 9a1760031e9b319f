package io.convlist.bench;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.convlist.testkit.AppProcess;
import io.convlist.testkit.LocalFunctions;

/**
 * Cold start: from process start to the first successful function response, and the resident memory
 * right after it, for the functions and for a bare Funqy app (bench/baseline-funqy) started the same
 * way ({@code java -jar quarkus-run.jar}), alternately. Then both again with a class-data-sharing
 * archive that each app's own training start wrote (JDK dynamic AppCDS), to show what that gives.
 */
final class ColdStartBenchmark {
    /** One start of each app in one JVM setup: times in ms, memory in MiB. */
    record Run(boolean appCds, double functionsFirstAnswer, double functionsFirstSuccess, double functionsRss,
            double baselineFirstSuccess, double baselineRss) {
    }

    private static final Duration TIMEOUT = Duration.ofSeconds(90);
    private final URI endpoint;
    private final Path projectRoot;
    private final String table;

    ColdStartBenchmark(URI endpoint, Path projectRoot) {
        this.endpoint = endpoint;
        this.projectRoot = projectRoot;
        this.table = StoreOnTable.create(endpoint, "bench-cold-" + UUID.randomUUID().toString().substring(0, 8)).table();
    }

    List<Run> run(int repeats) throws IOException, InterruptedException {
        Path archives = Files.createTempDirectory("bench-appcds");
        Path baselineArchive = archives.resolve("baseline.jsa");
        Path functionsArchive = archives.resolve("functions.jsa");
        // Training starts: each app makes its first call, then its JVM writes the classes it loaded on exit.
        start(List.of("-XX:ArchiveClassesAtExit=" + baselineArchive), List.of("-XX:ArchiveClassesAtExit=" + functionsArchive), false);
        List<Run> runs = new ArrayList<>();
        for (int i = 0; i < repeats; i++) {
            runs.add(start(List.of(), List.of(), false));
            runs.add(start(List.of("-XX:SharedArchiveFile=" + baselineArchive), List.of("-XX:SharedArchiveFile=" + functionsArchive), true));
        }
        Files.deleteIfExists(baselineArchive);
        Files.deleteIfExists(functionsArchive);
        Files.deleteIfExists(archives);
        return runs;
    }

    private Run start(List<String> baselineJvm, List<String> functionsJvm, boolean appCds) throws IOException, InterruptedException {
        Path baselineJar = projectRoot.resolve(Path.of("bench", "baseline-funqy", "target", "quarkus-app", "quarkus-run.jar"));
        double baselineMillis;
        double baselineRss;
        try (AppProcess baseline = AppProcess.start(baselineJar, Map.of(), baselineJvm)) {
            baselineMillis = baseline.awaitStatus("echo", null, "{\"name\":\"ping\"}", 200, TIMEOUT).toNanos() / 1e6;
            baselineRss = baseline.residentKiB() / 1024.0;
        }
        try (LocalFunctions functions = LocalFunctions.launch(projectRoot, endpoint.toString(), table, functionsJvm)) {
            String token = functions.userToken("cold", "u");
            // First any answer (the HTTP layer is up: 401 without a token), then the first success
            // (token verified, the list read from DynamoDB: the SDK's first request).
            Duration answer = functions.process.awaitStatus("getTotalUnreadMessageCount", null, "{}", 401, TIMEOUT);
            Duration success = functions.process.awaitStatus("getTotalUnreadMessageCount", token, "{}", 200, TIMEOUT);
            return new Run(appCds, answer.toNanos() / 1e6, success.toNanos() / 1e6, functions.process.residentKiB() / 1024.0,
                    baselineMillis, baselineRss);
        }
    }

    static Spread ratio(List<Run> runs, boolean appCds) {
        return Spread.of(runs.stream().filter(r -> r.appCds() == appCds)
                .mapToDouble(r -> r.functionsFirstSuccess() / r.baselineFirstSuccess()).toArray());
    }

    static String section(List<Run> runs) {
        StringBuilder md = new StringBuilder();
        md.append(runs.size() / 2).append(" starts of each app per JVM setup, alternately; `java -jar quarkus-run.jar` ")
                .append("(JVM mode), polled every 5 ms. Resident memory = VmRSS right after the first success. ")
                .append("AppCDS = the same command with `-XX:SharedArchiveFile=`, the archive written by one training start ")
                .append("of that app (`-XX:ArchiveClassesAtExit`).\n\n");
        md.append("| app | JVM | first answer ms | first successful call ms | resident MiB |\n|---|---|---|---|---|\n");
        for (boolean appCds : new boolean[] {false, true}) {
            List<Run> of = runs.stream().filter(r -> r.appCds() == appCds).toList();
            String jvm = appCds ? "AppCDS" : "plain";
            md.append("| bare Funqy app (`echo`) | ").append(jvm).append(" | | ")
                    .append(Spread.of(of.stream().mapToDouble(Run::baselineFirstSuccess).toArray()).format(0)).append(" | ")
                    .append(Spread.of(of.stream().mapToDouble(Run::baselineRss).toArray()).format(0)).append(" |\n");
            md.append("| functions (`getTotalUnreadMessageCount` with a token) | ").append(jvm).append(" | ")
                    .append(Spread.of(of.stream().mapToDouble(Run::functionsFirstAnswer).toArray()).format(0)).append(" | ")
                    .append(Spread.of(of.stream().mapToDouble(Run::functionsFirstSuccess).toArray()).format(0)).append(" | ")
                    .append(Spread.of(of.stream().mapToDouble(Run::functionsRss).toArray()).format(0)).append(" |\n");
        }
        md.append("\nFunctions ÷ bare app, first successful call: ").append(ratio(runs, false).format(2)).append(" plain, ")
                .append(ratio(runs, true).format(2)).append(" both with AppCDS.\n");
        return md.toString();
    }
}
