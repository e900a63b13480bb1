package dev.vigil.watchdog;

import dev.vigil.testsupport.Await;
import dev.vigil.watchdog.dns.rfc2136.Rfc2136Records;
import dev.vigil.watchdog.dns.rfc2136.TsigKey;
import dev.vigil.watchdog.fixture.Bind9;
import dev.vigil.watchdog.fixture.LoadBalancerLab;
import dev.vigil.watchdog.fixture.PingRecorder;
import dev.vigil.watchdog.notify.HttpNotifications;
import dev.vigil.watchdog.probe.HttpsProbe;
import dev.vigil.watchdog.probe.TrustStores;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import static dev.vigil.watchdog.fixture.LoadBalancerLab.APP;
import static dev.vigil.watchdog.fixture.LoadBalancerLab.LB1;
import static dev.vigil.watchdog.fixture.LoadBalancerLab.LB2;
import static dev.vigil.watchdog.fixture.LoadBalancerLab.PING;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The watchdog against real parts: HAProxy on 127.0.0.2 and 127.0.0.3 with TLS from a test CA, a real app
 * backend, BIND 9 taking TSIG-signed updates, and HTTP endpoints recording the heartbeat, log pings and webhook.
 * Rounds are counted through the heartbeats, so the assertions hold however slow the machine is; the wall-clock
 * time to removal is printed.
 */
class WatchdogIT {

    private static final Duration INTERVAL = Duration.ofMillis(500);
    private static final int FAIL_AFTER = 3;
    private static final int RECOVER_AFTER = 3;
    private static final Duration WAIT = Duration.ofSeconds(30);

    @TempDir
    static Path labDir;
    private static LoadBalancerLab lab;

    @TempDir
    Path work;
    private PingRecorder pings;
    private final StringWriter journal = new StringWriter();
    private Running running;

    @BeforeAll
    static void startLab() {
        lab = new LoadBalancerLab(labDir);
    }

    @AfterAll
    static void stopLab() {
        lab.close();
    }

    @BeforeEach
    void startRecorder() {
        pings = new PingRecorder();
    }

    @AfterEach
    void cleanUp() {
        if (running != null) {
            running.stop();
        }
        pings.close();
        lab.restoreServers();
        DnsRecords dns = dns();
        for (String name : List.of(APP, PING)) {
            for (String lb : List.of(LB1, LB2)) {
                dns.add(name, LoadBalancerLab.address(lb), 60);
            }
        }
    }

    /** A daemon on its own thread. */
    private record Running(WatchdogDaemon daemon, Thread thread, Watchdog watchdog) {
        void stop() {
            assertThat(daemon.stop(Duration.ofSeconds(10))).as("daemon stopped within 10 s").isTrue();
            watchdog.close();
        }
    }

    private static DnsRecords dns() {
        return new Rfc2136Records(lab.dns().address(), LoadBalancerLab.ZONE,
                new TsigKey(Bind9.KEY_NAME, Bind9.ALGORITHM, lab.dns().secret()), Duration.ofSeconds(2));
    }

    private Running start(Path stateFile) {
        EventLog log = new EventLog(new PrintWriter(journal, true), Clock.systemUTC());
        WatchdogConfig config = new WatchdogConfig(List.of(
                new LoadBalancer("lb1", List.of(LoadBalancerLab.address(LB1))),
                new LoadBalancer("lb2", List.of(LoadBalancerLab.address(LB2)))),
                List.of(APP, PING), new Thresholds(FAIL_AFTER, RECOVER_AFTER), INTERVAL, 60);
        HttpsProbe probe = new HttpsProbe(APP, lab.port(), "/health", Duration.ofSeconds(5),
                TrustStores.fromPem(lab.caPem()));
        Watchdog watchdog = new Watchdog(config, probe, dns(), new StateFile(stateFile),
                new HttpNotifications(Optional.of(pings.url("/ping/wd")), Optional.of(pings.url("/hook")), log), log);
        WatchdogDaemon daemon = new WatchdogDaemon(watchdog, INTERVAL, log);
        Thread t = new Thread(daemon::run, "watchdog-daemon");
        t.start();
        running = new Running(daemon, t, watchdog);
        return running;
    }

    /** Rounds finished so far: every round ends with one heartbeat, plain or /fail. */
    private int rounds() {
        return pings.to("/ping/wd").size() + pings.to("/ping/wd/fail").size();
    }

    private void awaitRounds(int n) {
        int target = rounds() + n;
        Await.until(WAIT, () -> rounds() >= target, () -> "only " + rounds() + " rounds; journal:\n" + journal);
    }

    private void awaitDns(String name, Set<String> expected) {
        Await.until(WAIT, () -> lab.lookup(name).equals(expected),
                () -> name + " holds " + lab.lookup(name) + ", not " + expected + "; journal:\n" + journal);
    }

    @Test
    void aStoppedBalancerLeavesDnsWithinTheThresholdAndComesBackAfterRecovering() {
        start(work.resolve("state.json"));
        awaitRounds(2);
        assertThat(lab.lookup(APP)).containsExactly(LB1, LB2);

        int roundsBefore = rounds();
        long stopped = System.nanoTime();
        lab.lb1().stop();
        awaitDns(APP, Set.of(LB2));
        long removedAfterMs = (System.nanoTime() - stopped) / 1_000_000;
        int roundsTaken = rounds() - roundsBefore;
        System.out.printf("watchdog time-to-removal: %d ms (%d rounds; interval %d ms, fail after %d; bound "
                + "threshold x interval + one round = %d ms)%n", removedAfterMs, roundsTaken, INTERVAL.toMillis(),
                FAIL_AFTER, (FAIL_AFTER + 1) * INTERVAL.toMillis());
        // the round running when lb1 stopped may have probed it just before: at most one round more
        assertThat(roundsTaken).isBetween(FAIL_AFTER - 1, FAIL_AFTER + 1);
        awaitRounds(1); // the round that changed DNS has finished: state written, pings sent
        assertThat(lab.lookup(PING)).containsExactly(LB2);
        assertThat(journal.toString()).contains("lb1 127.0.0.2: probe failed (1/3)")
                .contains("removed A 127.0.0.2 (lb1) from vigil.example.test, ping.example.test: 3 failed probes "
                        + "in a row; last probe ");
        assertThat(pings.to("/ping/wd/log")).singleElement().extracting(PingRecorder.Request::body).asString()
                .startsWith("removed A 127.0.0.2 (lb1)");
        assertThat(pings.to("/hook")).singleElement().extracting(PingRecorder.Request::body).asString()
                .startsWith("{\"text\":\"vigil-watchdog: removed A 127.0.0.2 (lb1)");

        lab.lb1().start();
        int roundsAtStart = rounds();
        awaitDns(APP, Set.of(LB1, LB2));
        assertThat(rounds() - roundsAtStart).isBetween(RECOVER_AFTER - 1, RECOVER_AFTER + 1);
        awaitRounds(1);
        assertThat(lab.lookup(PING)).containsExactly(LB1, LB2);
        assertThat(journal.toString()).contains("lb1 127.0.0.2: probe passed (3/3, out of DNS)")
                .contains("restored A 127.0.0.2 (lb1) to vigil.example.test, ping.example.test");
        assertThat(pings.to("/ping/wd/log")).hasSize(2);
        assertThat(pings.to("/ping/wd/fail")).isEmpty();
        System.out.print("watchdog journal of a removal and restoration:\n" + journal);
    }

    @Test
    void whenBothBalancersFailNothingIsRemovedAndTheAlertIsRaisedOnce() {
        start(work.resolve("state.json"));
        awaitRounds(1);
        lab.lb1().stop();
        lab.lb2().stop();
        awaitRounds(FAIL_AFTER + 3);
        assertThat(lab.lookup(APP)).containsExactly(LB1, LB2);
        assertThat(lab.lookup(PING)).containsExactly(LB1, LB2);
        String alert = "ALERT every load balancer failed its probe (2 addresses): DNS left as it is";
        assertThat(journal.toString()).containsOnlyOnce(alert);
        assertThat(pings.to("/ping/wd/fail")).hasSizeGreaterThanOrEqualTo(FAIL_AFTER + 2);
        assertThat(pings.to("/hook")).singleElement().extracting(PingRecorder.Request::body).asString()
                .contains("ALERT: every load balancer failed its probe");
        assertThat(pings.to("/ping/wd/log")).isEmpty();
    }

    @Test
    void aDownDnsServerIsReportedAndRetriedWhileTheDaemonGoesOn() {
        start(work.resolve("state.json"));
        awaitRounds(1);
        lab.dns().stop();
        lab.lb1().stop();
        Await.until(WAIT, () -> journal.toString().contains("ALERT DNS update failed, tried again every round: "
                + "remove A lb1 127.0.0.2"), () -> "no DNS alert; journal:\n" + journal);
        awaitRounds(3); // the daemon keeps going, and keeps trying
        assertThat(running.thread().isAlive()).isTrue();
        assertThat(journal.toString()).contains("unreachable for remove vigil.example.test 127.0.0.2")
                .containsOnlyOnce("ALERT DNS update failed"); // a standing alert, not one per round
        assertThat(pings.to("/ping/wd/fail")).isNotEmpty();

        lab.dns().start();
        awaitDns(APP, Set.of(LB2));
        awaitRounds(1);
        assertThat(lab.lookup(PING)).containsExactly(LB2);
        Await.until(WAIT, () -> journal.toString().contains("cleared: DNS update failed"),
                () -> "alert not cleared; journal:\n" + journal);
        System.out.print("watchdog journal with the DNS server down:\n" + journal);
    }

    @Test
    void aRestartedWatchdogRestoresWhatItsPredecessorRemoved() throws Exception {
        Path state = work.resolve("state.json");
        start(state);
        lab.lb1().stop();
        awaitDns(APP, Set.of(LB2));
        awaitRounds(1);
        running.stop();
        assertThat(Files.readString(state)).contains("\"loadBalancer\" : \"lb1\"", "\"address\" : \"127.0.0.2\"");

        lab.lb1().start();
        journal.getBuffer().setLength(0);
        start(state);
        awaitDns(APP, Set.of(LB1, LB2));
        awaitRounds(1);
        assertThat(lab.lookup(PING)).containsExactly(LB1, LB2);
        assertThat(journal.toString()).contains("removed earlier, restored once healthy: lb1 127.0.0.2")
                .contains("restored A 127.0.0.2 (lb1)");
        assertThat(new StateFile(state).removed()).isEmpty();
    }
}
