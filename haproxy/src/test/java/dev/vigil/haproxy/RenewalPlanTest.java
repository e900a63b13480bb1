package dev.vigil.haproxy;

import dev.vigil.provisioning.inventory.Inventory;
import dev.vigil.provisioning.inventory.InventoryLoader;
import dev.vigil.provisioning.inventory.RoleSettings.KeyType;
import dev.vigil.provisioning.task.ManagedFile;
import dev.vigil.provisioning.task.Task;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The plan {@code ops lb apply} installs for {@code ops lb renew --local}: golden, read back, bad lines named. */
class RenewalPlanTest {

    private static final Path GOLDEN = Path.of("src/test/resources/golden/lb2-app2-acme/lb-renew-lb2.plan");

    @TempDir
    static Path dir;

    @BeforeAll
    static void certificates() {
        TestFleet.writeCertificates(dir, new TestCertificates());
    }

    private static Inventory inventory() {
        return InventoryLoader.parse(dir.resolve("ops.yaml"), TestFleet.yaml(2, 2, HaproxyConfigGoldenTest.ACME));
    }

    @Test
    void theBalancersPlanMatchesItsGoldenFileAndReadsBack() throws IOException {
        Inventory inventory = inventory();
        RenewalPlan plan = RenewalPlan.of(HaproxyConfigs.forHost(inventory, "lb2"),
                inventory.settings().lb().acme().orElseThrow(), 1);
        String text = plan.render();
        if (Boolean.getBoolean("golden.update")) {
            Files.writeString(GOLDEN, text, StandardCharsets.UTF_8);
        }
        assertThat(text).isEqualTo(Files.readString(GOLDEN, StandardCharsets.UTF_8));
        assertThat(RenewalPlan.parse(text)).isEqualTo(plan);
        assertThat(plan.certificates()).hasSize(4).first().satisfies(c -> {
            assertThat(c.file()).isEqualTo("/etc/haproxy/certs/vigil.example.com.ecdsa.pem");
            assertThat(c.keyType()).isEqualTo(KeyType.ECDSA);
        });
        assertThat(plan.served().getPort()).isEqualTo(443);
        assertThat(plan.renewDays()).as("the second balancer, a week after the first").isEqualTo(23);
        assertThat(List.of(RenewalPlan.renewDays(0), RenewalPlan.renewDays(2), RenewalPlan.renewDays(3),
                RenewalPlan.renewDays(7))).containsExactly(30, 16, 9, 9);
    }

    @Test
    void applyInstallsThePlanOnlyWhenTheInventoryNamesAnAcmeCa() {
        Inventory inventory = inventory();
        List<Task> tasks = LbTasks.forHost(inventory, inventory.host("lb1").orElseThrow());
        ManagedFile plan = tasks.stream().filter(t -> t instanceof ManagedFile m && m.path().equals(RenewalPlan.PATH))
                .map(ManagedFile.class::cast).findFirst().orElseThrow();
        assertThat(new String(plan.content(), StandardCharsets.UTF_8)).contains("host lb1\n", "renew-days 30\n",
                "directory https://acme.example.net/directory\n", "served-at 203.0.113.11 443\n");
        assertThat(LbTasks.forHost(TestFleet.inventory(dir, 2, 2), inventory.host("lb1").orElseThrow()))
                .extracting(Task::name).doesNotContain("file " + RenewalPlan.PATH);
    }

    @Test
    void anythingElseIsRefusedWithItsLine() throws IOException {
        String good = Files.readString(GOLDEN, StandardCharsets.UTF_8);
        assertThatThrownBy(() -> RenewalPlan.parse(good.replace("served-at 203.0.113.12 443", "served-at ::1 99999")))
                .hasMessageContaining("port out of range").hasMessageContaining("line ");
        assertThatThrownBy(() -> RenewalPlan.parse(good.replace("certificate ecdsa /etc", "certificate dsa /etc")))
                .hasMessageContaining("key type must be ecdsa or rsa");
        assertThatThrownBy(() -> RenewalPlan.parse(good.replace("/etc/haproxy/certs/vigil", "certs/vigil")))
                .hasMessageContaining("expected an absolute path");
        assertThatThrownBy(() -> RenewalPlan.parse(good.replace("served-at 203.0.113.12", "served-at lb.example")))
                .hasMessageContaining("expected 'served-at IP-ADDRESS PORT'");
        assertThatThrownBy(() -> RenewalPlan.parse(good + "reload now\n")).hasMessageContaining("unknown line kind");
        assertThatThrownBy(() -> RenewalPlan.parse(good.replace("served-at 203.0.113.12", "served-at cafe")))
                .as("a word of hex letters is no address, and is never looked up").hasMessageContaining("served-at");
        assertThatThrownBy(() -> RenewalPlan.parse(good.replace("admin-socket /run/haproxy/admin.sock",
                "admin-socket /run/haproxy/admin;sock"))).hasMessageContaining("letters, digits and _./-");
        assertThatThrownBy(() -> RenewalPlan.parse(good.replace("renew-days 23", "renew-days 0")))
                .hasMessageContaining("renew-days must be 1 to 60");
        assertThatThrownBy(() -> RenewalPlan.parse("# nothing\n")).hasMessageContaining("not a plan written by");
    }
}
