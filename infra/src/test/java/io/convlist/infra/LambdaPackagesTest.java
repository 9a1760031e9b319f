package io.convlist.infra;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipInputStream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * What the stack deploys holds no development tool: every entry of each function.zip, and of every
 * jar inside it, is listed, and none is the testkit (embedded backend launcher, dev tokens, process
 * helpers) or the backend's script. The build makes the zips before these tests run.
 */
class LambdaPackagesTest {

    static Stream<Path> packages() {
        ConversationListStack.Artifacts built = ConversationListStack.Artifacts.fromBuild();
        return Stream.of(built.functionsZip(), built.ttlConsumerZip(), built.consoleZip());
    }

    @ParameterizedTest
    @MethodSource("packages")
    void functionZip_holdsNoDevelopmentTool(Path zip) throws IOException {
        assertThat(zip).exists();
        List<String> entries = new ArrayList<>();
        try (ZipFile file = new ZipFile(zip.toFile())) {
            for (ZipEntry entry : java.util.Collections.list(file.entries())) {
                entries.add(entry.getName());
                if (entry.getName().endsWith(".jar")) {
                    try (InputStream in = file.getInputStream(entry)) {
                        entries.addAll(jarEntries(entry.getName(), in));
                    }
                }
            }
        }
        assertThat(entries).as("entries of " + zip).isNotEmpty()
                .anyMatch(name -> name.contains("io/convlist/store/ConversationStore.class"))
                .noneMatch(name -> name.contains("testkit"))
                .noneMatch(name -> name.contains("io/convlist/devtools/"))
                .noneMatch(name -> name.endsWith("dynamodb-local.py"));
    }

    private static List<String> jarEntries(String jarName, InputStream in) throws IOException {
        List<String> names = new ArrayList<>();
        ZipInputStream jar = new ZipInputStream(in);
        for (ZipEntry e = jar.getNextEntry(); e != null; e = jar.getNextEntry()) {
            names.add(jarName + "!" + e.getName());
        }
        return names;
    }
}
