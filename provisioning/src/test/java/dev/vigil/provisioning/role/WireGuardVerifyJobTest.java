package dev.vigil.provisioning.role;

import dev.vigil.provisioning.inventory.Inventory;
import dev.vigil.provisioning.inventory.InventoryException;
import dev.vigil.provisioning.inventory.InventoryLoader;
import dev.vigil.provisioning.secrets.MissingSecretException;
import dev.vigil.provisioning.secrets.Secrets;
import dev.vigil.provisioning.task.Task;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The private network's scheduled verify: on every WireGuard host when the inventory asks for it. */
class WireGuardVerifyJobTest {

    @TempDir
    Path dir;

    private Inventory inventory(String network) throws IOException {
        Path file = dir.resolve("ops.yaml");
        Files.writeString(file, """
                %s
                hosts:
                  - {name: lb1, ipv4: 192.0.2.3, wireguard: 10.100.0.1, roles: [lb]}
                  - {name: app1, ipv4: 192.0.2.1, wireguard: 10.100.1.1, roles: [app]}
                  - {name: app2, ipv4: 192.0.2.4, roles: [app]}
                """.formatted(network));
        return InventoryLoader.load(file);
    }

    private List<Task> recipe(Inventory inv, String host, Secrets secrets) throws IOException {
        return Recipe.of(dir, inv, host, secrets);
    }

    private static String file(List<Task> tasks, String path) {
        return Recipe.file(tasks, path);
    }

    @Test
    void everyWireGuardHostPingsItsOwnCheckFromCron() throws IOException {
        Inventory inv = inventory("network: {verify_every_minutes: 15}");
        Secrets secrets = Secrets.of(Map.of("wireguard.verify_ping_base", "https://hc-ping.example.com/ping/k3y/",
                "database.password", "x"));
        List<Task> lb = recipe(inv, "lb1", secrets);
        assertThat(file(lb, WireGuardVerifyJob.CRON)).contains("SHELL=/bin/sh\n",
                "*/15 * * * * root . /etc/vigil/wg-verify.env && ops run --ping-url \"$VIGIL_WG_VERIFY_PING_URL\" "
                        + "--timeout 300 -- ops wg verify --local\n");
        assertThat(file(lb, WireGuardVerifyJob.ENV))
                .contains("VIGIL_WG_VERIFY_PING_URL='https://hc-ping.example.com/ping/k3y/wg-verify-lb1?create=1'");
        assertThat(file(recipe(inv, "app1", secrets), WireGuardVerifyJob.ENV)).contains("/wg-verify-app1?create=1");
        assertThat(lb).extracting(Task::name).contains("file /usr/local/bin/ops");
        assertThat(recipe(inv, "app2", secrets)).as("no WireGuard address, no job").extracting(Task::name)
                .doesNotContain("file " + WireGuardVerifyJob.CRON);
        assertThat(Recipes.needsSecrets(inv, inv.host("lb1").orElseThrow())).isTrue();
        assertThat(Recipes.needsOpsJar(inv, inv.host("lb1").orElseThrow())).isTrue();

        Inventory hourly = inventory("network: {verify_every_minutes: 60}");
        assertThat(file(recipe(hourly, "lb1", secrets), WireGuardVerifyJob.CRON)).contains("\n0 * * * * root ");
    }

    @Test
    void withoutTheSettingThereIsNoJobAndWithoutItsSecretProvisioningSaysWhich() throws IOException {
        Inventory off = inventory("");
        assertThat(recipe(off, "lb1", Secrets.none())).extracting(Task::name)
                .doesNotContain("file " + WireGuardVerifyJob.CRON);
        assertThat(Recipes.needsSecrets(off, off.host("lb1").orElseThrow())).isFalse();
        Inventory on = inventory("network: {verify_every_minutes: 5}");
        assertThatThrownBy(() -> recipe(on, "lb1", Secrets.none())).isInstanceOf(MissingSecretException.class)
                .hasMessageContaining("wireguard.verify_ping_base");
        assertThatThrownBy(() -> recipe(on, "lb1", Secrets.of(Map.of("wireguard.verify_ping_base",
                "https://hc-ping.example.com/ping/k?x=1")))).hasMessageContaining("without a query");
        assertThatThrownBy(() -> inventory("network: {verify_every_minutes: 7}")).isInstanceOf(InventoryException.class)
                .hasMessageContaining("must divide an hour");
    }

    @Test
    void theWatchdogChecksTheServedCertificatesDailyWhenItHasAPingUrl() throws IOException {
        Path file = dir.resolve("ops.yaml");
        Files.writeString(file, """
                hosts:
                  - {name: lb1, ipv4: 192.0.2.3, roles: [lb]}
                  - {name: ops1, ipv4: 192.0.2.9, roles: [watchdog]}
                """);
        Inventory inv = InventoryLoader.load(file);
        assertThat(recipe(inv, "ops1", Secrets.none())).extracting(Task::name)
                .doesNotContain("file " + WatchdogRecipe.CERTS_CRON);
        List<Task> tasks = recipe(inv, "ops1", Secrets.of(Map.of("lb.certs_ping_url",
                "https://hc-ping.example.com/ping/5a9f")));
        assertThat(file(tasks, WatchdogRecipe.CERTS_CRON)).contains("23 7 * * * root . /etc/vigil/lb-certs.env && ops "
                + "run --ping-url \"$VIGIL_LB_CERTS_PING_URL\" --timeout 300 -- ops lb certs --inventory "
                + "/etc/vigil/ops.yaml\n");
        assertThat(file(tasks, WatchdogRecipe.CERTS_ENV)).contains("VIGIL_LB_CERTS_PING_URL='https://hc-ping.example.com/ping/5a9f'");
    }
}
