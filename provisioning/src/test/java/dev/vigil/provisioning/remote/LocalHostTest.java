package dev.vigil.provisioning.remote;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Scripts on this machine through the real sh: output, stdin, exit status, and a timeout that kills. */
class LocalHostTest {

    private final LocalHost here = new LocalHost("here", Duration.ofSeconds(10));

    @Test
    void runsTheScriptWithItsInputAndTellsItsStatus() {
        CommandResult r = here.run("read line; echo \"got $line\"; echo oops >&2; exit 3",
                "hello\n".getBytes(StandardCharsets.UTF_8), Duration.ofSeconds(10));
        assertThat(r.exitStatus()).isEqualTo(3);
        assertThat(r.out()).isEqualTo("got hello\n");
        assertThat(new String(r.stderr(), StandardCharsets.UTF_8)).isEqualTo("oops\n");
        assertThat(here.check("printf %s \"$LC_ALL\"")).isEqualTo("C.UTF-8");
        assertThatThrownBy(() -> here.check("exit 1")).isInstanceOf(RemoteCommandException.class)
                .hasMessageContaining("here: command failed");
    }

    @Test
    void aScriptPastItsTimeoutIsKilled() {
        assertThatThrownBy(() -> here.run("sleep 30", new byte[0], Duration.ofMillis(300)))
                .isInstanceOf(RemoteCommandException.class).hasMessageContaining("timed out");
    }
}
