package dev.vigil.provisioning.role;

import dev.vigil.provisioning.inventory.Inventory;
import dev.vigil.provisioning.inventory.InventoryLoader;
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

/** The balancers' scheduled certificate renewal: on every balancer when the inventory names an ACME CA. */
class LbRenewJobTest {

    @TempDir
    Path dir;

    private Inventory inventory(String lb) throws IOException {
        Path file = dir.resolve("ops.yaml");
        Files.writeString(file, """
                roles:
                  lb: {%s}
                hosts:
                  - {name: lb1, ipv4: 192.0.2.3, roles: [lb]}
                  - {name: app1, ipv4: 192.0.2.1, roles: [app]}
                  - {name: lb2, ipv4: 192.0.2.4, roles: [lb]}
                """.formatted(lb));
        return InventoryLoader.load(file);
    }

    private List<Task> recipe(Inventory inv, String host, Secrets secrets) throws IOException {
        return Recipe.of(dir, inv, host, secrets);
    }

    private static String file(List<Task> tasks, String path) {
        return Recipe.file(tasks, path);
    }

    @Test
    void everyBalancerRenewsItsOwnCertificatesDailyAtAnHourOfItsOwn() throws IOException {
        Inventory inv = inventory("acme: {directory: \"https://acme.example.net/dir\"}");
        Secrets secrets = Secrets.of(Map.of(LbRenewJob.SECRET, "https://hc-ping.example.com/ping/k3y",
                "database.password", "x"));
        List<Task> lb1 = recipe(inv, "lb1", secrets);
        assertThat(file(lb1, LbRenewJob.CRON)).contains("SHELL=/bin/sh\n",
                "17 3 * * * root . /etc/vigil/lb-renew.env && ops run --ping-url \"$VIGIL_LB_RENEW_PING_URL\" "
                        + "--timeout 1800 -- ops lb renew --local\n");
        assertThat(file(lb1, LbRenewJob.ENV))
                .contains("VIGIL_LB_RENEW_PING_URL='https://hc-ping.example.com/ping/k3y/lb-renew-lb1?create=1'");
        assertThat(lb1).extracting(Task::name).contains("file /usr/local/bin/ops");
        List<Task> lb2 = recipe(inv, "lb2", secrets);
        assertThat(file(lb2, LbRenewJob.CRON)).as("half a day after lb1").contains("\n17 15 * * * root ");
        assertThat(file(lb2, LbRenewJob.ENV)).contains("/lb-renew-lb2?create=1");
        assertThat(recipe(inv, "app1", secrets)).extracting(Task::name).doesNotContain("file " + LbRenewJob.CRON);
        assertThat(Recipes.needsSecrets(inv, inv.host("lb1").orElseThrow())).isTrue();
        assertThat(Recipes.needsOpsJar(inv, inv.host("lb2").orElseThrow())).isTrue();
    }

    @Test
    void withoutAcmeOrWithoutItsSecretThereIsNoJobAndABadSecretIsNamed() throws IOException {
        Inventory off = inventory("");
        assertThat(recipe(off, "lb1", Secrets.none())).extracting(Task::name).doesNotContain("file " + LbRenewJob.CRON);
        assertThat(Recipes.needsSecrets(off, off.host("lb1").orElseThrow())).isFalse();
        assertThat(Recipes.needsOpsJar(off, off.host("lb1").orElseThrow())).isFalse();
        Inventory on = inventory("acme: {directory: \"https://acme.example.net/dir\"}");
        assertThat(recipe(on, "lb1", Secrets.none())).as("without the secret the operator renews")
                .extracting(Task::name).doesNotContain("file " + LbRenewJob.CRON);
        assertThatThrownBy(() -> recipe(on, "lb1", Secrets.of(Map.of(LbRenewJob.SECRET,
                "https://hc-ping.example.com/ping/k#x")))).hasMessageContaining("without a query or a fragment");
        assertThatThrownBy(() -> recipe(on, "lb2", Secrets.of(Map.of(LbRenewJob.SECRET, "ftp://x/ping/k"))))
                .hasMessageContaining("must be a ping URL base");
    }
}
