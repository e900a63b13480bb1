package dev.vigil.ops.wg;

import dev.vigil.ops.OpsInProcess;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class WgCommandTest {

    private static final Path EXAMPLE = Path.of(System.getProperty("basedir", System.getProperty("user.dir")))
            .resolve("../docs/examples/private-network.yaml").normalize();
    private static final Path GOLDEN = EXAMPLE.resolve("../../../wireguard/src/test/resources/golden/example-fleet")
            .normalize();

    private final OpsInProcess cli = new OpsInProcess();

    @Test
    void renderPrintsTheHostsFilesAsTheGoldenFilesHaveThem() throws Exception {
        assertThat(cli.run("wg", "render", "--inventory", EXAMPLE.toString(), "lb1")).as(cli.err()).isZero();
        assertThat(cli.out()).isEqualTo("# /etc/wireguard/wg0.conf\n" + Files.readString(GOLDEN.resolve("lb1/wg0.conf"))
                + "\n# /etc/wireguard/wg0.nft\n" + Files.readString(GOLDEN.resolve("lb1/wg0.nft")));
    }

    @Test
    void keysDryRunListsWhatItWouldDoAndContactsNoServer() {
        assertThat(cli.run("wg", "keys", "--dry-run", "--inventory", EXAMPLE.toString(), "--hosts", "db1"))
                .as(cli.err()).isZero();
        assertThat(cli.out()).startsWith("db1: has 2U/cIHZ91q");
    }

    @Test
    void aBrokenMeshIsAUsageErrorBeforeAnyServerIsContacted(@TempDir Path dir) throws Exception {
        Path inv = dir.resolve("ops.yaml");
        Files.writeString(inv, "hosts:\n  - { name: db1, ipv4: 192.0.2.3, roles: [db] }\n");
        assertThat(cli.run("wg", "apply", "--dry-run", "--inventory", inv.toString())).isEqualTo(2);
        assertThat(cli.err()).contains("hosts[0] (host \"db1\"): no WireGuard address");
        Files.writeString(inv, "hosts:\n  - { name: db1, ipv4: 192.0.2.3, wireguard: 10.8.0.3, roles: [db] }\n"
                + "  - { name: app1, ipv4: 192.0.2.4, wireguard: 10.8.0.4, roles: [app] }\n");
        assertThat(cli.run("wg", "apply", "--inventory", inv.toString())).isEqualTo(2);
        assertThat(cli.err()).contains("no public key for host \"app1\"", "ops wg keys");
    }
}
