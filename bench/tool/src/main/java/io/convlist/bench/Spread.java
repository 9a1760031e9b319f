package io.convlist.bench;

import java.util.Arrays;

/** One figure over repeated runs: its median, min and max. */
public record Spread(double median, double min, double max) {

    public static Spread of(double... values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return new Spread(sorted[sorted.length / 2], sorted[0], sorted[sorted.length - 1]);
    }

    /** "12.3 (11.0–14.2)" with the given number of decimals. */
    public String format(int decimals) {
        String f = "%." + decimals + "f";
        return String.format(f + " (" + f + "–" + f + ")", median, min, max);
    }
}
