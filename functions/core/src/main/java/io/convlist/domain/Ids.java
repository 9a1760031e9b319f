package io.convlist.domain;

import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;

/** Validation of IDs and bounded strings against {@link Limits}. */
public final class Ids {
    private static final Pattern ID = Pattern.compile(Limits.ID_PATTERN);

    private Ids() {
    }

    public static String requireUserId(String field, String value) {
        return requireId(field, value, Limits.USER_ID_MAX_BYTES);
    }

    public static String requireGroupId(String field, String value) {
        return requireId(field, value, Limits.GROUP_ID_MAX_BYTES);
    }

    public static String requireAppId(String field, String value) {
        return requireId(field, value, Limits.APP_ID_MAX_BYTES);
    }

    private static String requireId(String field, String value, int maxBytes) {
        if (value == null || value.isEmpty()) {
            throw ServiceException.badRequest(field + " is required");
        }
        if (utf8Length(value) > maxBytes) {
            throw ServiceException.badRequest(field + " is longer than " + maxBytes + " bytes");
        }
        if (!ID.matcher(value).matches()) {
            throw ServiceException.badRequest(field + " may contain only letters, digits, '_', '-', '.' and '@'");
        }
        return value;
    }

    /** Null stays null; otherwise the value must be well-formed text that fits in maxBytes of UTF-8. */
    public static String requireMaxBytes(String field, String value, int maxBytes) {
        requireWellFormed(field, value);
        if (value != null && utf8Length(value) > maxBytes) {
            throw ServiceException.badRequest(field + " is longer than " + maxBytes + " bytes");
        }
        return value;
    }

    /**
     * Text must be well-formed UTF-16: a lone surrogate has no UTF-8 form, so DynamoDB refuses it
     * (as a validation error that would otherwise look retryable). Null passes.
     */
    public static String requireWellFormed(String field, String value) {
        if (value == null) {
            return null;
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < value.length() && Character.isLowSurrogate(value.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                throw ServiceException.badRequest(field + " is not well-formed text (a lone UTF-16 surrogate at " + i + ")");
            }
        }
        return value;
    }

    public static int utf8Length(String value) {
        int bytes = 0;
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c < 0x80) {
                bytes += 1;
            } else if (c < 0x800) {
                bytes += 2;
            } else if (Character.isHighSurrogate(c) && i + 1 < value.length() && Character.isLowSurrogate(value.charAt(i + 1))) {
                bytes += 4;
                i++;
            } else {
                bytes += 3;
            }
        }
        return bytes;
    }

    /** Cuts to at most maxBytes of UTF-8 without splitting a character (surrogate pairs stay whole). */
    public static String truncateUtf8(String value, int maxBytes) {
        if (value == null || utf8Length(value) <= maxBytes) {
            return value;
        }
        int bytes = 0;
        int end = 0;
        while (end < value.length()) {
            int cp = value.codePointAt(end);
            int len = new String(Character.toChars(cp)).getBytes(StandardCharsets.UTF_8).length;
            if (bytes + len > maxBytes) {
                break;
            }
            bytes += len;
            end += Character.charCount(cp);
        }
        return value.substring(0, end);
    }
}
