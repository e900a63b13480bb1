package dev.vigil.ops.run;

import dev.vigil.backup.RetryPolicy;
import dev.vigil.client.VigilCheck;
import dev.vigil.testsupport.Await;
import dev.vigil.testsupport.PingRecorder;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;

class CronWrapperIT {

    private static final RetryPolicy FAST = new RetryPolicy(3, Duration.ofMillis(20), Duration.ofMillis(100));

    private final List<String> notes = new CopyOnWriteArrayList<>();
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private PingRecorder check;

    @TempDir
    Path dir;

    @BeforeEach
    void setUp() throws Exception {
        check = new PingRecorder();
    }

    @AfterEach
    void tearDown() {
        check.close();
    }

    private CronWrapper wrapper(CronOptions options) {
        return new CronWrapper(VigilCheck.at(check.pingUrl(), FAST, notes::add),
                options.withOutput(out, err));
    }

    private static List<String> sh(String script) {
        return List.of("sh", "-c", script);
    }

    @Test
    void successIsPingedWithTheOutputAndTheOutputPassesThrough() {
        CronResult result = wrapper(CronOptions.defaults()).run(sh("echo 'vacuumed 12 tables ✓'; echo 'warning: slow' >&2"));

        assertThat(result.exitStatus()).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).isEqualTo("vacuumed 12 tables ✓\n");
        assertThat(err.toString(StandardCharsets.UTF_8)).isEqualTo("warning: slow\n");
        List<PingRecorder.Ping> pings = check.await(2);
        assertThat(pings).extracting(PingRecorder.Ping::signal).containsExactly("/start", "");
        assertThat(pings).extracting(PingRecorder.Ping::method).containsOnly("POST");
        assertThat(pings.get(1).body()).contains("vacuumed 12 tables ✓").contains("warning: slow");
        assertThat(notes).isEmpty();
    }

    @Test
    void aNonZeroExitIsPingedAsThatStatusAndReturned() {
        CronResult result = wrapper(CronOptions.defaults()).run(sh("echo 'disk full' >&2; exit 3"));

        assertThat(result.exitStatus()).isEqualTo(3);
        List<PingRecorder.Ping> pings = check.await(2);
        assertThat(pings).extracting(PingRecorder.Ping::signal).containsExactly("/start", "/3");
        assertThat(pings.get(1).body()).isEqualTo("disk full\n");
    }

    @Test
    void theBodyIsTheEndOfTheOutputWithinTheLimit() {
        CronResult result = wrapper(CronOptions.defaults().withBodyLimit(1000))
                .run(sh("i=0; while [ $i -lt 20000 ]; do echo \"line $i\"; i=$((i+1)); done; echo 'the end'"));

        assertThat(result.exitStatus()).isZero();
        String body = check.await(2).get(1).body();
        assertThat(body.getBytes(StandardCharsets.UTF_8)).hasSizeLessThanOrEqualTo(1000);
        assertThat(body).endsWith("line 19999\nthe end\n").doesNotContain("line 0\n");
        assertThat(out.size()).as("all of it passed through").isGreaterThan(200_000);
    }

    @Test
    void aTimeoutKillsTheWholeProcessTreeAndFailsTheCheck() throws Exception {
        Path pidFile = dir.resolve("grandchild.pid");
        // the grandchild ignores nothing special; it must die with its parent's tree
        CronResult result = wrapper(CronOptions.defaults().withTimeout(Duration.ofSeconds(1)))
                .run(sh("sleep 300 & echo $! > " + pidFile + "; echo started; wait"));

        assertThat(result.exitStatus()).isEqualTo(CronWrapper.TIMED_OUT);
        assertThat(result.timedOut()).isTrue();
        long grandchild = Long.parseLong(Files.readString(pidFile).trim());
        Await.until(Duration.ofSeconds(10), () -> ProcessHandle.of(grandchild).map(p -> !p.isAlive()).orElse(true),
                () -> "the grandchild to die");
        List<PingRecorder.Ping> pings = check.await(2);
        assertThat(pings).extracting(PingRecorder.Ping::signal).containsExactly("/start", "/fail");
        assertThat(pings.get(1).body()).startsWith("started\n").contains("timed out after 1.0 s");
    }

    @Test
    void aCommandThatCannotStartFailsTheCheck() {
        CronResult result = wrapper(CronOptions.defaults()).run(List.of(dir.resolve("no-such-command").toString()));

        assertThat(result.exitStatus()).isEqualTo(CronWrapper.NOT_STARTED);
        List<PingRecorder.Ping> pings = check.await(2);
        assertThat(pings).extracting(PingRecorder.Ping::signal).containsExactly("/start", "/fail");
        assertThat(pings.get(1).body()).contains("cannot start").contains("no-such-command");
    }

    @Test
    void pingsAreRetriedWithBackoff() {
        check.answerNext(503, 502);

        CronResult result = wrapper(CronOptions.defaults()).run(sh("true"));

        assertThat(result.exitStatus()).isZero();
        assertThat(check.await(4)).extracting(PingRecorder.Ping::signal).containsExactly("/start", "/start", "/start", "");
        assertThat(notes).as("delivered in the end").isEmpty();
    }

    @Test
    void anUnreachableCheckDoesNotChangeTheOutcome() throws Exception {
        int closedPort;
        try (ServerSocket s = new ServerSocket(0)) {
            closedPort = s.getLocalPort();
        }
        CronWrapper wrapper = new CronWrapper(VigilCheck.at(URI.create("http://127.0.0.1:" + closedPort + "/ping/abc"),
                FAST, notes::add), CronOptions.defaults().withOutput(out, err));

        CronResult result = wrapper.run(sh("exit 5"));

        assertThat(result.exitStatus()).isEqualTo(5);
        assertThat(notes).hasSize(2).allSatisfy(n -> assertThat(n).contains("failed after 3 attempts")
                .contains("ConnectException"));
    }
}
