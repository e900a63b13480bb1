package dev.vigil.ops.watchdog;

import dev.vigil.provisioning.inventory.InventoryLoader;
import dev.vigil.watchdog.Target;
import dev.vigil.watchdog.WatchdogConfig;
import dev.vigil.watchdog.dns.cloudflare.CloudflareRecords;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** How the inventory turns into the watchdog's settings. */
class WatchdogSetupTest {

    private static WatchdogSetup setup(String text) {
        return new WatchdogSetup(InventoryLoader.parse(Path.of("/etc/vigil/ops.yaml"), text));
    }

    @Test
    void everyAddressOfEveryLbHostIsATargetAndBothDomainsAreManaged() {
        WatchdogConfig config = setup("""
                domains: {app: vigil.example.com, ping: hc-ping.example.com}
                roles:
                  watchdog: {interval_seconds: 15, fail_after: 2, recover_after: 4, ttl_seconds: 30}
                hosts:
                  - {name: lb1, ipv4: 203.0.113.10, ipv6: "2001:db8::10", roles: [lb]}
                  - {name: app1, ipv4: 203.0.113.20, roles: [app]}
                  - {name: lb2, ipv6: "2001:db8::11", roles: [lb]}
                """).config();
        assertThat(config.targets()).extracting(Target::toString)
                .containsExactly("lb1 203.0.113.10", "lb1 2001:db8::10", "lb2 2001:db8::11");
        assertThat(config.names()).containsExactly("vigil.example.com", "hc-ping.example.com");
        assertThat(config.interval()).isEqualTo(Duration.ofSeconds(15));
        assertThat(config.thresholds().failAfter()).isEqualTo(2);
        assertThat(config.thresholds().recoverAfter()).isEqualTo(4);
        assertThat(config.ttlSeconds()).isEqualTo(30);
    }

    @Test
    void withOnlyAPingDomainThatIsTheNameManagedAndProbed() {
        WatchdogSetup setup = setup("""
                domains: {ping: hc-ping.example.com}
                hosts:
                  - {name: lb1, ipv4: 203.0.113.10, roles: [lb]}
                """);
        assertThat(setup.config().names()).containsExactly("hc-ping.example.com");
    }

    @Test
    void cloudflareNeedsItsTokenFromTheEnvironment() {
        WatchdogSetup setup = setup("""
                domains: {app: vigil.example.com}
                roles:
                  watchdog:
                    dns: {kind: cloudflare, zone_id: 023e105f4ecef8ad9ca31a8372d0c353}
                hosts:
                  - {name: lb1, ipv4: 203.0.113.10, roles: [lb]}
                """);
        assertThatThrownBy(() -> setup.dns(Map.of())).hasMessage("VIGIL_WATCHDOG_CLOUDFLARE_TOKEN is not set: it "
                + "must hold a Cloudflare API token with Zone / DNS / Edit (an EnvironmentFile under systemd)");
        assertThat(setup.dns(Map.of(WatchdogSetup.CLOUDFLARE_TOKEN, "abc123"))).isInstanceOf(CloudflareRecords.class)
                .extracting(d -> d.describe())
                .isEqualTo("Cloudflare zone 023e105f4ecef8ad9ca31a8372d0c353 (api.cloudflare.com)");
    }

    @Test
    void aBadTsigSecretIsNamed() {
        WatchdogSetup setup = setup("""
                domains: {app: vigil.example.com}
                roles:
                  watchdog:
                    dns: {kind: rfc2136, server: 192.0.2.53, zone: example.com, tsig_key_name: vigil-watchdog}
                hosts:
                  - {name: lb1, ipv4: 203.0.113.10, roles: [lb]}
                """);
        assertThatThrownBy(() -> setup.dns(Map.of(WatchdogSetup.TSIG_SECRET, "%%%")))
                .hasMessageStartingWith("the TSIG secret is not valid base64");
        assertThat(setup.dns(Map.of(WatchdogSetup.TSIG_SECRET, "q6GTR0Jm1VY5mnUXDJC2ox4ukYBkHpqyktqaaNhPlNk="))
                .describe()).isEqualTo("RFC 2136 server 192.0.2.53:53 (zone example.com., key vigil-watchdog "
                + "(hmac-sha256))");
    }
}
