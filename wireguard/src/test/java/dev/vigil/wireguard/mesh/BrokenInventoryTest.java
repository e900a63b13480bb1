package dev.vigil.wireguard.mesh;

import dev.vigil.provisioning.inventory.InventoryException;
import dev.vigil.provisioning.inventory.InventoryLoader;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A broken private network fails at load, with one message naming the host or rule and the field. */
class BrokenInventoryTest {

    private static final Path FILE = Path.of("ops.yaml");

    private static String fleet(String network, String lastHost) {
        return network + """
                hosts:
                  - { name: lb1, ipv4: 192.0.2.1, wireguard: 10.8.0.1, roles: [lb] }
                  - { name: app1, ipv4: 192.0.2.2, wireguard: 10.8.0.2, roles: [app] }
                """ + lastHost;
    }

    @Test
    void aDuplicateWireGuardAddressNamesBothHosts() {
        String text = fleet("", "  - { name: db1, ipv4: 192.0.2.3, wireguard: 10.8.0.2, roles: [db] }\n");
        assertThatThrownBy(() -> InventoryLoader.parse(FILE, text)).isInstanceOf(InventoryException.class)
                .hasMessage("ops.yaml:4:46: hosts[2].wireguard: duplicate address 10.8.0.2 (also host \"app1\")");
    }

    @Test
    void anUnknownTierOnAHostNamesTheHost() {
        String text = fleet("", "  - { name: db1, ipv4: 192.0.2.3, wireguard: 10.8.0.3, roles: [db], tier: dbs }\n");
        assertThatThrownBy(() -> InventoryLoader.parse(FILE, text)).isInstanceOf(InventoryException.class)
                .hasMessage("ops.yaml:4:75: hosts[2].tier: host \"db1\": unknown tier \"dbs\"; tiers are lb, app, "
                        + "db, watchdog");
    }

    @Test
    void aPolicyRuleNamingAnUnknownTierNamesTheRule() {
        String network = """
                network:
                  policy:
                    - { from: lb, to: app, ports: [8080] }
                    - { from: app, to: database, ports: [5432] }
                """;
        String text = fleet(network, "  - { name: db1, ipv4: 192.0.2.3, wireguard: 10.8.0.3, roles: [db] }\n");
        assertThatThrownBy(() -> InventoryLoader.parse(FILE, text)).isInstanceOf(InventoryException.class)
                .hasMessage("ops.yaml:4:24: network.policy[1].to: unknown tier "
                        + "\"database\"; tiers are lb, app, db, watchdog");
    }

    @Test
    void aHostWithoutAWireGuardAddressOrTierIsNamed() {
        String noAddress = fleet("", "  - { name: db1, ipv4: 192.0.2.3, roles: [db] }\n");
        assertThatThrownBy(() -> Mesh.of(InventoryLoader.parse(FILE, noAddress))).isInstanceOf(MeshException.class)
                .hasMessage("ops.yaml: hosts[2] (host \"db1\"): no WireGuard address: set hosts[].wireguard "
                        + "(e.g. 10.8.0.11)");
        String twoRoles = fleet("", "  - { name: db1, ipv4: 192.0.2.3, wireguard: 10.8.0.3, roles: [db, app] }\n");
        assertThatThrownBy(() -> Mesh.of(InventoryLoader.parse(FILE, twoRoles))).isInstanceOf(MeshException.class)
                .hasMessageStartingWith("ops.yaml: hosts[2] (host \"db1\"): no tier: set hosts[].tier");
    }

    @Test
    void withoutAPolicyTheDefaultsApplyAndATierCanBeGivenOutright() {
        String text = fleet("roles: { app: { http_port: 9000 } }\n",
                "  - { name: ops1, ipv4: 192.0.2.3, wireguard: 10.8.0.3, roles: [db, watchdog], tier: watchdog }\n");
        Mesh mesh = Mesh.of(InventoryLoader.parse(FILE, text));
        assertThat(mesh.ports(mesh.node("lb1"), mesh.node("app1"))).containsExactly(9000, 9001);
        assertThat(mesh.ports(mesh.node("ops1"), mesh.node("lb1"))).containsExactly(22);
        assertThat(mesh.peersOf(mesh.node("lb1"))).extracting(Mesh.Node::name).containsExactly("app1", "ops1");
    }
}
