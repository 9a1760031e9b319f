package io.convlist.store.table;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Builds one update (or condition) expression with its placeholder maps, so that clauses can be
 * composed per case without string juggling at every call site.
 */
public final class Expr {
    private final Map<String, String> names = new HashMap<>();
    private final Map<String, AttributeValue> values = new HashMap<>();
    private final List<String> sets = new ArrayList<>();
    private final List<String> removes = new ArrayList<>();
    private final List<String> adds = new ArrayList<>();
    private final List<String> deletes = new ArrayList<>();
    private int nextName;

    /** A placeholder for an attribute name (names are reused). */
    public String n(String attribute) {
        for (Map.Entry<String, String> e : names.entrySet()) {
            if (e.getValue().equals(attribute)) {
                return e.getKey();
            }
        }
        String key = "#a" + nextName++;
        names.put(key, attribute);
        return key;
    }

    public String v(AttributeValue value) {
        String key = ":v" + values.size();
        values.put(key, value);
        return key;
    }

    public String v(long number) {
        return v(Av.n(number));
    }

    public String v(String string) {
        return v(Av.s(string));
    }

    public Expr set(String attribute, AttributeValue value) {
        sets.add(n(attribute) + " = " + v(value));
        return this;
    }

    public Expr set(String clause) {
        sets.add(clause);
        return this;
    }

    public Expr remove(String attribute) {
        removes.add(n(attribute));
        return this;
    }

    /** Removes a document path already written with placeholders (a map entry: {@code #a.#b}). */
    public Expr removePath(String path) {
        removes.add(path);
        return this;
    }

    public Expr add(String attribute, AttributeValue value) {
        adds.add(n(attribute) + " " + v(value));
        return this;
    }

    public Expr delete(String attribute, AttributeValue value) {
        deletes.add(n(attribute) + " " + v(value));
        return this;
    }

    public String update() {
        StringBuilder sb = new StringBuilder();
        append(sb, "SET ", sets);
        append(sb, "REMOVE ", removes);
        append(sb, "ADD ", adds);
        append(sb, "DELETE ", deletes);
        return sb.toString().trim();
    }

    public Map<String, String> names() {
        return names;
    }

    public Map<String, AttributeValue> values() {
        return values.isEmpty() ? null : values;
    }

    private static void append(StringBuilder sb, String keyword, List<String> clauses) {
        if (!clauses.isEmpty()) {
            sb.append(keyword).append(String.join(", ", clauses)).append(' ');
        }
    }
}
