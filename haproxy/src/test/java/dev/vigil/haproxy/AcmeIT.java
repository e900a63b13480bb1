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
}
