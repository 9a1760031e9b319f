package io.convlist.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The embedded backend refuses, with a clear message, a moto other than the one its fixes are built on. */
class EmbeddedBackendVersionTest {

    @Test
    void anotherMotoVersion_stopsTheBackendAtStart_sayingWhichToInstall(@TempDir Path dir) throws Exception {
        Path script = dir.resolve("dynamodb-local.py");
        try (InputStream in = EmbeddedDynamoDb.class.getResourceAsStream("dynamodb-local.py")) {
            Files.copy(in, script);
        }
        // A moto 4 on the module path, ahead of the installed one.
        Path fake = Files.createDirectories(dir.resolve("site").resolve("moto"));
        Files.writeString(fake.resolve("__init__.py"), "__version__ = \"4.1.0\"\n");
        Files.writeString(fake.resolve("server.py"), "DomainDispatcherApplication = create_backend_app = None\n");
        ProcessBuilder pb = new ProcessBuilder("python3", script.toString(), "--port", "0").redirectErrorStream(true);
        pb.environment().put("PYTHONPATH", dir.resolve("site").toString());
        Process p = pb.start();
        assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.exitValue()).as(output).isEqualTo(4);
        assertThat(output).contains("moto 4.1.0 is installed").contains("moto[server]==5.2.1");
    }
}
