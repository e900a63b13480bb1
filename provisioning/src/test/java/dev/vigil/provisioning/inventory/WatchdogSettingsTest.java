package dev.vigil.provisioning.inventory;

import org.junit.jupiter.api.Test;

import java.net.URI;
import java.nio.file.Path;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The {@code roles.watchdog} section of the inventory. */
class WatchdogSettingsTest {

    private static final Path FILE = Path.of("/srv/fleet/ops.yaml");

    private static RoleSettings.Watchdog watchdog(String section) {
        String text = "roles:\n  watchdog:\n" + section.indent(4) + "hosts:\n  - {name: w1, ipv4: 203.0.113.5, "
                + "roles: [watchdog]}\n";
        return InventoryLoader.parse(FILE, text).settings().watchdog();
    }

    private static void assertProblem(String section, String... fragments) {
        assertThatThrownBy(() -> watchdog(section)).isInstanceOf(InventoryException.class)
                .hasMessageContainingAll(fragments);
    }

    @Test
    void defaultsFollowTheDocumentation() {
        RoleSettings.Watchdog w = InventoryLoader.parse(FILE, "hosts:\n  - {name: w1, ipv4: 203.0.113.5}\n")
                .settings().watchdog();
        assertThat(w).isEqualTo(new RoleSettings.Watchdog(10, 3, 5, "/health", 443, 5, Optional.empty(), 60,
                Optional.empty(), Optional.empty(), Optional.empty()));
    }

    @Test
    void readsAnRfc2136Setup() {
        RoleSettings.Watchdog w = watchdog("""
                interval_seconds: 15
                fail_after: 2
                recover_after: 4
                probe_path: /health?from=watchdog
                probe_port: 8443
                probe_timeout_seconds: 3
                probe_ca_file: certs/ca.pem
                ttl_seconds: 30
                heartbeat_url: https://vigil.example.com/ping/5bf2
                webhook_url: https://chat.example.com/hooks/abc
                dns:
                  kind: rfc2136
                  server: 192.0.2.53
                  zone: example.com
                  tsig_key_name: vigil-watchdog
                """);
        assertThat(w).isEqualTo(new RoleSettings.Watchdog(15, 2, 4, "/health?from=watchdog", 8443, 3,
                Optional.of(Path.of("/srv/fleet/certs/ca.pem")), 30,
                Optional.of(URI.create("https://vigil.example.com/ping/5bf2")),
                Optional.of(URI.create("https://chat.example.com/hooks/abc")),
                Optional.of(new RoleSettings.Rfc2136("192.0.2.53", 53, "example.com", "vigil-watchdog",
                        "hmac-sha256"))));
    }

    @Test
    void readsACloudflareSetup() {
        assertThat(watchdog("dns: {kind: cloudflare, zone_id: 023e105f4ecef8ad9ca31a8372d0c353}").dns())
                .contains(new RoleSettings.Cloudflare("023e105f4ecef8ad9ca31a8372d0c353",
                        URI.create("https://api.cloudflare.com/client/v4")));
    }

    @Test
    void mistakesAreNamedWithTheirPlace() {
        assertProblem("dns: {kind: route53}", "roles.watchdog.dns.kind: unknown DNS provider \"route53\"; kinds are "
                + "rfc2136, cloudflare");
        assertProblem("dns: {kind: cloudflare, zone_id: 023e105f4ecef8ad9ca31a8372d0c353, zone: example.com}",
                "roles.watchdog.dns.zone: not a setting of kind cloudflare; allowed: api_url, kind, zone_id");
        assertProblem("dns: {kind: cloudflare, zone_id: example.com}", "a Cloudflare zone id is 32 lower-case hex");
        assertProblem("dns: {kind: rfc2136, server: 192.0.2.53, zone: example.com}",
                "roles.watchdog.dns: missing required key \"tsig_key_name\"");
        assertProblem("dns: {kind: rfc2136, server: 192.0.2.53, zone: example.com, tsig_key_name: k, "
                + "tsig_algorithm: hmac-md5}", "unknown TSIG algorithm \"hmac-md5\"");
        assertProblem("dns: {kind: rfc2136, server: 192.0.2.53, zone: example.com, tsig_key_name: k, "
                + "tsig_secret: abc}", "roles.watchdog.dns.tsig_secret: unknown key \"tsig_secret\"");
        assertProblem("heartbeat_url: vigil.example.com/ping/x", "roles.watchdog.heartbeat_url: expected an "
                + "http(s) URL");
        assertProblem("probe_path: health", "roles.watchdog.probe_path: must start with /");
        assertProblem("fail_after: 0", "roles.watchdog.fail_after: must be from 1 to 100, not 0");
    }
}
