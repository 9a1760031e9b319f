package io.convlist.bench.units;

/**
 * DynamoDB's capacity rules ("Read/write capacity mode"): a write unit is one write of up to 1 KB, a
 * read unit one strongly consistent read of up to 4 KB (an eventually consistent one is half). Sizes
 * round up per item; a Query sums the items it reads and rounds once; transactional requests cost
 * twice. Read units are counted in halves, so that eventually consistent reads stay exact.
 */
public final class CapacityUnits {
    static final long WRITE_UNIT_BYTES = 1024;
    static final long READ_UNIT_BYTES = 4096;

    private CapacityUnits() {
    }

    /** Write units of one write of an item (or index entry) this big: at least 1. */
    public static long write(long bytes) {
        return Math.max(1, ceil(bytes, WRITE_UNIT_BYTES));
    }

    /** Half read units of reading this many bytes (one item, or a Query's sum): at least one read. */
    public static long readHalves(long bytes, boolean consistent) {
        long units = Math.max(1, ceil(bytes, READ_UNIT_BYTES));
        return consistent ? 2 * units : units;
    }

    private static long ceil(long bytes, long unit) {
        return (bytes + unit - 1) / unit;
    }
}
