package dev.vigil.watchdog.probe;

import dev.vigil.watchdog.ProbeResult;
import dev.vigil.watchdog.Target;
import dev.vigil.watchdog.fixture.LoadBalancerLab;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;

import static dev.vigil.watchdog.fixture.LoadBalancerLab.APP;
import static dev.vigil.watchdog.fixture.LoadBalancerLab.LB1;
import static dev.vigil.watchdog.fixture.LoadBalancerLab.LB2;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The probe against real HAProxy with TLS: what counts as healthy, and how each failure reads. */
class HttpsProbeIT {

    @TempDir
    static Path dir;
    private static LoadBalancerLab lab;

    @BeforeAll
    static void startLab() {
        lab = new LoadBalancerLab(dir);
    }

    @AfterAll
    static void stopLab() {
        lab.close();
    }

    @AfterEach
    void restore() {
        lab.restoreServers();
    }

    private HttpsProbe probe(String host) {
        return new HttpsProbe(host, lab.port(), "/health", Duration.ofSeconds(5), TrustStores.fromPem(lab.caPem()));
    }

    private static Target target(String address) {
        return new Target("lb", LoadBalancerLab.address(address));
    }

    @Test
    void aHealthyBalancerAnswers200ThroughEachAddress() {
        for (String lb : new String[] {LB1, LB2}) {
            ProbeResult r = probe(APP).probe(target(lb));
            assertThat(r.healthy()).as(r.evidence()).isTrue();
            assertThat(r.evidence()).startsWith("HTTP 200 in ");
        }
    }

    @Test
    void theAppsStatusIsTheVerdict() {
        lab.backend().answer(503);
        ProbeResult r = probe(APP).probe(target(LB1));
        assertThat(r.healthy()).isFalse();
        assertThat(r.evidence()).startsWith("HTTP 503 in ");
    }

    @Test
    void aStoppedBalancerIsARefusedConnection() {
        lab.lb1().stop();
        ProbeResult r = probe(APP).probe(target(LB1));
        assertThat(r.healthy()).isFalse();
        assertThat(r.evidence()).startsWith("ConnectException: Connection refused");
    }

    @Test
    void theCertificateMustNameTheHost() {
        ProbeResult r = probe("other.example.test").probe(target(LB1));
        assertThat(r.healthy()).isFalse();
        // the message once, not again as its cause's
        assertThat(r.evidence()).matches("SSLHandshakeException: No subject alternative DNS name matching "
                + "other\\.example\\.test found\\. in \\d+ ms");
    }

    @Test
    void theCertificateMustComeFromATrustedCa() {
        HttpsProbe systemTrust = new HttpsProbe(APP, lab.port(), "/health", Duration.ofSeconds(5),
                TrustStores.system());
        ProbeResult r = systemTrust.probe(target(LB1));
        assertThat(r.healthy()).isFalse();
        assertThat(r.evidence()).matches("SSLHandshakeException: PKIX path building failed: "
                + "sun\\.security\\.provider\\.certpath\\.SunCertPathBuilderException: unable to find valid "
                + "certification path to requested target in \\d+ ms");
    }

    @Test
    void aServerThatNeverAnswersTimesOut() throws IOException {
        InetAddress lb2 = LoadBalancerLab.address(LB2);
        lab.lb2().stop();
        CountDownLatch testOver = new CountDownLatch(1);
        try (ServerSocket silent = new ServerSocket(lab.port(), 1, lb2)) {
            Thread acceptor = new Thread(() -> {
                try (Socket s = silent.accept()) {
                    testOver.await(); // accepts and never answers
                } catch (IOException | InterruptedException e) {
                    // the test is over
                }
            });
            acceptor.start();
            HttpsProbe quick = new HttpsProbe(APP, lab.port(), "/health", Duration.ofMillis(500),
                    TrustStores.fromPem(lab.caPem()));
            ProbeResult r = quick.probe(target(LB2));
            assertThat(r.healthy()).isFalse();
            assertThat(r.evidence()).startsWith("timed out after 500 ms");
            assertThat(r.latency()).isLessThan(Duration.ofSeconds(2));
            testOver.countDown();
        }
    }

    @Test
    void badSettingsAreRejectedUpFront() throws IOException {
        assertThatThrownBy(() -> new HttpsProbe(APP, 443, "health", Duration.ofSeconds(1), TrustStores.system()))
                .hasMessage("the probe path must start with / and contain no spaces or control characters: "
                        + "\"health\"");
        Path empty = Files.writeString(dir.resolve("empty.pem"), "");
        assertThatThrownBy(() -> TrustStores.fromPem(empty)).hasMessage("no certificate in " + empty);
        assertThatThrownBy(() -> TrustStores.fromPem(dir.resolve("missing.pem")))
                .hasMessageStartingWith("cannot read CA file " + dir.resolve("missing.pem"));
    }
}
