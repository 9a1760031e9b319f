package io.convlist.bench;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.convlist.devtools.AppProcess;
import io.convlist.devtools.LocalFunctions;

/**
 * Cold start: from process start to the first successful function response, and the resident memory
 * right after it, for the functions and for a bare Funqy app (bench/baseline-funqy) started the same
 * way ({@code java -jar quarkus-run.jar}, no JVM options), alternately.
 */
final class ColdStartBenchmark {
    /** One start of each: times in ms, memory in MiB. */
    record Run(double functionsFirstAnswer, double functionsFirstSuccess, double functionsRss,
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
        List<Run> runs = new ArrayList<>();
        Path baselineJar = projectRoot.resolve(Path.of("bench", "baseline-funqy", "target", "quarkus-app", "quarkus-run.jar"));
        for (int i = 0; i < repeats; i++) {
            double baselineMillis;
            double baselineRss;
            try (AppProcess baseline = AppProcess.start(baselineJar, Map.of(), List.of())) {
                baselineMillis = baseline.awaitStatus("echo", null, "{\"name\":\"ping\"}", 200, TIMEOUT).toNanos() / 1e6;
                baselineRss = baseline.residentKiB() / 1024.0;
            }
            try (LocalFunctions functions = LocalFunctions.launch(projectRoot, endpoint.toString(), table)) {
                String token = functions.userToken("cold", "u");
                // First any answer (the HTTP layer is up: 401 without a token), then the first success
                // (token verified, the settings and the list read from DynamoDB: the SDK's first use).
                Duration answer = functions.process.awaitStatus("getTotalUnreadMessageCount", null, "{}", 401, TIMEOUT);
                Duration success = functions.process.awaitStatus("getTotalUnreadMessageCount", token, "{}", 200, TIMEOUT);
                runs.add(new Run(answer.toNanos() / 1e6, success.toNanos() / 1e6, functions.process.residentKiB() / 1024.0,
                        baselineMillis, baselineRss));
            }
        }
        return runs;
    }

    static String section(List<Run> runs) {
        Spread functions = Spread.of(runs.stream().mapToDouble(Run::functionsFirstSuccess).toArray());
        Spread baseline = Spread.of(runs.stream().mapToDouble(Run::baselineFirstSuccess).toArray());
        Spread ratio = Spread.of(runs.stream().mapToDouble(r -> r.functionsFirstSuccess() / r.baselineFirstSuccess()).toArray());
        StringBuilder md = new StringBuilder();
        md.append(runs.size()).append(" starts of each, alternately; `java -jar quarkus-run.jar` (JVM mode, no options), ")
                .append("polled every 5 ms. Resident memory = VmRSS right after the first success.\n\n");
        md.append("| app | first answer ms | first successful call ms | resident MiB |\n|---|---|---|---|\n");
        md.append("| bare Funqy app (`echo`) | | ").append(baseline.format(0)).append(" | ")
                .append(Spread.of(runs.stream().mapToDouble(Run::baselineRss).toArray()).format(0)).append(" |\n");
        md.append("| functions (`getTotalUnreadMessageCount` with a token) | ")
                .append(Spread.of(runs.stream().mapToDouble(Run::functionsFirstAnswer).toArray()).format(0)).append(" | ")
                .append(functions.format(0)).append(" | ")
                .append(Spread.of(runs.stream().mapToDouble(Run::functionsRss).toArray()).format(0)).append(" |\n");
        md.append("\nFunctions ÷ bare app, first successful call: ").append(ratio.format(2)).append(".\n");
        return md.toString();
    }
}
