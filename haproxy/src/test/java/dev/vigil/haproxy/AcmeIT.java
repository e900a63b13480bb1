package dev.vigil.haproxy;

import dev.vigil.provisioning.inventory.Inventory;
import dev.vigil.provisioning.inventory.InventoryLoader;
import dev.vigil.provisioning.inventory.RoleSettings.KeyType;
import dev.vigil.provisioning.inventory.RoleSettings.LbAcme;
import dev.vigil.provisioning.inventory.RoleSettings.LbCertificate;
import dev.vigil.testsupport.Await;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * ACME issuance against Debian's pebble test CA on loopback, HTTP-01 answered by a real HAProxy running the
 * rendered configuration: pebble resolves the app domain through pebble-challtestsrv's DNS to 127.0.0.1 (and
 * ::1) and fetches the token from HAProxy's HTTP port, where only the runtime API put it.
 */
class AcmeIT {

    @TempDir
    static Path dir;
    private static final List<Process> processes = new ArrayList<>();
    private static HaproxyProcess haproxy;
    /** lb1's neighbour: each relays the ACME tokens it does not hold to the other. */
    private static HaproxyProcess lb2;
    private static TestBackend backend;
    private static URI directory;

    @BeforeAll
    static void start() throws Exception {
        TestCertificates ca = new TestCertificates();
        TestFleet.writeCertificates(dir, ca);
        backend = new TestBackend("app1", dir.resolve("maintenance"));
        Inventory inventory = InventoryLoader.parse(dir.resolve("ops.yaml"), TestFleet.yaml(2, 1, ""));
        int[] ports = {Ports.free(), Ports.free(), Ports.free(), Ports.free()};
        haproxy = HaproxyProcess.start(dir, "lb1", inventory, List.of(backend), ports[0], ports[1],
                Optional.of(ports[2]));
        lb2 = HaproxyProcess.start(dir, "lb2", inventory, List.of(backend), ports[2], ports[3],
                Optional.of(ports[0]));

        int dns = Ports.free();
        int acme = Ports.free();
        processes.add(start("challtestsrv", List.of("pebble-challtestsrv", "-dns01", "127.0.0.1:" + dns,
                "-http01", "", "-https01", "", "-tlsalpn01", "", "-management", "127.0.0.1:" + Ports.free()),
                Map.of()));
        Path tls = ca.write(dir.resolve("pebble-tls.pem"), KeyType.ECDSA, "localhost");
        Path config = Files.writeString(dir.resolve("pebble.json"), """
                {"pebble": {"listenAddress": "127.0.0.1:%d", "managementListenAddress": "127.0.0.1:%d",
                  "certificate": "%s", "privateKey": "%s", "httpPort": %d, "tlsPort": %d,
                  "ocspResponderURL": "", "externalAccountBindingRequired": false}}
                """.formatted(acme, Ports.free(), tls, tls, haproxy.httpPort, Ports.free()));
        processes.add(start("pebble", List.of("pebble", "-config", config.toString(), "-dnsserver",
                "127.0.0.1:" + dns), Map.of("PEBBLE_VA_NOSLEEP", "1", "PEBBLE_WFE_NONCEREJECT", "0")));
        Await.until(Duration.ofSeconds(20), () -> accepts(acme), () -> "pebble listening on " + acme);

        // acme4j talks to the CA with the JDK's HTTP client: trust the test CA that signed pebble's certificate
        TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        tmf.init(ca.trustStore());
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(null, tmf.getTrustManagers(), null);
        SSLContext.setDefault(context);
        directory = URI.create("https://localhost:" + acme + "/dir");
    }

    private static Process start(String name, List<String> command, Map<String, String> env) throws IOException {
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(dir.resolve(name + ".log").toFile());
        pb.environment().putAll(env);
        return pb.start();
    }

    private static boolean accepts(int port) {
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress("127.0.0.1", port), 200);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    @AfterAll
    static void stop() throws InterruptedException {
        for (Process p : processes) {
            p.destroy();
            if (!p.waitFor(10, TimeUnit.SECONDS)) {
                p.destroyForcibly();
            }
        }
        if (haproxy != null) {
            haproxy.close();
        }
        if (lb2 != null) {
            lb2.close();
        }
        if (backend != null) {
            backend.close();
        }
    }

    @Test
    void issuesAnEcdsaAndAnRsaCertificateThroughHaproxy() throws Exception {
        AcmeIssuer issuer = new AcmeIssuer(directory, AcmeIssuer.newKey(KeyType.ECDSA), List.of(haproxy.api),
                haproxy.challengeMap, Duration.ofSeconds(60));
        Path issued = Files.createDirectories(dir.resolve("issued/certs"));
        for (KeyType type : KeyType.values()) {
            String pem = issuer.issue(List.of(TestFleet.APP_DOMAIN), type);
            Files.writeString(issued.resolve("app-" + type.id() + ".pem"), pem);
        }
        assertThat(haproxy.api.command("show map " + haproxy.challengeMap).strip())
                .as("tokens are taken out again").isEmpty();
        for (KeyType t : KeyType.values()) {      // the ping domain keeps the test CA's files
            Files.copy(dir.resolve("certs/ping-" + t.id() + ".pem"), issued.resolve("ping-" + t.id() + ".pem"));
        }
        Inventory withIssued = InventoryLoader.parse(issued.getParent().resolve("ops.yaml"),
                TestFleet.yaml(1, 1, ""));
        List<LbCertificate> app = withIssued.settings().lb().certificates().stream()
                .filter(c -> c.covers(TestFleet.APP_DOMAIN)).toList();
        assertThat(app).extracting(LbCertificate::keyType).containsExactly(KeyType.ECDSA, KeyType.RSA);
        assertThat(app).allSatisfy(c -> {
            assertThat(c.names()).containsExactly(TestFleet.APP_DOMAIN);
            assertThat(c.notAfter()).isAfter(Instant.now().plus(Duration.ofDays(30)));
            assertThat(AcmeIssuer.dueForRenewal(c.notAfter(), Instant.now())).isFalse();
            assertThat(AcmeIssuer.dueForRenewal(c.notAfter(), c.notAfter().minus(Duration.ofDays(29)))).isTrue();
        });
        String text = HaproxyValidator.validated(HaproxyConfigs.forHost(withIssued, "lb1"));
        assertThat(text).contains("crt vigil.example.com.ecdsa.pem");
    }

    @Test
    void surveysWhatHaproxyServesThenRenewsTheDueFilesAndHaproxyServesTheNewOnes() throws Exception {
        Map<String, InetSocketAddress> lb = Map.of("lb1", new InetSocketAddress("127.0.0.1", haproxy.httpsPort));
        List<String> names = List.of(TestFleet.APP_DOMAIN, TestFleet.PING_DOMAIN);
        Instant now = Instant.now();
        CertificateSurvey.Report before = CertificateSurvey.survey(lb, names, now, Duration.ofDays(14));
        assertThat(before.rows()).hasSize(4).allSatisfy(r -> {
            assertThat(r.problem()).as("%s %s", r.name(), r.type()).isEmpty();
            assertThat(r.notAfter().orElseThrow()).isBefore(now.plus(Duration.ofDays(2)));
        });
        assertThat(before.rows()).extracting(CertificateSurvey.Row::type)
                .containsExactly(KeyType.ECDSA, KeyType.RSA, KeyType.ECDSA, KeyType.RSA);
        assertThat(before.ok()).as("the test CA's certificates have a day left").isFalse();
        assertThat(before.table()).contains("less than 14 days left");
        CertificateSurvey.Row other = CertificateSurvey.survey(lb, List.of("other.example.org"), now, Duration.ZERO)
                .rows().get(0);
        assertThat(other.problem()).as("strict-sni: no certificate for a name the balancer does not serve")
                .hasValueSatisfying(p -> assertThat(p).contains("handshake_failure"));
        CertificateSurvey.Row closed = CertificateSurvey.survey(Map.of("gone", new InetSocketAddress("127.0.0.1",
                Ports.free())), List.of(TestFleet.APP_DOMAIN), now, Duration.ZERO).rows().get(0);
        assertThat(closed.problem()).hasValueSatisfying(p -> assertThat(p).startsWith("no TLS handshake with"));

        Inventory inventory = InventoryLoader.parse(dir.resolve("ops.yaml"), TestFleet.yaml(1, 1, ""));
        assertThat(CertificateRenewal.due(inventory.settings().lb().certificates(), now)).hasSize(4);
        List<String> progress = new ArrayList<>();
        Path keyFile = dir.resolve("acme-account.pem");
        java.security.KeyPair account = CertificateRenewal.accountKey(keyFile, progress::add);
        assertThat(java.nio.file.attribute.PosixFilePermissions.toString(Files.getPosixFilePermissions(keyFile)))
                .isEqualTo("rw-------");
        assertThat(CertificateRenewal.accountKey(keyFile, progress::add).getPublic()).as("read back, not remade")
                .isEqualTo(account.getPublic());
        AcmeIssuer issuer = new AcmeIssuer(directory, java.util.Optional.of("ops@vigil.test"), account,
                List.of(haproxy.api), haproxy.challengeMap, Duration.ofSeconds(60));
        List<LbCertificate> app = inventory.settings().lb().certificates().stream()
                .filter(c -> c.covers(TestFleet.APP_DOMAIN)).toList();
        assertThat(CertificateRenewal.renew(app, issuer, progress::add)).hasSize(2);
        assertThat(progress).anySatisfy(l -> assertThat(l).startsWith("ordering a ecdsa certificate for "
                + TestFleet.APP_DOMAIN));

        Inventory renewed = InventoryLoader.parse(dir.resolve("ops.yaml"), TestFleet.yaml(1, 1, ""));
        assertThat(CertificateRenewal.due(renewed.settings().lb().certificates(), Instant.now()))
                .as("only the ping domain's files are left to renew")
                .allSatisfy(c -> assertThat(c.names()).containsExactly(TestFleet.PING_DOMAIN)).hasSize(2);
        for (LbCertificate c : renewed.settings().lb().certificates()) {
            Files.copy(c.file(), dir.resolve("lb1/certs").resolve(HaproxyConfig.fileName(c)),
                    java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        }
        haproxy.reload();
        CertificateSurvey.Report after = CertificateSurvey.survey(lb, List.of(TestFleet.APP_DOMAIN), Instant.now(),
                Duration.ofDays(14));
        assertThat(after.ok()).as(after.table()).isTrue();
        assertThat(after.rows()).hasSize(2).allSatisfy(r -> assertThat(r.notAfter().orElseThrow())
                .isAfter(Instant.now().plus(Duration.ofDays(30))));
    }

    /**
     * {@code ops lb renew --local} on lb2: its tokens go only into its own map, pebble asks lb1 (the address its
     * DNS gives), and lb1 relays to lb2. Then lb2 serves new certificates, and a second run has nothing to do.
     */
    @Test
    void aBalancerRenewsItsOwnFilesWhileTheCaAsksTheOtherOneThroughTheRelay() throws Exception {
        String path = "/.well-known/acme-challenge/";
        lb2.api.addMapEntry(lb2.challengeMap, "held-by-lb2", "held-by-lb2.thumbprint");
        try {
            assertThat(get(haproxy.httpPort, path + "held-by-lb2", Map.of())).isEqualTo("200 held-by-lb2.thumbprint");
            assertThat(get(haproxy.httpPort, path + "held-by-lb2", Map.of("X-Vigil-Acme-Hops", "1")))
                    .as("already relayed once: in a ring of two it goes no further").startsWith("404 no such ACME");
            assertThat(get(haproxy.httpPort, path + "held-by-lb2", Map.of("X-Vigil-Acme-Hops", "-1000")))
                    .as("a client's count only shortens the trip").startsWith("404 ");
            assertThat(get(lb2.httpPort, path + "held-by-lb2", Map.of("X-Vigil-Acme-Hops", "1")))
                    .as("the balancer holding it answers whatever the count").isEqualTo("200 held-by-lb2.thumbprint");
            assertThat(get(lb2.httpPort, path + "nobody-has-it", Map.of()))
                    .as("lb2 -> lb1, then 404 at lb1").startsWith("404 no such ACME challenge token on any balancer");
        } finally {
            lb2.api.deleteMapEntry(lb2.challengeMap, "held-by-lb2");
        }

        RenewalPlan plan = RenewalPlan.of(lb2.model, new LbAcme(directory, Optional.of("ops@vigil.test")));
        LocalRenewal.Balancer self = new LocalRenewal.Balancer() {
            @Override
            public LoadBalancer runtime() {
                return lb2.api;
            }

            @Override
            public void check() {
                lb2.check();
            }

            @Override
            public void reload() {
                lb2.reload();
            }
        };
        java.security.KeyPair account = CertificateRenewal.accountKey(dir.resolve("lb2-account.pem"), line -> { });
        StringWriter log = new StringWriter();
        boolean ok = LocalRenewal.run(plan, account, self, Instant.now(), Duration.ofSeconds(60), new PrintWriter(log));
        assertThat(ok).as(log.toString()).isTrue();
        assertThat(log.toString()).contains("vigil.example.com.ecdsa.pem: expires ", ", due\n",
                "ordering a rsa certificate for " + TestFleet.PING_DOMAIN, "reloaded HAProxy");
        assertThat(haproxy.api.command("show map " + haproxy.challengeMap).strip()).as("lb1 never held a token")
                .isEmpty();
        assertThat(lb2.api.command("show map " + lb2.challengeMap).strip()).isEmpty();
        CertificateSurvey.Report served = CertificateSurvey.survey(Map.of("lb2", plan.served()),
                List.of(TestFleet.APP_DOMAIN, TestFleet.PING_DOMAIN), Instant.now(), Duration.ofDays(30));
        assertThat(served.ok()).as(served.table()).isTrue();
        assertThat(served.rows()).hasSize(4);

        StringWriter again = new StringWriter();
        assertThat(LocalRenewal.run(plan, account, self, Instant.now(), Duration.ofSeconds(60),
                new PrintWriter(again))).isTrue();
        assertThat(again.toString()).contains("not due").contains("no certificate is due").doesNotContain("ordering");

        // a file newer than what is served (a reload that never happened): the next run reloads and checks
        Path appEcdsa = Path.of(plan.certificates().get(0).file());
        Path appRsa = Path.of(plan.certificates().get(1).file());
        assertThat(appEcdsa.getFileName().toString()).isEqualTo("vigil.example.com.ecdsa.pem");
        TestCertificates ca = new TestCertificates();
        ca.write(appEcdsa, KeyType.ECDSA, Duration.ofDays(3650), TestFleet.APP_DOMAIN);
        Instant written = CertificateFile.notAfter(Files.readString(appEcdsa)).orElseThrow();
        StringWriter stale = new StringWriter();
        assertThat(LocalRenewal.run(plan, account, self, Instant.now(), Duration.ofSeconds(60),
                new PrintWriter(stale))).as(stale.toString()).isTrue();
        assertThat(stale.toString()).contains(appEcdsa + " is newer than what HAProxy serves", "reloaded HAProxy")
                .doesNotContain("ordering");
        assertThat(CertificateSurvey.survey(Map.of("lb2", plan.served()), List.of(TestFleet.APP_DOMAIN), Instant.now(),
                Duration.ZERO).rows().get(0).notAfter().orElseThrow()).isEqualTo(written);

        // new files the configuration refuses: the old ones come back and HAProxy is not reloaded
        String due = Files.readString(ca.write(appRsa, KeyType.RSA, TestFleet.APP_DOMAIN)); // a day left: due
        long worker = lb2.api.workerPid();
        LocalRenewal.Balancer refusing = new LocalRenewal.Balancer() {
            @Override
            public LoadBalancer runtime() {
                return lb2.api;
            }

            @Override
            public void check() {
                throw new IllegalStateException("haproxy -c: unable to load certificate (made up by the test)");
            }

            @Override
            public void reload() {
                throw new AssertionError("no reload after a refused check");
            }
        };
        StringWriter refused = new StringWriter();
        assertThat(LocalRenewal.run(plan, account, refusing, Instant.now(), Duration.ofSeconds(60),
                new PrintWriter(refused))).isFalse();
        assertThat(refused.toString()).contains("ordering a rsa certificate for " + TestFleet.APP_DOMAIN,
                "the previous files are back and HAProxy was not reloaded");
        assertThat(Files.readString(appRsa)).isEqualTo(due);
        assertThat(lb2.api.workerPid()).isEqualTo(worker);
    }

    private static String get(int port, String path, Map<String, String> headers) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .timeout(Duration.ofSeconds(10));
        headers.forEach(b::header);
        HttpResponse<String> r = HttpClient.newHttpClient().send(b.build(), HttpResponse.BodyHandlers.ofString());
        return r.statusCode() + " " + r.body();
    }
}
