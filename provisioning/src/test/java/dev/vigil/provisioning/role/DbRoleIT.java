package dev.vigil.provisioning.role;

import dev.vigil.provisioning.inventory.Inventory;
import dev.vigil.provisioning.inventory.InventoryLoader;
import dev.vigil.provisioning.run.FleetContext;
import dev.vigil.provisioning.run.ProvisionRequest;
import dev.vigil.provisioning.run.Workflows;
import dev.vigil.provisioning.secrets.Secrets;
import dev.vigil.provisioning.testbed.TestHost;
import dev.vigil.provisioning.testbed.Testbed;
import dev.vigil.provisioning.testbed.TestHostsExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** The db recipe for real: PostgreSQL from Debian, tuned from the inventory, restarted only when that changes. */
@ExtendWith(TestHostsExtension.class)
class DbRoleIT {

    @Test
    void installsTunesAndRetunesPostgresql(Testbed testbed, @TempDir Path dir) throws Exception {
        TestHost db = testbed.dedicated();
        try {
            Files.copy(db.knownHosts(), dir.resolve("known_hosts"));
            Path file = dir.resolve("ops.yaml");
            String yaml = """
                    ssh: {identities: [%s]}
                    roles:
                      db: {postgresql_version: 15, shared_buffers: 64MB, max_connections: MAX}
                    hosts:
                      - {name: db1, ipv4: %s, roles: [db]}
                    """.formatted(db.rootKey(), db.ip());
            Files.writeString(file, yaml.replace("MAX", "50"));

            String fresh = provision(file, false, true, "fresh db recipe");
            assertThat(fresh).contains("installed postgresql-15", "1 hosts, ", "0 hosts failed");
            assertThat(testbed.ssh(db, "systemctl is-active postgresql@15-main.service").strip()).isEqualTo("active");
            assertThat(psql(testbed, db, "SHOW max_connections")).isEqualTo("50");
            assertThat(psql(testbed, db, "SHOW shared_buffers")).isEqualTo("64MB");
            assertThat(testbed.ssh(db, "PGPASSWORD=\"it's a secret\" psql -X -w -h 127.0.0.1 -U vigil -d vigil "
                    + "-Atc 'SELECT current_user'").strip()).as("the app's login works").isEqualTo("vigil");

            Files.writeString(file, yaml.replace("MAX", "60"));
            String check = provision(file, true, true, "check after an inventory change");
            assertThat(check).contains("-max_connections = 50", "+max_connections = 60",
                    "would change service postgresql@15-main.service: restarted", "2 tasks would change");
            assertThat(psql(testbed, db, "SHOW max_connections")).as("check changed nothing").isEqualTo("50");

            provision(file, false, true, "apply the change");
            assertThat(psql(testbed, db, "SHOW max_connections")).isEqualTo("60");
            assertThat(provision(file, false, true, "no-change db recipe")).contains("0 tasks changed");
        } finally {
            testbed.destroy(db);
        }
    }

    private static String psql(Testbed testbed, TestHost host, String sql) {
        return testbed.ssh(host, "runuser -u postgres -- psql -Atc '" + sql + "'").strip();
    }

    private static String provision(Path file, boolean check, boolean expectOk, String what) {
        Inventory inventory = InventoryLoader.load(file);
        StringWriter text = new StringWriter();
        long t0 = System.nanoTime();
        RecipeInputs inputs = new RecipeInputs(Secrets.of(Map.of("database.password", "it's a secret")),
                Optional.empty());
        boolean ok = new Workflows.PreparedProvision(new FleetContext(inventory, inventory.hosts(), 1,
                new PrintWriter(text)), Workflows.recipes(inventory, inventory.hosts(), inputs),
                new ProvisionRequest(Secrets::none, Optional.empty(), Optional.empty(), Optional.empty(), check, false))
                .run();
        System.err.printf("[timing] %s took %.1f s%n%s", what, (System.nanoTime() - t0) / 1e9, text);
        assertThat(ok).as(text.toString()).isEqualTo(expectOk);
        return text.toString();
    }
}
