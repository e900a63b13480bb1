package dev.vigil.haproxy;

import dev.vigil.provisioning.inventory.Host;
import dev.vigil.provisioning.inventory.Inventory;
import dev.vigil.provisioning.inventory.InventoryLoader;
import dev.vigil.provisioning.inventory.Role;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The rendered configurations, compared with golden files under src/test/resources/golden and checked by the
 * real {@code haproxy -c}. After a deliberate change, rewrite the golden files with
 * {@code mvn -pl haproxy test -Dtest=HaproxyConfigGoldenTest -Dgolden.update=true} and read the diff.
 */
class HaproxyConfigGoldenTest {

    private static final Path GOLDEN = Path.of("src/test/resources/golden");
    static final String ACME = "acme: {directory: \"https://acme.example.net/directory\", email: ops@example.com}\n";

    @TempDir
    static Path dir;

    @BeforeAll
    static void certificates() {
        TestFleet.writeCertificates(dir, new TestCertificates());
    }

    @ParameterizedTest(name = "{0} load balancers, {1} app servers")
    @CsvSource({"1, 1, false", "1, 2, false", "2, 3, false", "2, 4, false", "4, 5, false", "1, 1, true",
            "2, 2, true", "4, 1, true"})
    void everyLoadBalancerMatchesItsGoldenFile(int lbs, int apps, boolean acme) throws IOException {
        Inventory inventory = acme ? InventoryLoader.parse(dir.resolve("ops.yaml"), TestFleet.yaml(lbs, apps, ACME))
                : TestFleet.inventory(dir, lbs, apps);
        for (Host lb : inventory.withRole(Role.LB)) {
            String text = HaproxyValidator.validated(HaproxyConfigs.forHost(inventory, lb.name()));
            Path golden = GOLDEN.resolve("lb" + lbs + "-app" + apps + (acme ? "-acme" : ""))
                    .resolve(lb.name() + ".cfg");
            if (Boolean.getBoolean("golden.update")) {
                Files.createDirectories(golden.getParent());
                Files.writeString(golden, text, StandardCharsets.UTF_8);
            }
            assertThat(golden).as("golden file (rewrite with -Dgolden.update=true)").exists();
            assertThat(text).isEqualTo(Files.readString(golden, StandardCharsets.UTF_8));
        }
    }

    @ParameterizedTest(name = "{0} load balancers, 1 to 5 app servers")
    @CsvSource({"1", "2", "4"})
    void everyInventoryShapePassesHaproxyCheck(int lbs) {
        for (int apps = 1; apps <= 5; apps++) {
            Inventory inventory = TestFleet.inventory(dir, lbs, apps);
            for (Host lb : inventory.withRole(Role.LB)) {
                String text = HaproxyValidator.validated(HaproxyConfigs.forHost(inventory, lb.name()));
                assertThat(text).contains("server app" + apps + " 10.100.1." + apps + ":8080\n")
                        .doesNotContain("app" + (apps + 1) + " ");
            }
        }
    }

    /** With ACME, each balancer relays the tokens it does not hold to the next one, the last to the first. */
    @Test
    void theAcmeRelayIsARingOverThePublicAddresses() {
        Inventory inventory = InventoryLoader.parse(dir.resolve("ops.yaml"), TestFleet.yaml(3, 1, ACME));
        assertThat(HaproxyConfigs.forHost(inventory, "lb1").acmeRelay().orElseThrow()).isEqualTo(
                new HaproxyConfig.AcmeRelay(List.of(new HaproxyConfig.AcmeRelay.Peer("lb2", address("203.0.113.12"), 80),
                        new HaproxyConfig.AcmeRelay.Peer("lb3", address("203.0.113.13"), 80)), 3));
        assertThat(HaproxyConfigs.forHost(inventory, "lb3").acmeRelay().orElseThrow().ring())
                .extracting(HaproxyConfig.AcmeRelay.Peer::name).containsExactly("lb1", "lb2");
        assertThat(HaproxyConfigRenderer.render(HaproxyConfigs.forHost(inventory, "lb2")))
                .contains("acl acme_hops_left req.hdr_val(X-Vigil-Acme-Hops) 1:1\n",
                        "    server lb3 203.0.113.13:80 check\n    server lb1 203.0.113.11:80 check backup\n",
                        "track-sc0 src table ping_rate if ping !acme\n");
        assertThat(HaproxyConfigs.forHost(TestFleet.inventory(dir, 3, 1), "lb1").acmeRelay())
                .as("no relay without roles.lb.acme").isEmpty();
        assertThat(HaproxyConfigs.forHost(InventoryLoader.parse(dir.resolve("ops.yaml"), TestFleet.yaml(1, 1, ACME)),
                "lb1").acmeRelay()).as("one balancer holds every token").isEmpty();
    }

    private static java.net.InetAddress address(String text) {
        try {
            return java.net.InetAddress.getByName(text);
        } catch (java.net.UnknownHostException e) {
            throw new IllegalArgumentException(e);
        }
    }

    @Test
    void eachBalancerBindsItsOwnAddressesOnBothFamilies() {
        Inventory inventory = TestFleet.inventory(dir, 2, 1);
        String lb2 = HaproxyConfigRenderer.render(HaproxyConfigs.forHost(inventory, "lb2"));
        assertThat(lb2).contains("    bind 203.0.113.12:80\n", "    bind [2001:db8:0:0:0:0:0:12]:80\n",
                "    bind 203.0.113.12:443 ssl crt ", "    bind [2001:db8:0:0:0:0:0:12]:443 ssl crt ")
                .doesNotContain("203.0.113.11");
    }
}
