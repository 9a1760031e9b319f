package io.convlist;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The README and docs/ name classes, configuration keys and functions; each must exist in the code,
 * so that a rename or a removal fails here instead of leaving the documents stale. Read from the
 * sources themselves: every Java type, every {@code @Funq} method, every key of the properties
 * files and of the {@code @ConfigMapping} interfaces, and the names the code gives as strings (the
 * CDK stack's parameters and outputs, metric names).
 */
class DocsTest {
    /** Names the documents use that are not this project's: DynamoDB's operations and errors, SDK types. */
    private static final Set<String> EXTERNAL = Set.of("BatchGetItem", "DescribeTable", "PutItem", "GetItem", "Query",
            "TransactWriteItems", "UpdateItem", "DeleteItem", "ProvisionedThroughputExceededException", "TableSchema",
            "Clock", "PostToConnection", "IotDataPlaneClient");
    private static final Pattern BACKTICKED = Pattern.compile("`([^`\\n]+)`");
    private static final Pattern CLASS_LIKE = Pattern.compile("(?:[a-z]+\\.)*([A-Z][a-z]\\w*)(?:\\.([a-z]\\w*)(?:\\(\\))?)?");
    private static final Pattern CONFIG_KEY = Pattern.compile("convlist\\.[a-z0-9.\\-]+");
    private static final Pattern LOWER_CAMEL = Pattern.compile("[a-z]+[A-Z0-9]\\w*");

    private static Path root;
    private static List<Path> docs;
    private static final Set<String> types = new HashSet<>();
    private static final Set<String> qualifiedTypes = new HashSet<>();
    private static final StringBuilder allJava = new StringBuilder();
    private static final Set<String> functions = new HashSet<>();
    private static final Set<String> wireFields = new HashSet<>();
    private static final Set<String> configKeys = new HashSet<>();

    @BeforeAll
    static void readTheCode() throws IOException {
        root = Path.of("").toAbsolutePath();
        while (!Files.exists(root.resolve("run-local.sh"))) {
            root = root.getParent();
        }
        docs = new ArrayList<>(List.of(root.resolve("README.md")));
        try (Stream<Path> files = Files.list(root.resolve("docs"))) {
            // benchmarks.md is the benchmark tool's generated report, regenerated rather than edited
            files.filter(p -> p.toString().endsWith(".md") && !p.endsWith("benchmarks.md")).sorted().forEach(docs::add);
        }
        try (Stream<Path> files = Files.walk(root)) {
            for (Path p : files.filter(DocsTest::isSource).toList()) {
                String text = Files.readString(p);
                if (p.toString().endsWith(".java")) {
                    readJava(p, text);
                } else {
                    readProperties(text);
                }
            }
        }
    }

    @Test
    void everyClassTheDocsName_exists() {
        List<String> missing = new ArrayList<>();
        forEachBackticked((doc, token) -> {
            Matcher m = CLASS_LIKE.matcher(token);
            if (!m.matches() || EXTERNAL.contains(m.group(1)) || allJava.indexOf("\"" + token + "\"") >= 0) {
                return; // not a class, or a name the code gives as a string (a stack's parameter or output)
            }
            String type = token.contains(".") && Character.isLowerCase(token.charAt(0))
                    ? token.replaceAll("\\.[a-z]\\w*(\\(\\))?$", "") : m.group(1);
            boolean known = type.contains(".") ? qualifiedTypes.stream().anyMatch(q -> q.endsWith("." + type)) : types.contains(type);
            if (!known || (m.group(2) != null && !declaresMethod(m.group(1), m.group(2)))) {
                missing.add(doc + ": " + token);
            }
        });
        assertThat(missing).as("classes and methods the docs name").isEmpty();
    }

    @Test
    void everyConfigurationKeyTheDocsName_exists() {
        List<String> missing = new ArrayList<>();
        forEachBackticked((doc, token) -> {
            String key = token.replaceAll("\\.\\*$", "").replaceAll("\\s.*$", "");
            if (CONFIG_KEY.matcher(key).matches() && configKeys.stream().noneMatch(k -> k.equals(key) || k.startsWith(key + "."))
                    && !allJava.toString().contains("\"" + key)) {
                missing.add(doc + ": " + token);
            }
        });
        assertThat(missing).as("configuration keys (or metric names) the docs name").isEmpty();
    }

    @Test
    void everyFunctionTheDocsName_exists() throws IOException {
        assertThat(functions).contains("getConversationList", "recordMessage", "syncConversations");
        List<String> missing = new ArrayList<>();
        for (Path doc : docs) {
            List<String> header = List.of();
            for (String line : Files.readAllLines(doc)) {
                if (!line.startsWith("|")) {
                    header = List.of();
                    continue;
                }
                List<String> cells = List.of(line.substring(1).split("\\|"));
                if (header.isEmpty()) {
                    header = cells.stream().map(c -> c.trim().toLowerCase()).toList();
                    continue;
                }
                for (int i = 0; i < cells.size(); i++) {
                    boolean functionColumn = i < header.size() && header.get(i).startsWith("function");
                    for (String token : backticked(cells.get(i))) {
                        if (!LOWER_CAMEL.matcher(token).matches()) {
                            continue;
                        }
                        // A table's first cell names a function or a field of the wire shapes (the limits table).
                        boolean firstToken = i == 0 && cells.get(0).trim().startsWith("`" + token + "`");
                        if ((functionColumn && !functions.contains(token))
                                || (firstToken && !functions.contains(token) && !wireFields.contains(token))) {
                            missing.add(root.relativize(doc) + ": " + token);
                        }
                    }
                }
            }
        }
        assertThat(missing).as("functions the docs' tables name").isEmpty();
    }

    private static boolean isSource(Path p) {
        String s = p.toString();
        return !s.contains("/target/") && !s.contains("/node_modules/") && !s.contains("/.")
                && (s.endsWith(".java") || s.endsWith("application.properties"));
    }

    private static void readJava(Path file, String text) {
        allJava.append(text).append('\n');
        Matcher pkg = Pattern.compile("^package ([\\w.]+);", Pattern.MULTILINE).matcher(text);
        String packageName = pkg.find() ? pkg.group(1) : "";
        String fileType = file.getFileName().toString().replace(".java", "");
        qualifiedTypes.add(packageName + "." + fileType);
        Matcher t = Pattern.compile("\\b(?:class|interface|record|enum)\\s+([A-Z]\\w*)").matcher(text);
        while (t.find()) {
            types.add(t.group(1));
        }
        Matcher f = Pattern.compile("@Funq(?:\\(\"(\\w+)\"\\))?\\s+(?:@[\\w.]+(?:\\([^)]*\\))?\\s+)*public\\s+[\\w<>, ?.]+\\s+(\\w+)\\(")
                .matcher(text);
        while (f.find()) {
            functions.add(f.group(1) != null ? f.group(1) : f.group(2));
        }
        if (file.toString().contains("/api/") || file.toString().contains("/domain/")) {
            Matcher r = Pattern.compile("\\brecord\\s+\\w+\\s*\\(([^)]*)\\)").matcher(text);
            while (r.find()) {
                for (String component : r.group(1).split(",")) {
                    String[] words = component.trim().split("\\s+");
                    wireFields.add(words[words.length - 1]);
                }
            }
        }
        if (file.toString().endsWith("/events/LiveEvent.java")) {
            // The live channel's event names, string constants of its wire shape.
            Matcher names = Pattern.compile("static final String \\w+ = \"(\\w+)\";").matcher(text);
            while (names.find()) {
                wireFields.add(names.group(1));
            }
        }
        Matcher mapping = Pattern.compile("@ConfigMapping\\(prefix = \"([\\w.\\-]+)\"\\)").matcher(text);
        if (mapping.find()) {
            addMappedKeys(mapping.group(1), text, text.substring(mapping.end()));
        }
    }

    /** A mapping's keys: each method in kebab case, and a nested interface's methods under its group's name. */
    private static void addMappedKeys(String prefix, String whole, String body) {
        Matcher method = Pattern.compile("(?:@WithName\\(\"([\\w.\\-]+)\"\\)\\s+)?(?:@\\w+(?:\\([^)]*\\))?\\s+)*([\\w<>.]+)\\s+(\\w+)\\(\\);")
                .matcher(body);
        while (method.find()) {
            String name = method.group(1) != null ? method.group(1) : kebab(method.group(3));
            configKeys.add(prefix + "." + name);
            String type = method.group(2).replaceAll(".*<|>", "");
            Matcher nested = Pattern.compile("interface\\s+" + Pattern.quote(type) + "\\s*\\{").matcher(whole);
            if (nested.find()) {
                addMappedKeys(prefix + "." + name, whole, bodyOf(whole, nested.end()));
            }
        }
    }

    private static String bodyOf(String text, int from) {
        int depth = 1;
        for (int i = from; i < text.length(); i++) {
            depth += text.charAt(i) == '{' ? 1 : text.charAt(i) == '}' ? -1 : 0;
            if (depth == 0) {
                return text.substring(from, i);
            }
        }
        return text.substring(from);
    }

    private static String kebab(String camel) {
        return camel.replaceAll("([a-z0-9])([A-Z])", "$1-$2").toLowerCase();
    }

    private static void readProperties(String text) {
        for (String line : text.split("\n")) {
            String l = line.trim();
            int eq = l.indexOf('=');
            if (!l.startsWith("#") && eq > 0) {
                configKeys.add(l.substring(0, eq).trim().replaceFirst("^%\\w+\\.", ""));
            }
        }
    }

    private static boolean declaresMethod(String type, String method) {
        return Pattern.compile("\\b(?:class|interface|record|enum)\\s+" + type + "\\b[\\s\\S]*?\\b" + method + "\\s*\\(")
                .matcher(allJava).find();
    }

    private interface TokenCheck {
        void accept(String doc, String token);
    }

    /** Every backticked span outside fenced code blocks, with the document it is in. */
    private static void forEachBackticked(TokenCheck check) {
        for (Path doc : docs) {
            String text;
            try {
                text = Files.readString(doc);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            String prose = text.replaceAll("(?s)```.*?```", "");
            for (String token : backticked(prose)) {
                check.accept(root.relativize(doc).toString(), token);
            }
        }
    }

    private static List<String> backticked(String text) {
        List<String> out = new ArrayList<>();
        Matcher m = BACKTICKED.matcher(text);
        while (m.find()) {
            out.add(m.group(1).trim());
        }
        return out;
    }
}
