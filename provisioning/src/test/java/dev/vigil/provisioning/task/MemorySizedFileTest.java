package dev.vigil.provisioning.task;

import dev.vigil.provisioning.remote.RemoteCommandException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class MemorySizedFileTest {

    @Test
    void aContainersMemoryLimitWinsOverTheMachinesMemory() {
        String machine = "MemTotal:       24576000 kB\n";
        assertThat(MemorySizedFile.mib("db1", machine)).isEqualTo(24_000);
        assertThat(MemorySizedFile.mib("db1", machine + "limit 1610612736\n")).as("cgroup v2 or v1 limit")
                .isEqualTo(1536);
        assertThat(MemorySizedFile.mib("db1", machine + "limit max\n")).as("v2 without a limit").isEqualTo(24_000);
        assertThat(MemorySizedFile.mib("db1", machine + "limit 9223372036854771712\n")).as("v1 without a limit")
                .isEqualTo(24_000);
    }

    @Test
    void noMemTotalIsAClearError() {
        assertThatThrownBy(() -> MemorySizedFile.mib("db1", "limit 1024\n")).isInstanceOf(RemoteCommandException.class)
                .hasMessage("db1: no MemTotal line in /proc/meminfo");
    }
}
