package io.convlist.lambda;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import org.junit.jupiter.api.Test;

/**
 * What the functions' Lambda ships: the built function.zip, its classes and those of every jar in
 * it. The console's classes (its sessions and sign-in limits among them) belong to the console's
 * own Lambda, not to the one every message goes through.
 */
class FunctionZipIT {
    private static final Path ZIP = Path.of("target", "function.zip");

    @Test
    void functionZip_holdsTheFunctionsAndNoConsoleClass() throws IOException {
        assertThat(ZIP).exists();
        List<String> classes = new ArrayList<>();
        try (InputStream in = Files.newInputStream(ZIP)) {
            collectClasses(in, classes);
        }
        assertThat(classes).contains("io/convlist/store/ConversationStore.class", "io/convlist/api/ConversationFunctions.class");
        assertThat(classes).filteredOn(name -> name.startsWith("io/convlist/console/")).isEmpty();
    }

    /** The class entries of a zip, and of the jars inside it. */
    private static void collectClasses(InputStream zip, List<String> into) throws IOException {
        ZipInputStream entries = new ZipInputStream(zip);
        for (ZipEntry e = entries.getNextEntry(); e != null; e = entries.getNextEntry()) {
            if (e.getName().endsWith(".jar")) {
                collectClasses(new NonClosing(entries), into);
            } else if (e.getName().endsWith(".class")) {
                into.add(e.getName());
            }
        }
    }

    /** A nested jar is read from its entry of the outer zip, which must stay open for the next entry. */
    private static final class NonClosing extends FilterInputStream {
        NonClosing(InputStream in) {
            super(in);
        }

        @Override
        public void close() {
        }
    }
}
