package io.convlist.bench;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;

import io.convlist.testkit.EmbeddedDynamoDb;

/**
 * The benchmark tool: runs every benchmark against the embedded, serialized moto backend and writes
 * the markdown report.
 *
 * <pre>
 * mvn -B install -DskipTests && mvn -B -q -pl bench/tool exec:java                          # docs/benchmarks.md
 * mvn -B install -DskipTests && mvn -B -q -pl bench/tool exec:java -Dexec.args=--quick      # small sizes
 * ... exec:java -Dexec.args=--only=layers,cold-start     # some sections (cost, layers, cold-start, scale, curve, groups, live, device)
 * </pre>
 */
public final class Benchmarks {
    public static final String COMMAND = "mvn -B install -DskipTests && mvn -B -q -pl bench/tool exec:java";

    /** How big each benchmark runs. The quick mode (CI) keeps the tool working; its times mean nothing. */
    public record Mode(String name, int repeats, CostBenchmark.Sizes cost, LayerBenchmark.Sizes layers,
            ScaleBenchmark.Sizes scale, BackendCurve.Sizes curve, GroupSizeBenchmark.Sizes groups, LiveBenchmark.Sizes live,
            DeviceBenchmark.Sizes device) {
        public static final Mode FULL = new Mode("full", 3, CostBenchmark.Sizes.FULL, LayerBenchmark.Sizes.FULL,
                ScaleBenchmark.Sizes.FULL, BackendCurve.Sizes.FULL, GroupSizeBenchmark.Sizes.FULL, LiveBenchmark.Sizes.FULL,
                DeviceBenchmark.Sizes.FULL);
        public static final Mode QUICK = new Mode("quick", 1, CostBenchmark.Sizes.QUICK, LayerBenchmark.Sizes.QUICK,
                ScaleBenchmark.Sizes.QUICK, BackendCurve.Sizes.QUICK, GroupSizeBenchmark.Sizes.QUICK, LiveBenchmark.Sizes.QUICK,
                DeviceBenchmark.Sizes.QUICK);
    }

    /** Everything one run measured, and the report written from it. */
    public record Report(List<CostBenchmark.Row> cost, LayerBenchmark.Outcome layers, List<ColdStartBenchmark.Run> coldStarts,
            ScaleBenchmark.Result scale, List<BackendCurve.Point> curve, List<GroupSizeBenchmark.Group> groups,
            LiveBenchmark.Result live, DeviceBenchmark.Result device, List<Targets.Check> targets, String markdown) {
    }

    private Benchmarks() {
    }

    /** The benchmarks, by the names {@code --only=} takes. */
    public enum Section {
        COST, LAYERS, COLD_START, SCALE, CURVE, GROUPS, LIVE, DEVICE
    }

    public static Report run(Mode mode, Path projectRoot) throws IOException, InterruptedException {
        return run(mode, projectRoot, EnumSet.allOf(Section.class));
    }

    public static Report run(Mode mode, Path projectRoot, Set<Section> sections) throws IOException, InterruptedException {
        URI endpoint = EmbeddedDynamoDb.start();
        long started = System.nanoTime();
        List<CostBenchmark.Row> cost = List.of();
        if (sections.contains(Section.COST)) {
            log("cost per operation");
            cost = CostBenchmark.withEarlierTable(endpoint, mode.cost(), mode.repeats());
        }
        LayerBenchmark.Outcome layers = new LayerBenchmark.Outcome(List.of(), List.of());
        if (sections.contains(Section.LAYERS)) {
            log("layers: HTTP, store, bare SDK");
            try (LayerBenchmark bench = new LayerBenchmark(endpoint, projectRoot, mode.layers())) {
                layers = bench.run(mode.repeats());
            }
        }
        List<ColdStartBenchmark.Run> coldStarts = List.of();
        if (sections.contains(Section.COLD_START)) {
            log("cold start");
            coldStarts = new ColdStartBenchmark(endpoint, projectRoot).run(mode.repeats());
        }
        ScaleBenchmark.Result scale = null;
        if (sections.contains(Section.SCALE)) {
            log("scale (up to " + mode.scale().maxLoadTime().toMinutes() + " min of loading)");
            try (ScaleBenchmark bench = new ScaleBenchmark(endpoint, projectRoot, mode.scale())) {
                scale = bench.run(mode.repeats());
            }
        }
        List<BackendCurve.Point> curve = List.of();
        if (sections.contains(Section.CURVE)) {
            log("backend growth: project's backend and stock moto");
            curve = BackendCurve.run(mode.curve());
        }
        List<GroupSizeBenchmark.Group> groups = List.of();
        if (sections.contains(Section.GROUPS)) {
            log("group sizes: recipients mode and large mode");
            groups = new GroupSizeBenchmark(endpoint).run(mode.groups());
        }
        LiveBenchmark.Result live = null;
        if (sections.contains(Section.LIVE)) {
            log("live changes: " + mode.live().users() * mode.live().devicesPerUser() + " devices");
            try (LiveBenchmark bench = new LiveBenchmark(endpoint, projectRoot, mode.live())) {
                live = bench.run();
            } catch (IOException | InterruptedException e) {
                throw e;
            } catch (Exception e) {
                throw new IllegalStateException("the live benchmark failed", e);
            }
        }
        DeviceBenchmark.Result device = null;
        if (sections.contains(Section.DEVICE)) {
            log("the device library: callbacks, a local list of " + mode.device().localConversations() + ", a first sync");
            try (DeviceBenchmark bench = new DeviceBenchmark(endpoint, projectRoot, mode.device())) {
                device = bench.run();
            } catch (IOException | InterruptedException e) {
                throw e;
            } catch (Exception e) {
                throw new IllegalStateException("the device benchmark failed", e);
            }
        }
        List<Targets.Check> targets = Targets.check(cost, Collections.max(mode.cost().groupRecipients()), layers.operations(), coldStarts);

        StringBuilder md = new StringBuilder();
        md.append("# Benchmarks\n\n");
        md.append("Generated ").append(Instant.now().toString(), 0, 19).append("Z by `").append(COMMAND)
                .append(mode == Mode.FULL ? "" : " -Dexec.args=--" + mode.name()).append("` in ")
                .append(Duration.ofNanos(System.nanoTime() - started).toMinutes()).append(" min (").append(mode.name())
                .append(" mode).\n\n").append(environment()).append("\n\n");
        md.append("Every time below is on moto, which serves one request at a time and costs about 1 ms per item it ")
                .append("returns: read them as ratios between layers and as growth, not as DynamoDB's latency. ")
                .append("Request counts and bytes are exact and the same on DynamoDB.\n\n");
        md.append("## Targets\n\n").append(Targets.section(targets)).append('\n');
        if (sections.contains(Section.COST)) {
            md.append("## 1. Cost per operation (and 3. fan-out)\n\n").append(CostBenchmark.section(cost, mode.repeats())).append('\n');
        }
        if (sections.contains(Section.LAYERS)) {
            md.append("## 2. What the layers add: HTTP, store, bare SDK\n\n").append(LayerBenchmark.section(layers, mode.repeats()))
                    .append('\n');
        }
        if (sections.contains(Section.COLD_START)) {
            md.append("## 4. Cold start\n\n").append(ColdStartBenchmark.section(coldStarts)).append('\n');
        }
        if (sections.contains(Section.SCALE)) {
            md.append("## 5. Scale\n\n").append(ScaleBenchmark.section(scale, mode.scale(), mode.repeats(), 12)).append('\n');
        }
        if (sections.contains(Section.CURVE)) {
            md.append("### The backend's own growth\n\n").append(BackendCurve.section(curve, mode.curve()));
        }
        if (sections.contains(Section.GROUPS)) {
            md.append("\n## 6. Group sizes: recipients mode and large mode\n\n").append(new GroupCosts(groups).section());
        }
        if (sections.contains(Section.LIVE)) {
            md.append("\n## 7. Live changes\n\n").append(LiveBenchmark.section(live));
        }
        if (sections.contains(Section.DEVICE)) {
            md.append("\n## 8. The device library\n\n").append(DeviceBenchmark.section(device));
        }
        return new Report(cost, layers, coldStarts, scale, curve, groups, live, device, targets, md.toString());
    }

    static String environment() {
        Properties versions = new Properties();
        try (InputStream in = Benchmarks.class.getResourceAsStream("/bench-versions.properties")) {
            versions.load(in);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return "Machine: " + Runtime.getRuntime().availableProcessors() + " cores (" + firstLine("/proc/cpuinfo", "model name")
                + "), " + firstLine("/proc/meminfo", "MemTotal") + " memory, " + System.getProperty("os.name") + " "
                + System.getProperty("os.arch") + ". Versions: Java " + System.getProperty("java.version") + ", Quarkus "
                + versions.getProperty("quarkus") + ", AWS SDK " + versions.getProperty("awssdk") + ", moto " + motoVersion()
                + ". The benchmark, the functions and moto share the machine.";
    }

    private static String firstLine(String file, String key) {
        try {
            return Files.readAllLines(Path.of(file)).stream().filter(l -> l.startsWith(key)).findFirst()
                    .map(l -> l.substring(l.indexOf(':') + 1).trim().replaceAll("\\s+", " ")).orElse("unknown");
        } catch (IOException e) {
            return "unknown";
        }
    }

    private static String motoVersion() {
        try {
            Process p = new ProcessBuilder("python3", "-c", "import moto; print(moto.__version__)").redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
            return p.waitFor() == 0 ? out : "unknown";
        } catch (IOException e) {
            return "unknown";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "unknown";
        }
    }

    /** The project's top directory: the nearest one up from here that holds run-local.sh. */
    static Path projectRoot() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.exists(dir.resolve("run-local.sh")) && Files.isDirectory(dir.resolve("bench"))) {
                return dir;
            }
        }
        throw new IllegalStateException("run from inside the project");
    }

    private static void log(String step) {
        System.err.println("[bench] " + Instant.now().toString().substring(11, 19) + " " + step);
    }

    public static void main(String[] args) throws Exception {
        Mode mode = Arrays.asList(args).contains("--quick") ? Mode.QUICK : Mode.FULL;
        Set<Section> sections = EnumSet.allOf(Section.class);
        for (String arg : args) {
            if (arg.startsWith("--only=")) {
                sections = EnumSet.noneOf(Section.class);
                for (String name : arg.substring(7).split(",")) {
                    sections.add(Section.valueOf(name.trim().toUpperCase(Locale.ROOT).replace('-', '_')));
                }
            }
        }
        Path root = projectRoot();
        Report report = run(mode, root, sections);
        boolean complete = sections.size() == Section.values().length;
        Path out = mode == Mode.FULL && complete ? root.resolve("docs/benchmarks.md") : root.resolve("bench/tool/target/benchmarks-" + mode.name() + ".md");
        Files.createDirectories(out.getParent());
        Files.writeString(out, report.markdown());
        System.out.println(report.markdown());
        System.err.println("[bench] written to " + root.relativize(out));
        System.exit(0);
    }
}
