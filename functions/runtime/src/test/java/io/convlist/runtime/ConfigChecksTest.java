package io.convlist.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** Out-of-range configuration stops the start with every problem named. */
class ConfigChecksTest {

    @Test
    void valuesInRange_pass() {
        new ConfigChecks().between("a", 0, 0, 60).between("b", 60, 0, 60).secret("k", "K", "x".repeat(32), 32).orFail();
    }

    @Test
    void everyProblem_isNamedWithItsKeyAndRange() {
        ConfigChecks checks = new ConfigChecks().between("convlist.settings-cache-seconds", 61, 0, 60)
                .between("convlist.fan-out-parallelism", 0, 1, 256).secret("convlist.sync.cursor-key", "CONVLIST_SYNC_CURSOR_KEY", "", 32);
        assertThat(checks.problems()).containsExactly("convlist.settings-cache-seconds is 61, it must be 0 to 60",
                "convlist.fan-out-parallelism is 0, it must be 1 to 256",
                "convlist.sync.cursor-key must be at least 32 characters (set CONVLIST_SYNC_CURSOR_KEY)");
        assertThatThrownBy(checks::orFail).isInstanceOf(IllegalStateException.class).hasMessageContaining("fan-out-parallelism is 0");
        assertThatThrownBy(new ConfigChecks().secret("k", "K", null, 32)::orFail).hasMessageContaining("at least 32");
    }
}
