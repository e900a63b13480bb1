package dev.vigil.haproxy;

import dev.vigil.provisioning.inventory.Host;
import dev.vigil.provisioning.inventory.Inventory;
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

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The rendered configurations, compared with golden files under src/test/resources/golden and checked by the
 * real {@code haproxy -c}. After a deliberate change, rewrite the golden files with
 * {@code mvn -pl haproxy test -Dtest=HaproxyConfigGoldenTest -Dgolden.update=true} and read the diff.
 */
class HaproxyConfigGoldenTest {

    private static final Path GOLDEN = Path.of("src/test/resources/golden");

    @TempDir
    static Path dir;

    @BeforeAll
    static void certificates() {
        TestFleet.writeCertificates(dir, new TestCertificates());
    }

    @ParameterizedTest(name = "{0} load balancers, {1} app servers")
    @CsvSource({"1, 1", "1, 2", "2, 3", "2, 4", "4, 5"})
    void everyLoadBalancerMatchesItsGoldenFile(int lbs, int apps) throws IOException {
        Inventory inventory = TestFleet.inventory(dir, lbs, apps);
        for (Host lb : inventory.withRole(Role.LB)) {
            String text = HaproxyValidator.validated(HaproxyConfigs.forHost(inventory, lb.name()));
            Path golden = GOLDEN.resolve("lb" + lbs + "-app" + apps).resolve(lb.name() + ".cfg");
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

    @Test
    void eachBalancerBindsItsOwnAddressesOnBothFamilies() {
        Inventory inventory = TestFleet.inventory(dir, 2, 1);
        String lb2 = HaproxyConfigRenderer.render(HaproxyConfigs.forHost(inventory, "lb2"));
        assertThat(lb2).contains("    bind 203.0.113.12:80\n", "    bind [2001:db8:0:0:0:0:0:12]:80\n",
                "    bind 203.0.113.12:443 ssl crt ", "    bind [2001:db8:0:0:0:0:0:12]:443 ssl crt ")
                .doesNotContain("203.0.113.11");
    }
}
