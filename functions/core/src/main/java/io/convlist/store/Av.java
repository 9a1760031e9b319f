package io.convlist.store;

import java.util.Collection;
import java.util.Map;

import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** Short constructors and readers for attribute values. */
final class Av {
    private Av() {
    }

    static AttributeValue s(String value) {
        return AttributeValue.fromS(value);
    }

    static AttributeValue n(long value) {
        return AttributeValue.fromN(Long.toString(value));
    }

    static AttributeValue bool(boolean value) {
        return AttributeValue.fromBool(value);
    }

    static AttributeValue ns(Collection<Integer> numbers) {
        return AttributeValue.fromNs(numbers.stream().map(String::valueOf).toList());
    }

    static AttributeValue emptyMap() {
        return AttributeValue.fromM(Map.of());
    }

    static Map<String, AttributeValue> key(String pk, String sk) {
        return Map.of(Keys.PK, s(pk), Keys.SK, s(sk));
    }

    static long num(Map<String, AttributeValue> item, String attribute, long fallback) {
        AttributeValue v = item == null ? null : item.get(attribute);
        return v == null || v.n() == null ? fallback : Long.parseLong(v.n());
    }

}
