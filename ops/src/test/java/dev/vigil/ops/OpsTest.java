package dev.vigil.ops;

import org.junit.jupiter.api.Test;


import static org.assertj.core.api.Assertions.assertThat;

class OpsTest {

    private final OpsInProcess cli = new OpsInProcess();

    private int run(String... args) {
        return cli.run(args);
    }

    @Test
    void helpListsTheCommandsAndExitsZero() {
        assertThat(run("--help")).isZero();
        assertThat(cli.out()).contains("Usage: ops", "COMMAND", "--version", "help");
    }

    @Test
    void versionNamesTheBuild() {
        assertThat(run("--version")).isZero();
        assertThat(cli.out()).containsPattern("ops \\(Vigil\\) \\d+\\.\\d+\\.\\d+");
    }

    @Test
    void unknownCommandIsAUsageErrorOnOneLine() {
        assertThat(run("frobnicate")).isEqualTo(2);
        assertThat(cli.err()).startsWith("error: Unmatched argument").contains("frobnicate").contains("--help");
        assertThat(cli.out()).isEmpty();
    }
}
