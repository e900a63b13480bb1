package dev.vigil.provisioning.run;

import dev.vigil.provisioning.inventory.Host;
import dev.vigil.provisioning.inventory.Inventory;
import dev.vigil.provisioning.inventory.InventoryLoader;
import dev.vigil.provisioning.role.RecipeInputs;
import dev.vigil.provisioning.role.Recipes;
import dev.vigil.provisioning.ssh.SshFleet;
import dev.vigil.provisioning.task.Task;
import dev.vigil.provisioning.task.TaskStatus;
import dev.vigil.provisioning.testbed.TestHost;
import dev.vigil.provisioning.testbed.TestHosts;
import dev.vigil.provisioning.testbed.Testbed;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The base recipe from an inventory (and the lb recipe on one host), on two live hosts and one dead one, in
 * parallel.
 */
@TestHosts(2)
class ProvisionIT {

    @Test
    void provisionsLiveHostsInParallelWhileADeadHostFailsClearly(Testbed testbed, List<TestHost> hosts,
                                                                 @TempDir Path dir) throws Exception {
        Files.copy(hosts.get(0).knownHosts(), dir.resolve("known_hosts"));
        Path file = dir.resolve("ops.yaml");
        Files.writeString(file, """
                ssh:
                  identities: [%s]
                  connect_timeout_seconds: 3
                base:
                  timezone: Etc/UTC
                  packages: [less]
                  root_crontab:
                    - "17 3 * * * /usr/bin/find /tmp -mtime +7 -delete"
                hosts:
                  - {name: %s, ipv4: %s, roles: []}
                  - {name: %s, ipv4: %s, roles: [lb]}
                  - {name: gone, ipv4: %s, roles: []}
                """.formatted(hosts.get(0).rootKey(), hosts.get(0).name(), hosts.get(0).ip(), hosts.get(1).name(),
                hosts.get(1).ip(), testbed.unusedAddress()));
        Inventory inventory = InventoryLoader.load(file);

        StringWriter first = new StringWriter();
        long t0 = System.nanoTime();
        List<HostReport> reports = provision(inventory, first);
        System.err.printf("[timing] fresh base-role run on 2 hosts (+1 dead) took %.1f s%n%s",
                (System.nanoTime() - t0) / 1e9, first);

        assertThat(reports).extracting(HostReport::host).containsExactly("h1", "h2", "gone");
        assertThat(reports.get(0).failed()).as(first.toString()).isFalse();
        assertThat(reports.get(1).failed()).as(first.toString()).isFalse();
        assertThat(reports.get(0).count(TaskStatus.CHANGED)).isPositive();
        HostReport dead = reports.get(2);
        assertThat(dead.failed()).isTrue();
        assertThat(dead.error().orElseThrow()).contains("cannot connect to gone (root@" + testbed.unusedAddress()
                + ":22)");
        assertThat(first.toString()).contains("3 hosts", "1 hosts failed: gone");
        for (TestHost h : hosts) {
            assertThat(testbed.ssh(h, "systemctl is-active cron").strip()).isEqualTo("active");
            assertThat(testbed.ssh(h, "crontab -l")).contains("17 3 * * * /usr/bin/find");
            assertThat(testbed.ssh(h, "cat /etc/vigil/host.env")).contains("VIGIL_HOST=" + h.name());
            assertThat(testbed.ssh(h, "sshd -T | grep -E '^(passwordauthentication|permitrootlogin) '"))
                    .contains("passwordauthentication no", "permitrootlogin without-password");
            assertThat(testbed.ssh(h, "nft list chain inet vigil input")).contains("policy drop;", "tcp dport 22 accept");
            assertThat(testbed.ssh(h, "systemd-analyze cat-config systemd/journald.conf")).contains("SystemMaxUse=500M");
            assertThat(testbed.ssh(h, "dpkg-query -W -f='${db:Status-Status}' unattended-upgrades")).isEqualTo("installed");
        }
        // the lb recipe: haproxy running, and the firewall open for HTTP(S) there and only there
        assertThat(testbed.ssh(hosts.get(1), "systemctl is-active haproxy").strip()).isEqualTo("active");
        assertThat(testbed.ssh(hosts.get(1), "nft list chain inet vigil input")).contains("tcp dport { 80, 443 } accept");
        assertThat(testbed.ssh(hosts.get(0), "nft list chain inet vigil input")).doesNotContain("443");

        StringWriter second = new StringWriter();
        long t1 = System.nanoTime();
        List<HostReport> again = provision(inventory, second);
        System.err.printf("[timing] no-change base-role run took %.1f s%n%s", (System.nanoTime() - t1) / 1e9,
                second);
        assertThat(again.get(0).count(TaskStatus.CHANGED)).as(second.toString()).isZero();
        assertThat(again.get(1).count(TaskStatus.CHANGED)).as(second.toString()).isZero();
        assertThat(second.toString()).contains("0 tasks changed");
    }

    @Test
    void checkOnAFreshHostReportsEverythingAndChangesNothing(Testbed testbed, @TempDir Path dir) throws Exception {
        TestHost fresh = testbed.dedicated();
        try {
            Files.copy(fresh.knownHosts(), dir.resolve("known_hosts"));
            Path file = dir.resolve("ops.yaml");
            Files.writeString(file, """
                    ssh: {identities: [%s]}
                    base: {packages: [less], root_crontab: ["@hourly /bin/true"]}
                    hosts: [{name: fresh, ipv4: %s}]
                    """.formatted(fresh.rootKey(), fresh.ip()));
            Inventory inventory = InventoryLoader.load(file);
            String before = testbed.ssh(fresh, "find /etc -newer /etc/hostname | sort; dpkg -l | wc -l");

            StringWriter text = new StringWriter();
            List<HostReport> reports = provision(inventory, text, true);

            HostReport r = reports.get(0);
            assertThat(r.failed()).as(text.toString()).isFalse();
            assertThat(r.count(TaskStatus.CHANGED)).isGreaterThanOrEqualTo(8);
            assertThat(text.toString()).contains("would change packages installed: cron tzdata ca-certificates sudo nftables "
                    + "systemd-timesyncd unattended-upgrades less",
                    "+@hourly /bin/true", "+PasswordAuthentication no", "(dry run: nothing is changed)");
            assertThat(testbed.ssh(fresh, "find /etc -newer /etc/hostname | sort; dpkg -l | wc -l"))
                    .as("nothing changed on the host").isEqualTo(before);
        } finally {
            testbed.destroy(fresh);
        }
    }

    private static List<HostReport> provision(Inventory inventory, StringWriter text) {
        return provision(inventory, text, false);
    }

    private static List<HostReport> provision(Inventory inventory, StringWriter text, boolean check) {
        ReportPrinter printer = new ReportPrinter(new PrintWriter(text, true), check, false);
        try (SshFleet fleet = new SshFleet(inventory, inventory.hosts())) {
            Map<String, List<Task>> recipes = new LinkedHashMap<>();
            for (Host h : inventory.hosts()) {
                recipes.put(h.name(), Recipes.forHost(inventory, h, RecipeInputs.none()));
            }
            List<HostReport> reports = Provision.run(fleet.hosts(), recipes, check, 3, printer::host);
            printer.summary(reports);
            return reports;
        }
    }
}
