package io.convlist.store.table;

import java.util.Collection;
import java.util.Map;

import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** Short constructors and readers for attribute values. */
public final class Av {
    private Av() {
    }

    /** A value given to an expression: a number, a string, a boolean, or an AttributeValue as it is. */
    public static AttributeValue of(Object value) {
        if (value instanceof AttributeValue v) {
            return v;
        } else if (value instanceof Long || value instanceof Integer) {
            return n(((Number) value).longValue());
        } else if (value instanceof String v) {
            return s(v);
        } else if (value instanceof Boolean v) {
            return bool(v);
        }
        throw new IllegalArgumentException("not an expression value: " + value);
    }

    public static AttributeValue s(String value) {
        return AttributeValue.fromS(value);
    }

    public static AttributeValue n(long value) {
        return AttributeValue.fromN(Long.toString(value));
    }

    public static AttributeValue bool(boolean value) {
        return AttributeValue.fromBool(value);
    }

    public static AttributeValue ns(Collection<Integer> numbers) {
        return AttributeValue.fromNs(numbers.stream().map(String::valueOf).toList());
    }

    public static AttributeValue emptyMap() {
        return AttributeValue.fromM(Map.of());
    }

    public static Map<String, AttributeValue> key(String pk, String sk) {
        return Map.of(Keys.PK, s(pk), Keys.SK, s(sk));
    }

    public static long num(Map<String, AttributeValue> item, String attribute, long fallback) {
        AttributeValue v = item == null ? null : item.get(attribute);
        return v == null || v.n() == null ? fallback : Long.parseLong(v.n());
    }

}
