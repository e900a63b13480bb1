package dev.vigil.ops.run;

import dev.vigil.ops.OpsInProcess;
import org.junit.jupiter.api.Test;


import static org.assertj.core.api.Assertions.assertThat;

class RunCommandTest {

    private final OpsInProcess cli = new OpsInProcess();

    private int ops(String... args) {
        return cli.run(args);
    }

    private void assertUsageError(int status, String... fragments) {
        assertThat(status).isEqualTo(2);
        assertThat(cli.out()).isEmpty();
        assertThat(cli.err().lines()).singleElement().satisfies(line -> assertThat(line)
                .startsWith("error: ").contains(fragments).endsWith("(see 'ops run --help')"));
    }

    @Test
    void withoutACommandIsAUsageError() {
        assertUsageError(ops("run", "--ping-url", "http://127.0.0.1:9/ping/x"), "COMMAND");
    }

    @Test
    void withOnlyTheSeparatorIsAUsageError() {
        assertUsageError(ops("run", "--ping-url", "http://127.0.0.1:9/ping/x", "--"), "COMMAND");
    }

    @Test
    void pingUrlIsRequired() {
        assertUsageError(ops("run", "--", "true"), "--ping-url");
    }

    @Test
    void pingUrlMustBeHttp() {
        assertUsageError(ops("run", "--ping-url", "ftp://example.com/x", "--", "true"), "http(s)");
    }

    @Test
    void timeoutMustBePositive() {
        assertUsageError(ops("run", "--ping-url", "http://127.0.0.1:9/x", "--timeout", "0", "--", "true"),
                "--timeout must be at least 1");
    }

    @Test
    void bodyLimitMustNotBeNegative() {
        assertUsageError(ops("run", "--ping-url", "http://127.0.0.1:9/x", "--body-limit", "-1", "--", "true"),
                "--body-limit");
    }

    @Test
    void helpExplainsTheExitStatusAndShowsExamples() {
        assertThat(ops("run", "--help")).isZero();
        assertThat(cli.out()).contains("Usage: ops run", "124", "127", "Examples:", "--ping-url",
                "-- vacuumdb");
    }
}
