package dev.vigil.ops.run;

import dev.vigil.ops.Ops;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;

import static org.assertj.core.api.Assertions.assertThat;

class RunCommandTest {

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int ops(String... args) {
        CommandLine cl = Ops.commandLine();
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        return cl.execute(args);
    }

    private void assertUsageError(int status, String... fragments) {
        assertThat(status).isEqualTo(2);
        assertThat(out.toString()).isEmpty();
        assertThat(err.toString().lines()).singleElement().satisfies(line -> assertThat(line)
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
        assertThat(out.toString()).contains("Usage: ops run", "124", "127", "Examples:", "--ping-url",
                "-- vacuumdb");
    }
}
