package io.convlist.domain;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;

/**
 * Tencent's conversation marks (V2TIMConversationMarkType), a 64-bit field: the standard bits STAR
 * 0x1, UNREAD 0x2, FOLD 0x4 and HIDE 0x8, and custom bits {@code 1<<n} with 32 &lt;= n &lt; 64. Marks
 * are recorded only: UNREAD does not change the unread count and HIDE hides nothing by itself.
 * Held as a Java long whose bits are the field's bits (bit 63 makes it negative).
 */
public final class Marks {
    public static final long STAR = 0x1;
    public static final long UNREAD = 0x2;
    public static final long FOLD = 0x4;
    public static final long HIDE = 0x8;
    private static final long ALLOWED = 0xFL | 0xFFFF_FFFF_0000_0000L;
    private static final BigInteger TWO_TO_64 = BigInteger.ONE.shiftLeft(64);

    private Marks() {
    }

    /** One or more allowed bits (markConversation's markType). */
    public static long require(BigInteger markType) {
        long bits = parse("markType", markType);
        if (bits == 0) {
            throw ServiceException.badRequest("markType must set at least one mark bit");
        }
        return bits;
    }

    /** A filter's markType: 0 means "no marks", other values "any of these bits". */
    public static long requireFilter(BigInteger markType) {
        return parse("filter.markType", markType);
    }

    private static long parse(String field, BigInteger value) {
        if (value == null) {
            throw ServiceException.badRequest(field + " is required");
        }
        if (value.signum() < 0 || value.compareTo(TWO_TO_64) >= 0) {
            throw ServiceException.badRequest(field + " must be an unsigned 64-bit value");
        }
        long bits = value.longValue();
        if ((bits & ~ALLOWED) != 0) {
            throw ServiceException.badRequest(field + " may hold only STAR 0x1, UNREAD 0x2, FOLD 0x4, HIDE 0x8 and custom bits 1<<32 to 1<<63");
        }
        return bits;
    }

    /** Each set bit, as its unsigned decimal value (what markList shows and the store keeps). */
    public static List<String> bitValues(long bits) {
        List<String> out = new ArrayList<>();
        for (int n = 0; n < 64; n++) {
            if ((bits & (1L << n)) != 0) {
                out.add(Long.toUnsignedString(1L << n));
            }
        }
        return out;
    }

    /** The bits of unsigned decimal bit values (the inverse of {@link #bitValues}). */
    public static long fromBitValues(Iterable<String> values) {
        long bits = 0;
        if (values != null) {
            for (String v : values) {
                bits |= Long.parseUnsignedLong(v);
            }
        }
        return bits;
    }

    /** markList: each set bit as a number, smallest first. */
    public static List<BigInteger> markList(long bits) {
        return bitValues(bits).stream().map(BigInteger::new).toList();
    }
}
