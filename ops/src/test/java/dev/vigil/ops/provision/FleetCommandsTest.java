package dev.vigil.ops.provision;

import dev.vigil.ops.OpsInProcess;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** The fleet commands refuse bad input with status 2 and one line on stderr, before any connection. */
class FleetCommandsTest {

    private final OpsInProcess cli = new OpsInProcess();

    private int ops(String... args) {
        return cli.run(args);
    }

    private static Path inventory(Path dir, String text) throws Exception {
        Path file = dir.resolve("ops.yaml");
        Files.writeString(file, text);
        return file;
    }

    private void assertUsageError(int status, String... fragments) {
        assertThat(status).isEqualTo(2);
        assertThat(cli.err()).startsWith("error: ").containsSubsequence(fragments);
        assertThat(cli.err().strip().lines()).hasSize(1);
        assertThat(cli.out()).isEmpty();
    }

    @Test
    void anInvalidInventoryNamesFileLineAndColumn(@TempDir Path dir) throws Exception {
        Path file = inventory(dir, "hosts:\n  - {name: a1, ipv4: 10.0.0.1, roles: [web]}\n");
        assertUsageError(ops("provision", "--inventory", file.toString()),
                file + ":2:40: hosts[0].roles[0]: unknown role \"web\"");
    }

    @Test
    void anInventoryErrorPointsAtTheInventoryReference(@TempDir Path dir) throws Exception {
        Path file = inventory(dir, "base:\n  root_crontab:\n    - \"MAILTO=ops@example.com\"\n"
                + "    - \"61 * * * * /bin/true\"\nhosts: []\n");
        assertThat(ops("hosts", "--inventory", file.toString())).isEqualTo(2);
        assertThat(cli.err()).isEqualTo("error: " + file + ":4:7: base.root_crontab[1]: invalid crontab line: "
                + "invalid schedule: minute field: value 61 is out of range 0-59 (see docs/provisioning.md#the-inventory-opsyaml)\n");
    }

    @Test
    void aMissingInventoryIsAUsageError(@TempDir Path dir) {
        assertUsageError(ops("hosts", "--inventory", dir.resolve("nope.yaml").toString()), "cannot read inventory");
    }

    @Test
    void unknownHostsAndRolesAreRefused(@TempDir Path dir) throws Exception {
        Path file = inventory(dir, "hosts:\n  - {name: a1, ipv4: 10.0.0.1, roles: [app]}\n");
        assertUsageError(ops("provision", "--inventory", file.toString(), "--hosts", "a2"), "no host named \"a2\"");
        assertUsageError(ops("provision", "--inventory", file.toString(), "--roles", "web"), "unknown role \"web\"");
        assertUsageError(ops("exec", "--inventory", file.toString(), "b1", "--", "uptime"),
                "\"b1\" is neither a host", "nor a role");
        assertUsageError(ops("provision", "--inventory", file.toString(), "--roles", "db"),
                "no host matches the selection");
    }

    @Test
    void parallelMustBePositive(@TempDir Path dir) throws Exception {
        Path file = inventory(dir, "hosts:\n  - {name: a1, ipv4: 10.0.0.1}\n");
        assertUsageError(ops("provision", "--inventory", file.toString(), "--parallel", "0"),
                "--parallel must be from 1 to 100");
    }

    @Test
    void execNeedsACommand(@TempDir Path dir) throws Exception {
        Path file = inventory(dir, "hosts:\n  - {name: a1, ipv4: 10.0.0.1}\n");
        assertUsageError(ops("exec", "--inventory", file.toString(), "a1"), "CMD");
    }

    @Test
    void helpListsTheFleetCommands() {
        assertThat(ops("--help")).isZero();
        assertThat(cli.out()).contains("provision", "exec", "hosts");
    }

    @Test
    void aRecipeThatLacksASecretStopsBeforeAnyConnection(@TempDir Path dir) throws Exception {
        // 192.0.2.x is a documentation network: a connection attempt would hang, not fail fast
        Path file = inventory(dir, "hosts:\n  - {name: a1, ipv4: 192.0.2.1, roles: [app]}\n"
                + "  - {name: d1, ipv4: 192.0.2.2, roles: [db]}\n");
        assertUsageError(ops("provision", "--inventory", file.toString()),
                "secret database.password is not set (the app recipe needs it); set it with "
                        + "'ops secrets set database.password'");
    }

    @Test
    void secretsCommandsRefuseBadInputInOneLine(@TempDir Path dir) throws Exception {
        Path file = inventory(dir, "hosts: []\n");
        assertUsageError(ops("secrets", "set", "Database Password", "--inventory", file.toString()),
                "\"Database Password\" is not a secret name");
        assertThat(ops("secrets", "init", "--inventory", file.toString())).isEqualTo(1);
        assertThat(cli.err()).isEqualTo("error: the inventory lists no secrets.recipients (public key files): "
                + "there is nobody to encrypt the secrets to\n");
        assertThat(ops("secrets", "show", "--inventory", file.toString())).isEqualTo(1);
        assertThat(cli.err()).isEqualTo("error: no secrets file " + dir.resolve("secrets.pgp")
                + "; create it with 'ops secrets init'\n");
        assertThat(dir.resolve("secrets.pgp")).doesNotExist();
    }
}
