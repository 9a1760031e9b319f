package io.convlist.runtime;

import java.util.ArrayList;
import java.util.List;

/**
 * Ranges the configuration must keep, checked when an application starts: one out of range stops it
 * with the key, the value and the range, every problem at once.
 */
public final class ConfigChecks {
    private final List<String> problems = new ArrayList<>();

    /** The shared keys' ranges (see {@link StoreConfig}). */
    public static ConfigChecks of(StoreConfig config) {
        return new ConfigChecks()
                .between("convlist.settings-cache-seconds", config.settingsCacheSeconds(), 0, 60)
                .between("convlist.fan-out-parallelism", config.fanOutParallelism(), 1, 256);
    }

    public ConfigChecks between(String key, long value, long min, long max) {
        if (value < min || value > max) {
            problems.add(key + " is " + value + ", it must be " + min + " to " + max);
        }
        return this;
    }

    /** A secret of at least {@code min} characters; {@code env} names where it is set. */
    public ConfigChecks secret(String key, String env, String value, int min) {
        if (value == null || value.length() < min) {
            problems.add(key + " must be at least " + min + " characters (set " + env + ")");
        }
        return this;
    }

    public List<String> problems() {
        return List.copyOf(problems);
    }

    /** Stops the start if anything is out of range. */
    public void orFail() {
        if (!problems.isEmpty()) {
            throw new IllegalStateException("configuration: " + String.join("; ", problems));
        }
    }
}
