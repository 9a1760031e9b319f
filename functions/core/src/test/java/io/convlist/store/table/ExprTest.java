package io.convlist.store.table;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.lang.reflect.Field;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** A condition written as one string: #CONSTANT is a Keys attribute, :name a value given with it. */
class ExprTest {

    @Test
    void where_resolvesKeysConstantsAndGivenValues_reusingNamesNotValues() {
        Expr e = new Expr();
        String first = e.where("attribute_not_exists(#LAST_SEQ) OR (#LAST_SEQ < :seq AND #RECORDED_AT >= :since)", "seq", 7, "since", 100L);
        String second = e.where(" AND #LAST_SEQ <= :seq", "seq", 9);
        assertThat(first).isEqualTo("attribute_not_exists(#a0) OR (#a0 < :v0 AND #a1 >= :v1)");
        assertThat(second).isEqualTo(" AND #a0 <= :v2"); // a value belongs to its own call
        assertThat(e.names()).isEqualTo(Map.of("#a0", Keys.LAST_SEQ, "#a1", Keys.RECORDED_AT));
        assertThat(e.values()).isEqualTo(Map.of(":v0", AttributeValue.fromN("7"), ":v1", AttributeValue.fromN("100"),
                ":v2", AttributeValue.fromN("9")));
    }

    @Test
    void where_takesStringsBooleansAndAttributeValues_andMapPaths() {
        Expr e = new Expr();
        String s = e.where("#LAST_MSG.#LAST_MSG_ID = :id AND #MEMBER = :member AND #MARKS = :marks", "id", "m1", "member", true,
                "marks", AttributeValue.fromNs(java.util.List.of("1")));
        assertThat(s).isEqualTo("#a0.#a1 = :v0 AND #a2 = :v1 AND #a3 = :v2");
        assertThat(e.values().get(":v0").s()).isEqualTo("m1");
        assertThat(e.values().get(":v1").bool()).isTrue();
    }

    @Test
    void where_refusesAnUnknownConstant_aMissingValue_andAnUnusedOne() {
        assertThatThrownBy(() -> new Expr().where("#NO_SUCH_ATTRIBUTE = :v", "v", 1)).hasMessageContaining("Keys.NO_SUCH_ATTRIBUTE");
        assertThatThrownBy(() -> new Expr().where("#LAST_SEQ = :seq")).hasMessageContaining(":seq");
        // DynamoDB refuses a request whose values are not all used: the expression refuses it first.
        assertThatThrownBy(() -> new Expr().where("#LAST_SEQ = :seq", "seq", 1, "other", 2)).hasMessageContaining("not used");
        assertThatThrownBy(() -> new Expr().where("#LAST_SEQ = :seq", "seq")).hasMessageContaining("pair");
    }

    /**
     * Every template the code writes names only Keys constants: read from the sources, so that a path
     * no other test takes cannot hide a misspelt one.
     */
    @Test
    void everyTemplateInTheCode_namesOnlyKeysConstants() throws IOException {
        Path root = Path.of("").toAbsolutePath();
        while (!Files.exists(root.resolve("run-local.sh"))) {
            root = root.getParent();
        }
        Set<String> constants = new HashSet<>();
        for (Field f : Keys.class.getFields()) {
            constants.add(f.getName());
        }
        List<String> unknown = new ArrayList<>();
        int templates = 0;
        try (Stream<Path> files = Files.walk(root)) {
            for (Path file : files.filter(p -> p.toString().endsWith(".java") && p.toString().contains("/src/main/")).toList()) {
                Matcher where = Pattern.compile("\\.where\\(\"([^\"]*)\"").matcher(Files.readString(file));
                while (where.find()) {
                    templates++;
                    Matcher name = Pattern.compile("#([A-Za-z][A-Za-z0-9_]*)").matcher(where.group(1));
                    while (name.find()) {
                        if (!constants.contains(name.group(1))) {
                            unknown.add(file.getFileName() + ": #" + name.group(1));
                        }
                    }
                }
            }
        }
        assertThat(templates).isGreaterThan(50);
        assertThat(unknown).isEmpty();
    }
}
