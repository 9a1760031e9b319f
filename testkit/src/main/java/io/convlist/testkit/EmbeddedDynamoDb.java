package io.convlist.testkit;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The project's embedded DynamoDB-compatible backend: moto's server behind one lock
 * (dynamodb-local.py), on 127.0.0.1 and a free port. One shared process per JVM ({@link #start()});
 * it stops when the JVM exits (the script watches its stdin, which closes with us).
 */
public final class EmbeddedDynamoDb implements AutoCloseable {
    private static EmbeddedDynamoDb shared;

    public final URI endpoint;
    private final Process process;

    private EmbeddedDynamoDb(URI endpoint, Process process) {
        this.endpoint = endpoint;
        this.process = process;
    }

    /** Starts the shared backend on first use and returns its endpoint. */
    public static synchronized URI start() {
        if (shared == null) {
            shared = launch(false);
        }
        return shared.endpoint;
    }

    /**
     * Starts a separate backend, stopped by {@link #close()}. With {@code stockMoto}, moto runs
     * without the script's two speed fixes: only for the benchmark that measures them.
     */
    public static EmbeddedDynamoDb launch(boolean stockMoto) {
        try {
            Path dir = Files.createTempDirectory("dynamodb-local");
            Path script = dir.resolve("dynamodb-local.py");
            try (InputStream in = EmbeddedDynamoDb.class.getResourceAsStream("dynamodb-local.py")) {
                Files.copy(in, script, StandardCopyOption.REPLACE_EXISTING);
            }
            Path portFile = dir.resolve("port");
            Path log = dir.resolve("server.log");
            List<String> command = new ArrayList<>(List.of(python(), script.toString(), "--port", "0",
                    "--port-file", portFile.toString(), "--exit-on-stdin-eof"));
            if (stockMoto) {
                command.add("--stock-moto");
            }
            ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
            // moto's recorder (/moto-api/recorder/...) keeps its requests here, never in the working directory.
            builder.environment().put("MOTO_RECORDER_FILEPATH", dir.resolve("recording").toString());
            Process process = builder.start();
            Runtime.getRuntime().addShutdownHook(new Thread(process::destroy));
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (!Files.exists(portFile)) {
                if (!process.isAlive()) {
                    String output = Files.readString(log);
                    // Exit 3: moto is missing; 4: another moto than the one the backend is built on (the output says which).
                    throw new IllegalStateException("the embedded DynamoDB backend did not start:\n" + output);
                }
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("the embedded DynamoDB backend did not start within 60 s");
                }
                Thread.sleep(50);
            }
            return new EmbeddedDynamoDb(URI.create("http://127.0.0.1:" + Files.readString(portFile).trim()), process);
        } catch (IOException e) {
            throw new IllegalStateException("cannot start the embedded DynamoDB backend (python3 and moto[server] are needed): "
                    + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        process.destroy();
    }

    private static String python;

    /**
     * The Python to run the backend with, as the project's scripts/moto-python chooses it (which
     * installs the pinned moto into the project's own virtual environment where none has it); outside
     * the project, CONVLIST_PYTHON or python3.
     */
    private static synchronized String python() throws IOException, InterruptedException {
        if (python != null) {
            return python;
        }
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path chooser = dir.resolve("scripts/moto-python");
            if (Files.isRegularFile(chooser)) {
                Path errors = Files.createTempFile("moto-python", ".err");
                Process p = new ProcessBuilder("bash", chooser.toString()).redirectError(errors.toFile()).start();
                String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
                if (p.waitFor() != 0) {
                    throw new IllegalStateException("the embedded DynamoDB backend has no Python with moto:\n" + Files.readString(errors));
                }
                Files.deleteIfExists(errors);
                return python = out;
            }
        }
        String configured = System.getenv("CONVLIST_PYTHON");
        return python = configured == null || configured.isBlank() ? "python3" : configured;
    }
}
