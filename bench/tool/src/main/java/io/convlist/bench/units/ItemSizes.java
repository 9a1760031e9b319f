package io.convlist.bench.units;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * An item's size as DynamoDB bills it ("DynamoDB item sizes and formats"): the sum of its attribute
 * names and values. Strings and binaries count their bytes; a number 1 byte per two significant
 * digits plus 1; null and Boolean 1; a list or map 3 bytes plus its elements, each with 1 more; a set
 * the sum of its elements.
 */
public final class ItemSizes {
    private ItemSizes() {
    }

    public static long of(Map<String, AttributeValue> item) {
        long bytes = 0;
        for (Map.Entry<String, AttributeValue> a : item.entrySet()) {
            bytes += utf8(a.getKey()) + value(a.getValue());
        }
        return bytes;
    }

    static long value(AttributeValue v) {
        switch (v.type()) {
            case S:
                return utf8(v.s());
            case N:
                return number(v.n());
            case B:
                return v.b().asByteArray().length;
            case BOOL:
            case NUL:
                return 1;
            case SS:
                return v.ss().stream().mapToLong(ItemSizes::utf8).sum();
            case NS:
                return v.ns().stream().mapToLong(ItemSizes::number).sum();
            case BS:
                return v.bs().stream().mapToLong(b -> b.asByteArray().length).sum();
            case L:
                return 3 + elements(v.l());
            case M:
                return 3 + v.m().entrySet().stream().mapToLong(e -> utf8(e.getKey()) + value(e.getValue()) + 1).sum();
            default:
                throw new IllegalArgumentException("unknown attribute type " + v.type());
        }
    }

    private static long elements(List<AttributeValue> list) {
        return list.stream().mapToLong(e -> value(e) + 1).sum();
    }

    /** 1 byte per two significant digits (leading and trailing zeroes trimmed), plus 1. */
    static long number(String n) {
        String digits = new BigDecimal(n).unscaledValue().abs().toString().replaceAll("0+$", "");
        int significant = digits.isEmpty() ? 1 : digits.length();
        return (significant + 1) / 2 + 1;
    }

    static long utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8).length;
    }
}
