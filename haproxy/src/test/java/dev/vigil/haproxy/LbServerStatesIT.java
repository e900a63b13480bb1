package dev.vigil.haproxy;

import dev.vigil.haproxy.LbServerStates.DrainResult;
import dev.vigil.testsupport.Await;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Drain, ready and status of one app server on two real HAProxy balancers at once, through their runtime API,
 * with requests held open on the backends so that the drain has sessions to wait for.
 */
class LbServerStatesIT {

    @TempDir
    static Path dir;
    private static TestClient client;
    private static final List<TestBackend> backends = new ArrayList<>();
    private static final List<HaproxyProcess> balancers = new ArrayList<>();
    private static List<RuntimeApi> apis;
    /**
     * Threads of their own for the held requests and the drain, which block until released: the common pool has a
     * single thread on a two-core machine, so a blocked one would stop the next request from being sent.
     */
    private static final java.util.concurrent.ExecutorService REQUESTS =
            java.util.concurrent.Executors.newCachedThreadPool(r -> {
                Thread t = new Thread(r, "held-request");
                t.setDaemon(true);
                return t;
            });

    @BeforeAll
    static void start() {
        TestCertificates ca = new TestCertificates();
        TestFleet.writeCertificates(dir, ca);
        client = new TestClient(ca.trustStore());
        var inventory = dev.vigil.provisioning.inventory.InventoryLoader.parse(dir.resolve("ops.yaml"),
                TestFleet.yaml(2, 3, "health_check: {inter: 500ms}\n"));
        for (int i = 1; i <= 3; i++) {
            backends.add(new TestBackend("app" + i, dir.resolve("maintenance-app" + i)));
        }
        balancers.add(HaproxyProcess.start(dir, "lb1", inventory, backends));
        balancers.add(HaproxyProcess.start(dir, "lb2", inventory, backends));
        apis = balancers.stream().map(b -> b.api).toList();
    }

    @AfterAll
    static void stop() {
        REQUESTS.shutdownNow();
        balancers.forEach(HaproxyProcess::close);
        backends.forEach(TestBackend::close);
    }

    @BeforeEach
    void allReady() {
        LbServerStates.ready(apis, "app1");
        Await.until(Duration.ofSeconds(30), () -> apis.stream().allMatch(a -> a.servers().stream()
                .allMatch(s -> !LbServerStates.BACKENDS.contains(s.backend()) || s.state().equals("UP"))),
                () -> LbServerStates.table(apis));
    }

    @AfterEach
    void releaseHeldRequests() {
        backends.forEach(TestBackend::release);
    }

    /**
     * Slow requests through each balancer, one at a time, until one of them is held on app1 there (round robin
     * gets there within three, unless slowstart weights or an earlier test moved its position).
     */
    private List<CompletableFuture<TestClient.Response>> holdOneRequestPerServer() {
        backends.forEach(TestBackend::hold);
        List<CompletableFuture<TestClient.Response>> held = new ArrayList<>();
        for (HaproxyProcess lb : balancers) {
            for (int i = 0; i < 12 && sessions(lb.api, "app1") == 0; i++) {
                int before = totalSessions(lb.api);
                held.add(CompletableFuture.supplyAsync(() -> {
                    try {
                        return client.get(null, new InetSocketAddress("127.0.0.1", lb.httpsPort),
                                TestClient.Tls.sni(TestFleet.APP_DOMAIN), TestFleet.APP_DOMAIN, "/slow", Map.of());
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                }, REQUESTS));
                Await.until(Duration.ofSeconds(10), () -> totalSessions(lb.api) > before,
                        () -> "the slow request held on a server:\n" + LbServerStates.table(apis));
            }
        }
        assertThat(apis).as("a session open to app1 on both balancers").allMatch(a -> sessions(a, "app1") == 1);
        return held;
    }

    private static int totalSessions(RuntimeApi api) {
        return api.servers().stream().filter(s -> s.backend().equals("app"))
                .mapToInt(ServerStatus::currentSessions).sum();
    }

    private static int sessions(RuntimeApi api, String server) {
        return api.servers().stream().filter(s -> s.server().equals(server) && s.backend().equals("app"))
                .mapToInt(ServerStatus::currentSessions).sum();
    }

    private static String state(RuntimeApi api, String backend, String server) {
        return api.servers().stream().filter(s -> s.server().equals(server) && s.backend().equals(backend))
                .findFirst().orElseThrow().state();
    }

    @Test
    void drainTakesTheServerOutEverywhereAndWaitsForItsSessions() throws Exception {
        List<CompletableFuture<TestClient.Response>> held = holdOneRequestPerServer();
        CompletableFuture<DrainResult> drain = CompletableFuture.supplyAsync(() ->
                LbServerStates.drain(apis, "app1", Duration.ofSeconds(60)), REQUESTS);
        Await.until(Duration.ofSeconds(10), () -> apis.stream().allMatch(a -> state(a, "app", "app1").equals("DRAIN")
                && state(a, "ping", "app1").equals("DRAIN")), () -> LbServerStates.table(apis));
        String table = LbServerStates.table(apis);
        assertThat(table).contains("BALANCER  BACKEND  SERVER  STATE  SESSIONS\n")
                .containsPattern("lb1 +app +app1 +DRAIN +1\n").containsPattern("lb2 +app +app1 +DRAIN +1\n");
        for (int i = 0; i < 6; i++) {
            TestClient.Response r = client.get(null, new InetSocketAddress("127.0.0.1", balancers.get(i % 2)
                    .httpsPort), TestClient.Tls.sni(TestFleet.APP_DOMAIN), TestFleet.APP_DOMAIN, "/", Map.of());
            assertThat(r.body()).as("no new request to a draining server").doesNotStartWith("main app1 ");
        }
        assertThat(drain).as("the drain waits while app1 has sessions").isNotDone();
        backends.forEach(TestBackend::release);
        DrainResult result = drain.get(30, TimeUnit.SECONDS);
        assertThat(result.drained()).isTrue();
        assertThat(result.sessionsLeft()).isZero();
        for (CompletableFuture<TestClient.Response> r : held) {
            assertThat(r.get(30, TimeUnit.SECONDS).status()).as("held requests finish").isEqualTo(200);
        }
        System.out.printf("FIGURE drain-wait: app1 drained on 2 balancers in %d ms (requests held open until "
                + "released)%n", result.waited().toMillis());
        LbServerStates.ready(apis, "app1");
        assertThat(apis).allMatch(a -> state(a, "app", "app1").equals("UP") && state(a, "ping", "app1").equals("UP"));
    }

    @Test
    void aDrainPastItsCapSaysHowManySessionsAreLeft() throws Exception {
        holdOneRequestPerServer();
        DrainResult result = LbServerStates.drain(apis, "app1", Duration.ofMillis(300));
        assertThat(result.drained()).isFalse();
        assertThat(result.sessionsLeft()).isEqualTo(2);
        assertThat(result.waited()).isGreaterThanOrEqualTo(Duration.ofMillis(300));
    }

    @Test
    void anUnknownServerChangesNothing() {
        assertThatThrownBy(() -> LbServerStates.drain(apis, "app9", Duration.ofSeconds(1)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("lb1 has no app server named \"app9\"");
        assertThat(apis).allMatch(a -> a.servers().stream().noneMatch(s -> s.state().equals("DRAIN")));
        assertThatThrownBy(() -> apis.get(0).setState("app", "app1", "up"))
                .hasMessage("server states are ready, drain and maint, not up");
    }
}
