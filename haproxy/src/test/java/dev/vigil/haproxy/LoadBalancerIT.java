package dev.vigil.haproxy;

import dev.vigil.haproxy.TestClient.Response;
import dev.vigil.haproxy.TestClient.Tls;
import dev.vigil.provisioning.inventory.InventoryLoader;
import dev.vigil.testsupport.Await;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The rendered configuration at work: a real HAProxy on 127.0.0.1 and ::1 in front of three real HTTP backends
 * on loopback, the configuration built from an inventory (1 balancer, 3 app servers) and changed only in its
 * addresses, ports and file places. The figures (time to NOLB, failed requests under drain and reload) are
 * printed for docs/load-balancers.md; they are measurements, not timed assertions.
 */
class LoadBalancerIT {

    private static final Duration INTER = Duration.ofMillis(500);
    private static final int FALL = 3;
    private static final int RATE_LIMIT = 50;

    @TempDir
    static Path dir;
    private static TestCertificates ca;
    private static TestClient client;
    private static final List<TestBackend> backends = new ArrayList<>();
    private static HaproxyProcess haproxy;
    private static InetSocketAddress http;
    private static InetSocketAddress https;
    private static int httpPort;
    private static int httpsPort;

    @BeforeAll
    static void start() throws IOException {
        ca = new TestCertificates();
        TestFleet.writeCertificates(dir, ca);
        client = new TestClient(ca.trustStore());
        var inventory = InventoryLoader.parse(dir.resolve("ops.yaml"), TestFleet.yaml(1, 3, """
                health_check: {inter: 500ms, fall: 3, rise: 2, slowstart: 1s}
                ping_rate_limit: {requests: %d, period: 10s}
                """.formatted(RATE_LIMIT)));
        for (int i = 1; i <= 3; i++) {
            backends.add(new TestBackend("app" + i, dir.resolve("maintenance-app" + i)));
        }
        haproxy = HaproxyProcess.start(dir, "lb1", inventory, backends);
        httpPort = haproxy.httpPort;
        httpsPort = haproxy.httpsPort;
        http = new InetSocketAddress("127.0.0.1", httpPort);
        https = new InetSocketAddress("127.0.0.1", httpsPort);
    }

    @AfterAll
    static void stop() {
        if (haproxy != null) {
            haproxy.close();
        }
        backends.forEach(TestBackend::close);
    }

    @BeforeEach
    void everyServerUpAndReady() throws IOException {
        for (TestBackend b : backends) {
            Files.deleteIfExists(b.maintenanceFile);
            b.start();
            for (String backend : List.of("app", "ping")) {
                haproxy.api.setState(backend, b.name, "ready");
            }
        }
        Await.until(Duration.ofSeconds(30), () -> haproxy.api.servers().stream()
                .filter(s -> s.backend().equals("app") || s.backend().equals("ping"))
                .allMatch(s -> s.state().equals("UP")), () -> "every server UP: " + haproxy.api.servers());
    }

    private static Response get(InetSocketAddress to, Tls tls, String host, String path) throws IOException {
        return get(null, to, tls, host, path, Map.of());
    }

    private static Response get(InetAddress source, InetSocketAddress to, Tls tls, String host, String path,
                                Map<String, String> headers) throws IOException {
        return client.get(source, to, tls, host, path, headers);
    }

    @Test
    void requestsAreBalancedAndEachDomainGoesToItsPort() throws IOException {
        Map<String, Integer> seen = new HashMap<>();
        for (int i = 0; i < 30; i++) {
            Response r = get(https, Tls.sni(TestFleet.APP_DOMAIN), TestFleet.APP_DOMAIN, "/");
            assertThat(r.status()).isEqualTo(200);
            seen.merge(r.body().split(" ")[0] + " " + r.body().split(" ")[1], 1, Integer::sum);
        }
        assertThat(seen).containsOnlyKeys("main app1", "main app2", "main app3");
        assertThat(seen.values()).allMatch(n -> n >= 5);
        Map<String, Integer> pings = new HashMap<>();
        for (int i = 0; i < 9; i++) {
            Response r = get(InetAddress.getByName("127.0.0.10"), http, null, TestFleet.PING_DOMAIN, "/ping/x",
                    Map.of());
            assertThat(r.status()).isEqualTo(200);
            pings.merge(r.body().split(" ")[0] + " " + r.body().split(" ")[1], 1, Integer::sum);
        }
        assertThat(pings).containsOnlyKeys("ping app1", "ping app2", "ping app3");
        assertThat(get(InetAddress.getByName("127.0.0.10"), https, Tls.sni(TestFleet.APP_DOMAIN), TestFleet.APP_DOMAIN,
                "/ping/x", Map.of()).body()).as("/ping/ on the app domain").startsWith("ping ");
    }

    @Test
    void theAppDomainRedirectsToHttpsAndSendsHstsThePingDomainDoesNot() throws IOException {
        Response plain = get(http, null, TestFleet.APP_DOMAIN, "/projects?x=1");
        assertThat(plain.status()).isEqualTo(301);
        assertThat(plain.header("Location")).isEqualTo("https://" + TestFleet.APP_DOMAIN + "/projects?x=1");
        Response secure = get(https, Tls.sni(TestFleet.APP_DOMAIN), TestFleet.APP_DOMAIN, "/");
        assertThat(secure.header("Strict-Transport-Security")).isEqualTo("max-age=63072000");
        Response ping = get(InetAddress.getByName("127.0.0.10"), https, Tls.sni(TestFleet.PING_DOMAIN),
                TestFleet.PING_DOMAIN, "/ping/x", Map.of());
        assertThat(ping.body()).startsWith("ping ");
        assertThat(ping.header("Strict-Transport-Security")).isNull();
    }

    @Test
    void forwardedHeadersComeFromTheBalancerOnly() throws IOException {
        Response r = get(null, https, Tls.sni(TestFleet.APP_DOMAIN), TestFleet.APP_DOMAIN, "/",
                Map.of("X-Forwarded-For", "6.6.6.6", "X-Forwarded-Proto", "gopher"));
        assertThat(r.body()).endsWith(" xff=[127.0.0.1] proto=[https]");
        Response p = get(InetAddress.getByName("127.0.0.10"), http, null, TestFleet.PING_DOMAIN, "/ping/x",
                Map.of("X-Forwarded-For", "6.6.6.6"));
        assertThat(p.body()).endsWith(" xff=[127.0.0.10] proto=[http]");
    }

    @Test
    void aMaintenanceFileDrainsAServerWithoutAFailedRequest() throws Exception {
        TestBackend app1 = backends.get(0);
        long nolbMillis;
        long servedAtNolb;
        LoadGenerator load = new LoadGenerator(client, https, http);
        try {
            awaitMore(load::requests, 200);
            long start = System.nanoTime();
            Files.writeString(app1.maintenanceFile, "deploying\n");
            long deadline = start + TimeUnit.SECONDS.toNanos(30);
            while (!(state("app", "app1").equals("NOLB") && state("ping", "app1").equals("NOLB"))) {
                assertThat(System.nanoTime()).as("app1 NOLB in both backends").isLessThan(deadline);
                Await.pause(Duration.ofMillis(10));
            }
            nolbMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
            servedAtNolb = load.served("main app1") + load.served("ping app1");
            awaitMore(load::requests, 300);
            long servedWhileNolb = load.served("main app1") + load.served("ping app1") - servedAtNolb;
            app1.stop();                       // what a deploy does next
            awaitMore(load::requests, 300);
            load.close();
            System.out.printf("FIGURE drain: maintenance file to NOLB %d ms (inter x fall = %d ms); %d requests, "
                            + "%d failed; app1 served %d while NOLB, before it stopped%n", nolbMillis,
                    INTER.toMillis() * FALL, load.requests(), load.failures(), servedWhileNolb);
            assertThat(load.failures()).as("failed requests: " + load.firstFailures()).isZero();
            assertThat(servedWhileNolb).as("new requests to a NOLB server").isLessThanOrEqualTo(2);
            assertThat(load.served("main app2") + load.served("main app3")).isPositive();
        } finally {
            load.close();
        }
    }

    @Test
    void reloadsKeepADrainedServerDrainedAndDropNothing() throws Exception {
        LoadGenerator load = new LoadGenerator(client, https, http);
        try {
            for (String backend : List.of("app", "ping")) {
                haproxy.api.setState(backend, "app2", "drain");
            }
            Await.until(Duration.ofSeconds(10), () -> state("app", "app2").equals("DRAIN"), () -> "app2 DRAIN");
            awaitMore(load::requests, 200);
            long drainedServed = load.served("main app2") + load.served("ping app2");
            int reloads = 3;
            for (int i = 0; i < reloads; i++) {
                haproxy.reload();
                assertThat(state("app", "app2")).as("after reload " + (i + 1)).isEqualTo("DRAIN");
                assertThat(state("ping", "app2")).as("after reload " + (i + 1)).isEqualTo("DRAIN");
                awaitMore(load::requests, 200);
            }
            load.close();
            System.out.printf("FIGURE reload: %d reloads under load, %d requests, %d failed; the drained server "
                            + "got %d new requests%n", reloads, load.requests(), load.failures(),
                    load.served("main app2") + load.served("ping app2") - drainedServed);
            assertThat(load.failures()).as("failed requests: " + load.firstFailures()).isZero();
            assertThat(load.served("main app2") + load.served("ping app2")).isEqualTo(drainedServed);
        } finally {
            load.close();
        }
    }

    @Test
    void curlNegotiatesHttp2() throws Exception {
        Path caPem = ca.writeCaPem(dir.resolve("ca.pem"));
        Process curl = new ProcessBuilder("curl", "--http2", "-sS", "--cacert", caPem.toString(), "--resolve",
                TestFleet.APP_DOMAIN + ":" + httpsPort + ":127.0.0.1", "-o", "/dev/null", "-w", "%{http_version}",
                "https://" + TestFleet.APP_DOMAIN + ":" + httpsPort + "/").redirectErrorStream(true).start();
        String out = new String(curl.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(curl.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(out).isEqualTo("2");
    }

    @Test
    void ecdsaCapableClientsGetTheEcdsaCertificateRsaOnlyClientsTheRsaOne() throws Exception {
        for (String name : List.of(TestFleet.APP_DOMAIN, TestFleet.PING_DOMAIN)) {
            X509Certificate modern = (X509Certificate) get(InetAddress.getByName("127.0.0.11"), https,
                    Tls.sni(name), name, "/", Map.of()).serverCertificate();
            assertThat(modern.getPublicKey().getAlgorithm()).as(name).isEqualTo("EC");
            assertThat(names(modern)).containsExactly(name);
            X509Certificate rsaOnly = (X509Certificate) get(InetAddress.getByName("127.0.0.11"), https,
                    new Tls(name, List.of("TLSv1.2"), List.of("TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256")), name, "/",
                    Map.of()).serverCertificate();
            assertThat(rsaOnly.getPublicKey().getAlgorithm()).as(name).isEqualTo("RSA");
            assertThat(names(rsaOnly)).containsExactly(name);
        }
        X509Certificate noSni = (X509Certificate) get(https, new Tls(null, null, null), TestFleet.APP_DOMAIN, "/")
                .serverCertificate();
        assertThat(noSni.getPublicKey().getAlgorithm()).as("without SNI: the first, RSA certificate").isEqualTo("RSA");
    }

    @Test
    void ipv6Answers() throws IOException {
        InetAddress v6 = InetAddress.getByName("::1");
        Response ping = get(v6, new InetSocketAddress(v6, httpPort), null, TestFleet.PING_DOMAIN, "/ping/x", Map.of());
        assertThat(ping.status()).isEqualTo(200);
        assertThat(ping.body()).startsWith("ping ").endsWith("xff=[::1] proto=[http]");
        Response app = get(v6, new InetSocketAddress(v6, httpsPort), Tls.sni(TestFleet.APP_DOMAIN),
                TestFleet.APP_DOMAIN, "/", Map.of());
        assertThat(app.status()).isEqualTo(200);
        assertThat(app.body()).startsWith("main ");
    }

    @Test
    void thePingRateLimitAnswers429PastItsLimit() throws IOException {
        InetAddress source = InetAddress.getByName("127.0.0.12");
        List<Integer> statuses = new ArrayList<>();
        for (int i = 0; i < RATE_LIMIT + 10; i++) {
            statuses.add(get(source, http, null, TestFleet.PING_DOMAIN, "/ping/x", Map.of()).status());
        }
        assertThat(statuses.subList(0, RATE_LIMIT)).containsOnly(200);
        assertThat(statuses.subList(RATE_LIMIT, RATE_LIMIT + 10)).containsOnly(429);
        assertThat(get(source, https, Tls.sni(TestFleet.PING_DOMAIN), TestFleet.PING_DOMAIN, "/ping/x", Map.of())
                .status()).as("the same table behind HTTPS").isEqualTo(429);
        assertThat(get(source, https, Tls.sni(TestFleet.APP_DOMAIN), TestFleet.APP_DOMAIN, "/ping/x", Map.of())
                .status()).as("pings on the app domain count too").isEqualTo(429);
        assertThat(get(source, https, Tls.sni(TestFleet.APP_DOMAIN), TestFleet.APP_DOMAIN, "/", Map.of()).status())
                .as("the rest of the app domain is not limited").isEqualTo(200);
        assertThat(get(InetAddress.getByName("127.0.0.13"), http, null, TestFleet.PING_DOMAIN, "/ping/x", Map.of())
                .status()).as("another source").isEqualTo(200);
    }

    private static List<String> names(X509Certificate c) throws java.security.cert.CertificateParsingException {
        return c.getSubjectAlternativeNames().stream().map(l -> String.valueOf(l.get(1))).toList();
    }

    private static String state(String backend, String server) {
        return haproxy.api.servers().stream().filter(s -> s.backend().equals(backend) && s.server().equals(server))
                .findFirst().orElseThrow().state();
    }

    private static void awaitMore(LongSupplier counter, long more) {
        long target = counter.getAsLong() + more;
        Await.until(Duration.ofSeconds(60), () -> counter.getAsLong() >= target, () -> more + " more requests");
    }
}
