package dev.vigil.provisioning.role;

import dev.vigil.provisioning.inventory.Inventory;
import dev.vigil.provisioning.inventory.InventoryLoader;
import dev.vigil.provisioning.run.Workflows;
import dev.vigil.provisioning.testbed.TestHost;
import dev.vigil.provisioning.testbed.TestHostsExtension;
import dev.vigil.provisioning.testbed.Testbed;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** The app recipe prepares a server for deploys: Java, account, folders, settings, an enabled (idle) unit. */
@ExtendWith(TestHostsExtension.class)
class AppRoleIT {

    @Test
    void preparesAnAppServerAndASecondRunChangesNothing(Testbed testbed, @TempDir Path dir) throws Exception {
        TestHost app = testbed.dedicated();
        try {
            Files.copy(app.knownHosts(), dir.resolve("known_hosts"));
            Path file = dir.resolve("ops.yaml");
            Files.writeString(file, """
                    ssh: {identities: [%s]}
                    domains: {app: vigil.test, ping: ping.vigil.test}
                    roles: {app: {java_heap: 256m}}
                    hosts: [{name: app1, ipv4: %s, roles: [app]}]
                    """.formatted(app.rootKey(), app.ip()));

            String first = provision(file, "fresh app recipe");
            assertThat(first).contains("installed openjdk-17-jre-headless", "0 hosts failed");
            assertThat(testbed.ssh(app, "systemctl is-enabled vigil.service").strip()).isEqualTo("enabled");
            assertThat(testbed.ssh(app, "systemctl is-active vigil.service || true").strip()).isEqualTo("inactive");
            assertThat(testbed.ssh(app, "runuser -u vigil -- java -version 2>&1")).contains("17.");
            assertThat(testbed.ssh(app, "stat -c '%U %G %a' /etc/vigil/app.env").strip()).isEqualTo("root vigil 640");
            assertThat(testbed.ssh(app, "cat /etc/vigil/app.env")).contains("JAVA_OPTS=-Xmx256m");

            assertThat(provision(file, "no-change app recipe")).contains("0 tasks changed");
        } finally {
            testbed.destroy(app);
        }
    }

    private static String provision(Path file, String what) {
        Inventory inventory = InventoryLoader.load(file);
        StringWriter text = new StringWriter();
        long t0 = System.nanoTime();
        boolean ok = Workflows.provision(inventory, inventory.hosts(), false, 1, false, new PrintWriter(text));
        System.err.printf("[timing] %s took %.1f s%n%s", what, (System.nanoTime() - t0) / 1e9, text);
        assertThat(ok).as(text.toString()).isTrue();
        return text.toString();
    }
}
