package io.convlist.api.doc;

import java.util.List;

/**
 * What the API description says of one field: its meaning and the limits a validator can check.
 * Byte limits of free text are in the description only: a schema's maxLength counts characters.
 */
record FieldDoc(String description, Integer minItems, Integer maxItems, Long minimum, Long maximum, String pattern,
        String itemPattern, List<String> allowed, boolean listMayBeNull) {

    static FieldDoc text(String description) {
        return new FieldDoc(description, null, null, null, null, null, null, null, false);
    }

    FieldDoc items(int min, int max) {
        return new FieldDoc(description, min, max, minimum, maximum, pattern, itemPattern, allowed, listMayBeNull);
    }

    FieldDoc range(long min, long max) {
        return new FieldDoc(description, minItems, maxItems, min, max, pattern, itemPattern, allowed, listMayBeNull);
    }

    FieldDoc pattern(String regex) {
        return new FieldDoc(description, minItems, maxItems, minimum, maximum, regex, itemPattern, allowed, listMayBeNull);
    }

    /** Each item of the list (of strings) matches this. */
    FieldDoc itemPattern(String regex) {
        return new FieldDoc(description, minItems, maxItems, minimum, maximum, pattern, regex, allowed, listMayBeNull);
    }

    /** In an answer, the list can be null (other object fields can be null unless primitive). */
    FieldDoc orNull() {
        return new FieldDoc(description, minItems, maxItems, minimum, maximum, pattern, itemPattern, allowed, true);
    }

    FieldDoc oneOf(List<String> values) {
        return new FieldDoc(description, minItems, maxItems, minimum, maximum, pattern, itemPattern, values, listMayBeNull);
    }
}
