package io.convlist.testkit;

/**
 * A randomized test's seed. {@code -Dseed=N} replays a run; without it each run takes a new one. The
 * seed is printed when it is taken, so a failure anywhere (CI included) can be replayed exactly.
 */
public final class Seeds {
    private Seeds() {
    }

    public static long seed(String test) {
        Long given = Long.getLong("seed");
        long seed = given != null ? given : System.nanoTime();
        System.out.println(test + ": seed " + seed + " (replay with -Dseed=" + seed + ")");
        return seed;
    }
}
