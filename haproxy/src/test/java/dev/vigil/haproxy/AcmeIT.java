package dev.vigil.haproxy;

import dev.vigil.provisioning.inventory.Inventory;
import dev.vigil.provisioning.inventory.InventoryLoader;
import dev.vigil.provisioning.inventory.RoleSettings.KeyType;
import dev.vigil.provisioning.inventory.RoleSettings.LbCertificate;
import dev.vigil.testsupport.Await;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import java.io.IOException;
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
    private static TestBackend backend;
    private static URI directory;

    @BeforeAll
    static void start() throws Exception {
        TestCertificates ca = new TestCertificates();
        TestFleet.writeCertificates(dir, ca);
        backend = new TestBackend("app1", dir.resolve("maintenance"));
        Inventory inventory = InventoryLoader.parse(dir.resolve("ops.yaml"), TestFleet.yaml(1, 1, ""));
        haproxy = HaproxyProcess.start(dir, "lb1", inventory, List.of(backend));

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
}
