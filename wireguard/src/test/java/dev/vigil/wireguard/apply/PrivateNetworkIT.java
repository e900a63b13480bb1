package dev.vigil.wireguard.apply;

import dev.vigil.provisioning.inventory.Inventory;
import dev.vigil.provisioning.inventory.InventoryLoader;
import dev.vigil.provisioning.ssh.SshRemoteHost;
import dev.vigil.provisioning.task.TaskContext;
import dev.vigil.provisioning.task.TaskResult;
import dev.vigil.provisioning.task.TaskRunner;
import dev.vigil.provisioning.task.TaskStatus;
import dev.vigil.provisioning.testbed.TestHost;
import dev.vigil.provisioning.testbed.TestHosts;
import dev.vigil.provisioning.testbed.TestTargets;
import dev.vigil.provisioning.testbed.Testbed;
import dev.vigil.testsupport.Await;
import dev.vigil.wireguard.key.PublicKeys;
import dev.vigil.wireguard.mesh.Mesh;
import dev.vigil.wireguard.mesh.MeshRenderer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The smallest fleet that proves the tier rules (one lb, one app, one db) on real test hosts with wireguard-go:
 * app reaches db's PostgreSQL port over WireGuard; lb cannot reach db at all, even with the nftables layer
 * flushed on both and a route to db forced onto wg0, because lb and db are not each other's peers; and db's
 * nftables table refuses app a port the policy does not name until it is flushed.
 */
@TestHosts(3)
class PrivateNetworkIT {

    private static final String LB = "10.9.0.1";
    private static final String APP = "10.9.0.2";
    private static final String DB = "10.9.0.3";

    @Test
    void appReachesDbAndLbNeverDoes(Testbed testbed, List<TestHost> hosts, @TempDir Path dir) throws Exception {
        TestHost lb = hosts.get(0);
        TestHost app = hosts.get(1);
        TestHost db = hosts.get(2);
        Files.copy(lb.knownHosts(), dir.resolve("known_hosts"));
        Path file = dir.resolve("ops.yaml");
        Files.writeString(file, """
                ssh: { identities: [%s] }
                roles: { app: { http_port: 8080 } }
                hosts:
                  - { name: %s, ipv4: %s, wireguard: %s, roles: [lb] }
                  - { name: %s, ipv4: %s, wireguard: %s, roles: [app] }
                  - { name: %s, ipv4: %s, wireguard: %s, roles: [db] }
                """.formatted(lb.rootKey(), lb.name(), lb.ip(), LB, app.name(), app.ip(), APP, db.name(), db.ip(),
                DB));
        Inventory inventory = InventoryLoader.load(file);
        Mesh mesh = Mesh.of(inventory);
        // the test hosts' kernel has no WireGuard module: wg-quick falls back to wireguard-go
        for (TestHost h : hosts) {
            testbed.ssh(h, "apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "
                    + "--no-install-recommends wireguard-tools wireguard-go nftables netcat-openbsd >/dev/null");
        }

        Map<String, SshRemoteHost> remotes = new LinkedHashMap<>();
        PublicKeys keys = PublicKeys.load(inventory.network().keysFile());
        try {
            for (TestHost h : hosts) {
                SshRemoteHost r = new SshRemoteHost(TestTargets.root(h));
                remotes.put(h.name(), r);
                String pub = HostKey.ensure(r);
                assertThat(HostKey.ensure(r)).as("a second run keeps the key").isEqualTo(pub);
                keys = keys.with(h.name(), pub);
                assertThat(testbed.ssh(h, "stat -c %a /etc/wireguard/wg0.key").strip()).isEqualTo("600");
            }
            keys.save();
            assertThat(Files.readString(inventory.network().keysFile())).contains(keys.of(db.name()).orElseThrow());
            MeshRenderer renderer = new MeshRenderer(mesh, PublicKeys.load(inventory.network().keysFile()));

            for (Mesh.Node n : mesh.nodes()) {
                SshRemoteHost r = remotes.get(n.name());
                List<TaskResult> dry = TaskRunner.run(new TaskContext(r), WgTasks.forHost(renderer, mesh, n),
                        TaskRunner.Mode.PLAN);
                assertThat(dry).as(dry.toString()).extracting(TaskResult::status).doesNotContain(TaskStatus.FAILED);
                assertThat(r.check("test -e /etc/wireguard/wg0.conf || echo absent")).as("a dry run writes nothing")
                        .contains("absent");
                List<TaskResult> applied = TaskRunner.run(new TaskContext(r), WgTasks.forHost(renderer, mesh, n),
                        TaskRunner.Mode.APPLY);
                assertThat(applied).as(applied.toString()).extracting(TaskResult::status)
                        .doesNotContain(TaskStatus.FAILED);
                List<TaskResult> again = TaskRunner.run(new TaskContext(r), WgTasks.forHost(renderer, mesh, n),
                        TaskRunner.Mode.PLAN);
                assertThat(again).as("a second run changes nothing: " + again).extracting(TaskResult::status)
                        .containsOnly(TaskStatus.OK);
            }
        } finally {
            remotes.values().forEach(SshRemoteHost::close);
        }

        // listeners on db's WireGuard address: the policy's port and one it does not name
        testbed.ssh(db, "systemd-run --unit=pg-standin nc -lk " + DB + " 5432 && systemd-run --unit=other-port "
                + "nc -lk " + DB + " 6000");
        Await.until(Duration.ofSeconds(10), () -> testbed.ssh(db, "ss -ltn").contains(DB + ":6000"),
                () -> "listeners on db");

        Await.until(Duration.ofSeconds(30), () -> connects(testbed, app, DB, 5432), () -> "app -> db:5432");
        assertThat(connects(testbed, app, DB, 6000)).as("app -> db:6000, not in the policy").isFalse();
        assertThat(testbed.ssh(app, "wg show wg0 peers | wc -l").strip()).isEqualTo("2");

        assertThat(connects(testbed, lb, DB, 5432)).as("lb -> db").isFalse();
        // take away the second layer and force a route: still nothing, since db is no peer of lb
        for (TestHost h : List.of(lb, db)) {
            testbed.ssh(h, "nft delete table inet vigil_wg");
        }
        testbed.ssh(lb, "ip route replace " + DB + "/32 dev wg0");
        testbed.ssh(db, "ip route replace " + LB + "/32 dev wg0");
        assertThat(testbed.ssh(lb, "wg show wg0 allowed-ips")).doesNotContain(DB);
        assertThat(connects(testbed, lb, DB, 5432)).as("lb -> db with nftables flushed").isFalse();
        assertThat(connects(testbed, lb, DB, 6000)).as("lb -> db:6000 with nftables flushed").isFalse();
        // the flush on db does open the unnamed port to app, a peer: proof that the table was what refused it
        Await.until(Duration.ofSeconds(30), () -> connects(testbed, app, DB, 6000),
                () -> "app -> db:6000 once db's table is flushed");
    }

    private static boolean connects(Testbed testbed, TestHost from, String address, int port) {
        return testbed.ssh(from, "timeout 5 bash -c '</dev/tcp/" + address + "/" + port + "' 2>/dev/null && echo "
                + "open || echo closed").strip().endsWith("open");
    }
}
