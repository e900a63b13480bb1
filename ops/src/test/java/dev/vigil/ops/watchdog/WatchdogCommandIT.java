package dev.vigil.ops.watchdog;

import dev.vigil.ops.OpsInProcess;
import dev.vigil.watchdog.fixture.Bind9;
import dev.vigil.watchdog.fixture.LoadBalancerLab;
import dev.vigil.watchdog.fixture.PingRecorder;
import dev.vigil.testsupport.Await;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import static dev.vigil.watchdog.fixture.LoadBalancerLab.APP;
import static dev.vigil.watchdog.fixture.LoadBalancerLab.LB1;
import static dev.vigil.watchdog.fixture.LoadBalancerLab.LB2;
import static dev.vigil.watchdog.fixture.LoadBalancerLab.PING;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code ops watchdog} from the inventory, against real HAProxy and BIND: {@code once} and {@code status}
 * in-process, and the daemon as systemd runs it: the shaded jar with exactly the provisioning recipe's command
 * line and the secret in the environment, stopped with SIGTERM.
 */
class WatchdogCommandIT {

    @TempDir
    static Path dir;
    private static LoadBalancerLab lab;
    private static PingRecorder pings;
    private static Path inventory;

    private final OpsInProcess ops = new OpsInProcess();

    @BeforeAll
    static void start() throws IOException {
        lab = new LoadBalancerLab(dir);
        pings = new PingRecorder();
        inventory = Files.writeString(dir.resolve("ops.yaml"), """
                domains: {app: %s, ping: %s}
                roles:
                  watchdog:
                    interval_seconds: 1
                    fail_after: 2
                    recover_after: 2
                    probe_port: %d
                    probe_timeout_seconds: 5
                    probe_ca_file: ca.pem
                    heartbeat_url: %s
                    dns: {kind: rfc2136, server: 127.0.0.1, port: %d, zone: %s, tsig_key_name: %s}
                hosts:
                  - {name: lb1, ipv4: %s, roles: [lb]}
                  - {name: lb2, ipv4: %s, roles: [lb]}
                  - {name: app1, ipv4: 127.0.0.9, roles: [app]}
                """.formatted(APP, PING, lab.port(), pings.url("/ping/wd"), lab.dns().address().getPort(),
                LoadBalancerLab.ZONE, Bind9.KEY_NAME, LB1, LB2));
    }

    @AfterAll
    static void stop() {
        pings.close();
        lab.close();
    }

    @AfterEach
    void restore() {
        lab.restoreServers();
    }

    @Test
    void onceProbesEveryBalancerAndFailsWhenOneIsDown() {
        assertThat(ops.run("watchdog", "once", "--inventory", inventory.toString(), "--state",
                dir.resolve("none.json").toString())).as(ops.out() + ops.err()).isZero();
        assertThat(ops.out()).startsWith("LOAD BALANCER  ADDRESS    HEALTH   PROBE")
                .containsPattern("lb1            127\\.0\\.0\\.2  healthy  HTTP 200 in \\d+ ms +in")
                .containsPattern("lb2            127\\.0\\.0\\.3  healthy  HTTP 200 in \\d+ ms +in");

        lab.lb2().stop();
        assertThat(ops.run("watchdog", "once", "--inventory", inventory.toString(), "--state",
                dir.resolve("none.json").toString())).isEqualTo(1);
        assertThat(ops.out()).contains("lb2            127.0.0.3  UNHEALTHY  ConnectException: Connection refused");
        assertThat(lab.lookup(APP)).containsExactly(LB1, LB2); // once changes nothing
    }

    @Test
    void theDaemonAsSystemdRunsItRemovesRestoresAndStopsOnSigterm() throws Exception {
        Path state = dir.resolve("var/lib/vigil-watchdog/state.json");
        Path out = dir.resolve("daemon.out");
        // exactly the command line of the provisioning recipe's systemd unit, but for the paths
        Process daemon = jar("watchdog", "run", "--inventory", inventory.toString(), "--state", state.toString())
                .redirectErrorStream(true).redirectOutput(out.toFile()).start();
        try {
            awaitOutput(out, "watching [lb1 127.0.0.2, lb2 127.0.0.3] for vigil.example.test, ping.example.test");
            lab.lb1().stop();
            await(() -> lab.lookup(APP).equals(Set.of(LB2)) && lab.lookup(PING).equals(Set.of(LB2)),
                    "lb1 removed", out);
            awaitOutput(out, "removed A 127.0.0.2 (lb1) from vigil.example.test, ping.example.test");
            await(() -> Files.exists(state), "state file written", out);

            Result status = status(state);
            assertThat(status.status()).as(status.out()).isZero();
            assertThat(status.out()).startsWith("NAME                TYPE  ADDRESS    LOAD BALANCER  SHOULD  IS")
                    .containsPattern("vigil\\.example\\.test +A +127\\.0\\.0\\.2 +lb1 +out +out")
                    .containsPattern("ping\\.example\\.test +A +127\\.0\\.0\\.3 +lb2 +in +in")
                    .doesNotContain("MISMATCH");
            Result stateless = status(dir.resolve("other-state.json")); // without the state, lb1 is missed
            assertThat(stateless.status()).isEqualTo(1);
            assertThat(stateless.out()).containsPattern("vigil\\.example\\.test +A +127\\.0\\.0\\.2 +lb1 +in +out +MISMATCH");

            lab.lb1().start();
            await(() -> lab.lookup(APP).equals(Set.of(LB1, LB2)), "lb1 restored", out);
            awaitOutput(out, "restored A 127.0.0.2 (lb1)");
            assertThat(pings.to("/ping/wd")).isNotEmpty();
            // the change is logged, then pinged: the second /log may arrive just after the line
            await(() -> pings.to("/ping/wd/log").size() >= 2, "the restore's /log ping", out);
            assertThat(pings.to("/ping/wd/log")).hasSize(2);
        } finally {
            daemon.destroy(); // SIGTERM, as systemctl stop sends
            assertThat(daemon.waitFor(30, TimeUnit.SECONDS)).as("stopped within 30 s of SIGTERM").isTrue();
        }
        assertThat(daemon.exitValue()).isEqualTo(143);
        List<String> lines = Files.readAllLines(out);
        assertThat(lines.get(lines.size() - 1)).endsWith(" watchdog stopped");
        assertThat(Files.readString(out)).doesNotContain(lab.dns().secret()).doesNotContain("Exception in thread");
    }

    private record Result(int status, String out) {
    }

    private static ProcessBuilder jar(String... args) {
        List<String> command = new java.util.ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar",
                Path.of("target", "ops.jar").toAbsolutePath().toString()));
        command.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(command).redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
        pb.environment().put(WatchdogSetup.TSIG_SECRET, lab.dns().secret()); // the secret comes from the environment
        return pb;
    }

    /** {@code ops watchdog status} needs the secret from its environment, so it runs as the jar. */
    private static Result status(Path state) throws IOException, InterruptedException {
        Path out = Files.createTempFile(dir, "status", ".txt");
        Process p = jar("watchdog", "status", "--inventory", inventory.toString(), "--state", state.toString())
                .redirectErrorStream(true).redirectOutput(out.toFile()).start();
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).as("status finished").isTrue();
        return new Result(p.exitValue(), Files.readString(out));
    }

    private static void awaitOutput(Path out, String text) {
        await(() -> {
            try {
                return Files.readString(out).contains(text);
            } catch (IOException e) {
                return false;
            }
        }, "output contains \"" + text + "\"", out);
    }

    private static void await(java.util.function.BooleanSupplier condition, String what, Path out) {
        Await.until(Duration.ofSeconds(40), condition, () -> what + "; daemon output:\n" + output(out));
    }

    private static String output(Path out) {
        try {
            return Files.readString(out);
        } catch (IOException e) {
            return e.toString();
        }
    }
}
