package io.convlist.store.table;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import software.amazon.awssdk.enhanced.dynamodb.Expression;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Builds one update (or condition) expression with its placeholder maps. A condition or clause is
 * written as one string, as DynamoDB reads it ({@link #where}): {@code #LAST_SEQ} names the attribute
 * of that {@link Keys} constant, {@code :seq} a value given with the template, as in
 * Powertools' DynamoDB persistence store. Attribute names stay in Keys; a template naming a constant
 * that does not exist, or a value not given, fails at once.
 */
public final class Expr {
    /** #CONSTANT (a Keys field) or :name (a bound value). */
    private static final Pattern TOKEN = Pattern.compile("([#:])([A-Za-z][A-Za-z0-9_]*)");
    private static final Map<String, String> ATTRIBUTES = attributes();

    private final Map<String, String> names = new HashMap<>();
    private final Map<String, AttributeValue> values = new HashMap<>();
    private final List<String> sets = new ArrayList<>();
    private final List<String> removes = new ArrayList<>();
    private final List<String> adds = new ArrayList<>();
    private final List<String> deletes = new ArrayList<>();
    private int nextName;

    /**
     * The template with each {@code #CONSTANT} replaced by the placeholder of the attribute that Keys
     * constant names, and each {@code :name} by a placeholder of the value given for it in
     * {@code namesAndValues} (name, value, name, value...: a number, a string, a boolean or an
     * AttributeValue). The values belong to this call alone, so clauses composed on one expression
     * cannot confuse theirs.
     */
    public String where(String template, Object... namesAndValues) {
        Map<String, Object> given = new HashMap<>();
        for (int i = 0; i + 1 < namesAndValues.length; i += 2) {
            given.put((String) namesAndValues[i], namesAndValues[i + 1]);
        }
        if (namesAndValues.length % 2 != 0 || given.size() != namesAndValues.length / 2) {
            throw new IllegalArgumentException("names and values must pair, each name once: " + template);
        }
        // A value's placeholder is made where the template first uses it: DynamoDB refuses unused ones.
        Map<String, String> placed = new HashMap<>();
        Matcher m = TOKEN.matcher(template);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String name = m.group(2);
            String token;
            if (m.group(1).equals("#")) {
                String attribute = ATTRIBUTES.get(name);
                if (attribute == null) {
                    throw new IllegalArgumentException("no attribute Keys." + name + " in: " + template);
                }
                token = n(attribute);
            } else if (given.containsKey(name)) {
                token = placed.computeIfAbsent(name, k -> v(Av.of(given.get(k))));
            } else {
                throw new IllegalArgumentException("no value for :" + name + " in: " + template);
            }
            m.appendReplacement(out, Matcher.quoteReplacement(token));
        }
        m.appendTail(out);
        if (placed.size() != given.size()) {
            throw new IllegalArgumentException("values given but not used in: " + template);
        }
        return out.toString();
    }

    /** Each Keys constant's name to the attribute name it holds. */
    private static Map<String, String> attributes() {
        Map<String, String> out = new HashMap<>();
        for (Field f : Keys.class.getFields()) {
            if (Modifier.isStatic(f.getModifiers()) && f.getType() == String.class) {
                try {
                    out.put(f.getName(), (String) f.get(null));
                } catch (IllegalAccessException e) {
                    throw new IllegalStateException(e);
                }
            }
        }
        return Map.copyOf(out);
    }

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

    /** A condition made with this expression's placeholders, as the Enhanced Client takes it. */
    public Expression enhanced(String condition) {
        return Expression.builder().expression(condition).expressionNames(names).expressionValues(values()).build();
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
