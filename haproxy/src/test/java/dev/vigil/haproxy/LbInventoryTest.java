package dev.vigil.haproxy;

import dev.vigil.provisioning.inventory.Inventory;
import dev.vigil.provisioning.inventory.InventoryException;
import dev.vigil.provisioning.inventory.InventoryLoader;
import dev.vigil.provisioning.inventory.RoleSettings;
import dev.vigil.provisioning.inventory.RoleSettings.KeyType;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** {@code roles.lb} in the inventory: defaults, the settings read, and the errors that name host and field. */
class LbInventoryTest {

    @TempDir
    static Path dir;

    @BeforeAll
    static void certificates() {
        TestFleet.writeCertificates(dir, new TestCertificates());
    }

    private static Inventory parse(String yaml) {
        return InventoryLoader.parse(dir.resolve("ops.yaml"), yaml);
    }

    @Test
    void defaultsAreTheDocumentedOnes() {
        RoleSettings.Lb lb = TestFleet.inventory(dir, 1, 1).settings().lb();
        assertThat(lb.maxConnections()).isEqualTo(4096);
        assertThat(lb.serverMaxConnections()).isEqualTo(200);
        assertThat(lb.healthCheck()).isEqualTo(new RoleSettings.LbHealthCheck(Duration.ofSeconds(2), 3, 2,
                Duration.ofSeconds(10)));
        assertThat(lb.timeouts()).isEqualTo(new RoleSettings.LbTimeouts(Duration.ofSeconds(5),
                Duration.ofSeconds(30), Duration.ofSeconds(30), Duration.ofSeconds(10), Duration.ofSeconds(10),
                Duration.ofSeconds(10), Duration.ofSeconds(60)));
        assertThat(lb.pingRateLimit()).isEqualTo(new RoleSettings.LbRateLimit(100, Duration.ofSeconds(10)));
        assertThat(lb.certificates()).extracting(RoleSettings.LbCertificate::keyType)
                .containsExactly(KeyType.ECDSA, KeyType.RSA, KeyType.ECDSA, KeyType.RSA);
        assertThat(lb.certificates().get(3).names()).containsExactly(TestFleet.PING_DOMAIN);
    }

    @Test
    void settingsAreReadAndRendered() {
        Inventory inv = parse(TestFleet.yaml(1, 2, """
                max_connections: 20000
                server_max_connections: 50
                health_check: {inter: 500ms, fall: 2, rise: 4, slowstart: 1m}
                timeouts: {connect: 3s, client: 1m, server: 45s, http_request: 5s, http_keep_alive: 2s, queue: 20s,
                           hard_stop_after: 2h}
                ping_rate_limit: {requests: 30, period: 1m}
                """));
        String cfg = HaproxyConfigRenderer.render(HaproxyConfigs.forHost(inv, "lb1"));
        assertThat(cfg).contains("    maxconn 20000\n", "    hard-stop-after 2h\n", "    timeout connect 3s\n",
                "    timeout client 1m\n", "    timeout server 45s\n", "    timeout http-request 5s\n",
                "    timeout http-keep-alive 2s\n", "    timeout queue 20s\n", "    timeout check 500ms\n",
                "default-server check inter 500ms fall 2 rise 4 slowstart 1m maxconn 50\n",
                "expire 2m store http_req_rate(1m)\n", "{ sc_http_req_rate(0,ping_rate) gt 30 }\n");
    }

    @Test
    void aMissingCertificateFileIsAnErrorAtItsLine() {
        String yaml = TestFleet.yaml(1, 1, "").replace("certs/ping-rsa.pem", "certs/nope.pem");
        assertThatThrownBy(() -> parse(yaml)).isInstanceOf(InventoryException.class)
                .hasMessageContaining("ops.yaml:9:44: ")
                .hasMessageContaining("roles.lb.certificates[1].rsa: certificate file " + dir.resolve("certs/nope.pem")
                        + " does not exist");
    }

    @Test
    void aCertificateOfTheWrongKeyTypeIsAnError() {
        String yaml = TestFleet.yaml(1, 1, "").replace("rsa: certs/app-rsa.pem", "rsa: certs/app-ecdsa.pem");
        assertThatThrownBy(() -> parse(yaml)).isInstanceOf(InventoryException.class)
                .hasMessageContaining("roles.lb.certificates[0].rsa: ")
                .hasMessageContaining("holds an EC certificate, expected RSA");
    }

    @Test
    void aFileWithoutKeyOrCertificateIsAnError() throws IOException {
        Path certOnly = dir.resolve("certs/cert-only.pem");
        String full = Files.readString(dir.resolve("certs/app-rsa.pem"));
        Files.writeString(certOnly, full.substring(0, full.indexOf("-----BEGIN PRIVATE KEY")));
        Files.writeString(dir.resolve("certs/junk.pem"), "hello\n");
        assertThatThrownBy(() -> parse(TestFleet.yaml(1, 1, "").replace("certs/app-rsa.pem", "certs/cert-only.pem")))
                .hasMessageContaining("roles.lb.certificates[0].rsa: ").hasMessageContaining("holds no private key");
        assertThatThrownBy(() -> parse(TestFleet.yaml(1, 1, "").replace("certs/app-rsa.pem", "certs/junk.pem")))
                .hasMessageContaining("holds no PEM certificate");
    }

    @Test
    void anEntryNeedsBothKeyTypes() {
        String yaml = TestFleet.yaml(1, 1, "").replace(", rsa: certs/app-rsa.pem", "");
        assertThatThrownBy(() -> parse(yaml)).isInstanceOf(InventoryException.class)
                .hasMessageContaining("roles.lb.certificates[0]: missing \"rsa\"");
    }

    @Test
    void aDomainWithoutCertificateIsAnErrorNamingTheBalancerAndField() {
        Inventory inv = parse(TestFleet.yaml(2, 1, "")
                .replace("      - {ecdsa: certs/ping-ecdsa.pem, rsa: certs/ping-rsa.pem}\n", ""));
        assertThatThrownBy(() -> HaproxyConfigs.forHost(inv, "lb2")).isInstanceOf(LbConfigException.class)
                .hasMessage("lb2: roles.lb.certificates has no ECDSA certificate for hc-ping.example.com "
                        + "(domains.ping); each name needs an ECDSA and an RSA one");
    }

    @Test
    void badDurationsAndRangesNameTheField() {
        assertThatThrownBy(() -> parse(TestFleet.yaml(1, 1, "health_check: {inter: 2 seconds}")))
                .hasMessageContaining("roles.lb.health_check.inter: expected a duration like 500ms")
                .hasMessageContaining("not \"2 seconds\"");
        assertThatThrownBy(() -> parse(TestFleet.yaml(1, 1, "health_check: {fall: 0}")))
                .hasMessageContaining("roles.lb.health_check.fall: must be from 1 to 100, not 0");
        assertThatThrownBy(() -> parse(TestFleet.yaml(1, 1, "ping_rate_limit: {period: 0s}")))
                .hasMessageContaining("roles.lb.ping_rate_limit.period: must be more than zero");
        assertThatThrownBy(() -> parse(TestFleet.yaml(1, 1, "timeouts: {client_fin: 1s}")))
                .hasMessageContaining("roles.lb.timeouts.client_fin: unknown key");
    }

    @Test
    void onlyLoadBalancersWithDomainsAndAppServersGetAConfig() {
        Inventory inv = TestFleet.inventory(dir, 1, 1);
        assertThatThrownBy(() -> HaproxyConfigs.forHost(inv, "app1")).isInstanceOf(LbConfigException.class)
                .hasMessage("host app1 is not a load balancer (its roles: [app])");
        assertThatThrownBy(() -> HaproxyConfigs.forHost(inv, "lb9")).hasMessageContaining("no host named \"lb9\"");
        Inventory noApps = parse(TestFleet.yaml(1, 0, ""));
        assertThatThrownBy(() -> HaproxyConfigs.forHost(noApps, "lb1"))
                .hasMessage("lb1: no host has role app, so the load balancer would have no servers (hosts[].roles)");
        Inventory noPing = parse(TestFleet.yaml(1, 1, "").replace("  ping: hc-ping.example.com\n", ""));
        assertThatThrownBy(() -> HaproxyConfigs.forHost(noPing, "lb1"))
                .hasMessage("lb1: domains.ping is not set; the load balancers serve that name");
    }

    @Test
    void anInvalidConfigIsRefusedWithHaproxysWords() {
        HaproxyConfig c = HaproxyConfigs.forHost(TestFleet.inventory(dir, 1, 1), "lb1");
        HaproxyConfig broken = c.withServers(java.util.List.of(new HaproxyConfig.AppServer("bad name",
                c.servers().get(0).address(), 8080, 8081)));
        assertThatThrownBy(() -> HaproxyValidator.validated(broken)).isInstanceOf(InvalidHaproxyConfigException.class)
                .hasMessageContaining("haproxy -c refuses the configuration of lb1");
    }
}
