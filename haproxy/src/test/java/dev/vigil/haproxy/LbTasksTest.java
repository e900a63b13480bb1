package dev.vigil.haproxy;

import dev.vigil.provisioning.inventory.Inventory;
import dev.vigil.provisioning.role.RecipeInputs;
import dev.vigil.provisioning.role.Recipes;
import dev.vigil.provisioning.task.ManagedFile;
import dev.vigil.provisioning.task.Task;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The tasks of a balancer, in order, as {@code ops lb apply} and the lb recipe of {@code ops provision} run them. */
class LbTasksTest {

    @TempDir
    static Path dir;
    static Inventory inventory;

    @BeforeAll
    static void fleet() throws Exception {
        TestFleet.writeCertificates(dir, new TestCertificates());
        Files.writeString(dir.resolve("ops.yaml"), TestFleet.yaml(2, 3, ""));
        inventory = TestFleet.inventory(dir, 2, 3);
    }

    @Test
    void filesInOrderThenTheReload() {
        List<Task> tasks = LbTasks.forHost(inventory, inventory.host("lb1").orElseThrow());
        assertThat(tasks).extracting(Task::name).containsExactly(
                "packages installed: haproxy socat",
                "directory /etc/haproxy/certs",
                "file /etc/haproxy/certs/vigil.example.com.ecdsa.pem",
                "file /etc/haproxy/certs/vigil.example.com.rsa.pem",
                "file /etc/haproxy/certs/hc-ping.example.com.ecdsa.pem",
                "file /etc/haproxy/certs/hc-ping.example.com.rsa.pem",
                "file /var/lib/haproxy/server-state (created once)",
                "file /etc/haproxy/acme-challenges.map (created once)",
                "file /etc/haproxy/haproxy.cfg",
                "service haproxy.service (reloaded with its server states)");
        ManagedFile cert = ((CertificateFile) tasks.get(2)).asFile();
        assertThat(cert.secret()).as("a certificate file holds a private key: no diff shown").isTrue();
        assertThat(cert.meta().octalMode()).isEqualTo("0600");
        ManagedFile cfg = (ManagedFile) tasks.get(8);
        assertThat(new String(cfg.content(), StandardCharsets.UTF_8)).isEqualTo(LbWorkflows.render(inventory, "lb1"));
        assertThat(cfg.validator()).contains(LbTasks.CHECK);
        HaproxyReloaded reload = (HaproxyReloaded) tasks.get(9);
        assertThat(reload.reloadWhenChanged()).as("certificates and haproxy.cfg, not the files created once")
                .containsExactly(tasks.get(2), tasks.get(3), tasks.get(4), tasks.get(5), cfg);
    }

    @Test
    void theLbRecipeRunsTheSameTasksOnce() {
        List<Task> recipe = Recipes.forHost(inventory, inventory.host("lb1").orElseThrow(),
                RecipeInputs.none().withLbConfiguration(LbTasks::forHost));
        List<Task> lb = LbTasks.forHost(inventory, inventory.host("lb1").orElseThrow());
        List<String> names = lb.stream().map(Task::name).toList();
        assertThat(recipe).extracting(Task::name).containsSequence(names);
        assertThat(recipe).as("each once").filteredOn(t -> names.contains(t.name())).hasSize(lb.size());
        assertThat(Recipes.forHost(inventory, inventory.host("lb1").orElseThrow(), RecipeInputs.none()))
                .extracting(Task::name).as("without the haproxy module: installed and running only")
                .contains("packages installed: haproxy socat", "service haproxy.service")
                .doesNotContain("file /etc/haproxy/haproxy.cfg");
    }
}
