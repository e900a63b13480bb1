package dev.vigil.ops.lb;

import dev.vigil.haproxy.TestCertificates;
import dev.vigil.haproxy.TestFleet;
import dev.vigil.ops.OpsInProcess;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code ops lb render}: the golden configuration on stdout, and errors as one line with the right status. */
class LbCommandTest {

    private final OpsInProcess ops = new OpsInProcess();

    @TempDir
    static Path dir;

    @BeforeAll
    static void certificates() {
        TestFleet.writeCertificates(dir, new TestCertificates());
    }

    private static Path inventory(String text) throws Exception {
        return Files.writeString(dir.resolve("ops.yaml"), text);
    }

    @Test
    void renderPrintsTheCheckedConfiguration() throws Exception {
        Path inv = inventory(TestFleet.yaml(2, 3, ""));
        assertThat(ops.run("lb", "render", "lb1", "--inventory", inv.toString())).isZero();
        try (InputStream golden = getClass().getResourceAsStream("/golden/lb2-app3/lb1.cfg")) {
            assertThat(ops.out()).isEqualTo(new String(golden.readAllBytes(), StandardCharsets.UTF_8));
        }
        assertThat(ops.run("lb", "--help")).isZero();
        assertThat(ops.out()).contains("render", "docs/load-balancers.md");
    }

    @Test
    void certsListsTheFilesSoonestFirstAndFailsUnderFourteenDays() throws Exception {
        Path inv = inventory(TestFleet.yaml(1, 1, ""));
        assertThat(ops.run("lb", "certs", "--files", "--inventory", inv.toString())).as("certificates valid for a day")
                .isEqualTo(1);
        assertThat(ops.out()).startsWith("FILE ").contains("KEY", "NAMES", "EXPIRES", "DAYS LEFT")
                .containsPattern("certs/app-rsa.pem +rsa +vigil.example.com +20\\d\\d-\\d\\d-\\d\\dT[0-9:]+Z +0\n")
                .containsPattern("certs/ping-ecdsa.pem +ecdsa +hc-ping.example.com ");
        Path later = dir.resolve("later");
        TestCertificates ca = new TestCertificates();
        TestFleet.writeCertificates(later, ca);
        for (var t : dev.vigil.provisioning.inventory.RoleSettings.KeyType.values()) {
            ca.write(later.resolve("certs/app-" + t.id() + ".pem"), t, java.time.Duration.ofDays(90),
                    TestFleet.APP_DOMAIN);
            ca.write(later.resolve("certs/ping-" + t.id() + ".pem"), t, java.time.Duration.ofDays(60),
                    TestFleet.PING_DOMAIN);
        }
        Path fresh = Files.writeString(later.resolve("ops.yaml"), TestFleet.yaml(1, 1, ""));
        assertThat(ops.run("lb", "certs", "--files", "--inventory", fresh.toString())).isZero();
        String out = ops.out();
        assertThat(out.indexOf("certs/ping-")).as("soonest first").isLessThan(out.indexOf("certs/app-"));
        assertThat(out).containsPattern("certs/app-ecdsa.pem +ecdsa +vigil.example.com +\\S+ +89\n");
    }

    @Test
    void renewLocalReadsTheBalancersInstalledPlanAndNeedsNoInventory() throws Exception {
        Path later = Files.createDirectories(dir.resolve("local"));
        TestCertificates ca = new TestCertificates();
        Path fresh = ca.write(later.resolve("fresh.pem"), dev.vigil.provisioning.inventory.RoleSettings.KeyType.RSA,
                java.time.Duration.ofDays(90), TestFleet.APP_DOMAIN);
        Path plan = Files.writeString(later.resolve("lb-renew.plan"), """
                host lb1
                directory https://acme.example.net/directory
                renew-days 30
                served-at 127.0.0.1 443
                admin-socket /run/haproxy/admin.sock
                state-file /var/lib/haproxy/server-state
                challenge-map /etc/haproxy/acme-challenges.map
                certificate ecdsa %s vigil.example.com
                certificate rsa %s vigil.example.com
                """.formatted(dir.resolve("certs/app-ecdsa.pem"), fresh));
        assertThat(ops.run("lb", "renew", "--local", "--dry-run", "--from", plan.toString())).isZero();
        assertThat(ops.out()).contains(fresh + ": expires ", ", not due\n", "would renew "
                + dir.resolve("certs/app-ecdsa.pem") + " (ecdsa, vigil.example.com) from https://acme.example.net/directory")
                .doesNotContain("would renew " + fresh);
        assertThat(ops.run("lb", "renew", "--local", "--from", later.resolve("absent.plan").toString())).isNotZero();
        assertThat(ops.err()).contains("absent.plan on this host: 'ops lb apply' installs it");
        Files.writeString(plan, "host lb1\nreload now\n");
        assertThat(ops.run("lb", "renew", "--local", "--dry-run", "--from", plan.toString())).isNotZero();
        assertThat(ops.err()).contains("lb-renew.plan: line 2: unknown line kind \"reload\"");
    }

    @Test
    void aHostThatIsNoBalancerIsAFailureNamingIt() throws Exception {
        Path inv = inventory(TestFleet.yaml(1, 1, ""));
        assertThat(ops.run("lb", "render", "app1", "--inventory", inv.toString())).isEqualTo(1);
        assertThat(ops.err()).isEqualTo("error: host app1 is not a load balancer (its roles: [app])\n");
        assertThat(ops.out()).isEmpty();
    }

    @Test
    void drainReadyAndApplyRefuseWrongHostsBeforeAnyConnection() throws Exception {
        Path inv = inventory(TestFleet.yaml(2, 2, ""));
        assertThat(ops.run("lb", "drain", "lb1", "--inventory", inv.toString())).isEqualTo(2);
        assertThat(ops.err()).startsWith("error: host lb1 is not an app server (its roles: [lb]); drain and ready "
                + "take an app server");
        assertThat(ops.run("lb", "ready", "app9", "--dry-run", "--inventory", inv.toString())).isEqualTo(2);
        assertThat(ops.err()).startsWith("error: no host named \"app9\" in ");
        assertThat(ops.run("lb", "apply", "--hosts", "app1", "--dry-run", "--inventory", inv.toString()))
                .isEqualTo(2);
        assertThat(ops.err()).startsWith("error: no load balancer (role lb) among the selected hosts [app1]");
        assertThat(ops.run("lb", "drain", "app1", "--timeout", "soon", "--inventory", inv.toString())).isEqualTo(2);
        assertThat(ops.err()).startsWith("error: Invalid value for option '--timeout'");
        assertThat(ops.run("lb", "--help")).isZero();
        assertThat(ops.out()).contains("apply", "status", "drain", "ready");
    }

    @Test
    void applyOfAnInventoryWithoutCertificatesTouchesNoServer() throws Exception {
        Path inv = inventory(TestFleet.yaml(1, 1, "").replaceAll("(?s)    certificates:.*?hosts:", "hosts:"));
        assertThat(ops.run("lb", "apply", "--inventory", inv.toString())).isEqualTo(2);
        assertThat(ops.err()).startsWith("error: lb1: roles.lb.certificates has no ECDSA certificate for ");
        assertThat(ops.run("provision", "--hosts", "lb1", "--dry-run", "--inventory", inv.toString())).isEqualTo(2);
        assertThat(ops.err()).startsWith("error: lb1: roles.lb.certificates has no ECDSA certificate for ");
    }

    @Test
    void aMissingCertificateIsAnInventoryError() throws Exception {
        Path inv = inventory(TestFleet.yaml(1, 1, "").replace("certs/app-ecdsa.pem", "certs/gone.pem"));
        assertThat(ops.run("lb", "render", "lb1", "--inventory", inv.toString())).isEqualTo(2);
        assertThat(ops.err()).startsWith("error: " + inv + ":8:17: roles.lb.certificates[0].ecdsa: certificate file ")
                .contains("gone.pem does not exist");
    }
}
