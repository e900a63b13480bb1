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

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The smallest fleet that proves the tier rules (one lb, one app, one db) on real test hosts with wireguard-go.
 * db joins a running lb + app mesh without resetting their session (wg syncconf, plus the route to db). Then: app reaches db's PostgreSQL port over WireGuard; lb cannot reach db at all, even with the nftables layer
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
        String head = """
                ssh: { identities: [%s] }
                roles: { app: { http_port: 8080 } }
                hosts:
                  - { name: %s, ipv4: %s, wireguard: %s, roles: [lb] }
                  - { name: %s, ipv4: %s, wireguard: %s, roles: [app] }
                """.formatted(lb.rootKey(), lb.name(), lb.ip(), LB, app.name(), app.ip(), APP);
        // the test hosts' kernel has no WireGuard module: wg-quick falls back to wireguard-go
        for (TestHost h : hosts) {
            testbed.ssh(h, "apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "
                    + "--no-install-recommends wireguard-tools wireguard-go nftables netcat-openbsd >/dev/null");
        }

        // first lb and app alone, with a live session between them
        Files.writeString(file, head);
        Inventory two = InventoryLoader.load(file);
        assertThat(WgWorkflows.keys(two, two.hosts(), false, 3, new PrintWriter(new StringWriter()))).isTrue();
        assertThat(WgWorkflows.apply(two, two.hosts(), WgWorkflows.tasks(two, two.hosts()), false, 3, false,
                new PrintWriter(new StringWriter()))).isTrue();
        String lbKey = PublicKeys.load(two.network().keysFile()).of(lb.name()).orElseThrow();
        connects(testbed, lb, APP, 8080); // starts the handshake (nothing listens there; app's answer is a reset)
        Await.until(Duration.ofSeconds(30), () -> !handshake(testbed, app, lbKey).equals("0"),
                () -> "a handshake between lb and app");
        String before = handshake(testbed, app, lbKey);

        // then db joins: app's wg0 is reloaded in place, so the lb session stays, and gets a route to db
        Files.writeString(file, head + "  - { name: %s, ipv4: %s, wireguard: %s, roles: [db] }\n".formatted(
                db.name(), db.ip(), DB));
        Inventory inventory = InventoryLoader.load(file);

        // ops wg keys: each host makes its own key; only the public halves come back, into the key file
        StringWriter out = new StringWriter();
        assertThat(WgWorkflows.keys(inventory, inventory.hosts(), false, 3, new PrintWriter(out))).as(out.toString())
                .isTrue();
        PublicKeys keys = PublicKeys.load(inventory.network().keysFile());
        assertThat(keys.keys()).hasSize(3);
        assertThat(keys.of(lb.name())).as("a second run keeps every key").contains(lbKey);
        for (TestHost h : hosts) {
            assertThat(testbed.ssh(h, "stat -c %a /etc/wireguard/wg0.key").strip()).isEqualTo("600");
            assertThat(testbed.ssh(h, "wg pubkey < /etc/wireguard/wg0.key").strip()).isEqualTo(keys.of(h.name())
                    .orElseThrow());
        }

        // ops wg add db --dry-run writes nothing; ops wg add db (db and its peers); then nothing is left to change
        StringWriter dry = new StringWriter();
        assertThat(MeshChanges.add(inventory, db.name(), true, 3, false, new PrintWriter(dry))).as(dry.toString())
                .isTrue();
        assertThat(dry.toString()).contains("+AllowedIPs = " + DB + "/32", "+probe " + db.name() + " " + DB);
        assertThat(testbed.ssh(db, "test -e /etc/wireguard/wg0.conf || echo absent")).contains("absent");
        assertThat(testbed.ssh(app, "wg show wg0 peers")).doesNotContain(keys.of(db.name()).orElseThrow());
        StringWriter applied = new StringWriter();
        assertThat(MeshChanges.add(inventory, db.name(), false, 3, false, new PrintWriter(applied)))
                .as(applied.toString()).isTrue();
        assertThat(applied.toString()).contains("reloaded with wg syncconf");
        assertThat(testbed.ssh(app, "wg show wg0 public-key").strip()).as("app keeps its key through syncconf")
                .isEqualTo(keys.of(app.name()).orElseThrow());
        assertThat(handshake(testbed, app, lbKey)).as("app's session with lb survives db joining").isEqualTo(before);
        assertThat(testbed.ssh(app, "ip route show dev wg0")).contains(DB);
        Mesh mesh = Mesh.of(inventory);
        MeshRenderer renderer = new MeshRenderer(mesh, keys);
        for (Mesh.Node n : mesh.nodes()) {
            try (SshRemoteHost r = new SshRemoteHost(TestTargets.root(hostNamed(hosts, n.name())))) {
                List<TaskResult> again = TaskRunner.run(new TaskContext(r), WgTasks.forHost(renderer, mesh, n),
                        TaskRunner.Mode.PLAN);
                assertThat(again).as("a second run changes nothing: " + again).extracting(TaskResult::status)
                        .containsOnly(TaskStatus.OK);
            }
        }

        // listeners on db's WireGuard address: the policy's port and one it does not name
        testbed.ssh(db, "systemd-run --unit=pg-standin nc -lk " + DB + " 5432 && systemd-run --unit=other-port "
                + "nc -lk " + DB + " 6000");
        Await.until(Duration.ofSeconds(10), () -> testbed.ssh(db, "ss -ltn").contains(DB + ":6000"),
                () -> "listeners on db");

        Await.until(Duration.ofSeconds(30), () -> connects(testbed, app, DB, 5432), () -> "app -> db:5432; app: "
                + testbed.ssh(app, "wg show wg0; ip route; nft list ruleset") + "; db: "
                + testbed.ssh(db, "wg show wg0; ip route; nft list ruleset; ss -ltn"));
        assertThat(connects(testbed, app, DB, 6000)).as("app -> db:6000, not in the policy").isFalse();
        assertThat(testbed.ssh(app, "wg show wg0 peers | wc -l").strip()).isEqualTo("2");

        assertThat(connects(testbed, lb, DB, 5432)).as("lb -> db").isFalse();

        // ops wg verify: the expected matrix, every cell as the policy says
        StringWriter matrix = new StringWriter();
        assertThat(WgWorkflows.verify(inventory, inventory.hosts(), 3, new PrintWriter(matrix)))
                .as(matrix.toString()).isTrue();
        System.err.println(matrix);
        assertThat(matrix.toString()).contains("allowed 8080,8081", "allowed 5432", "denied",
                "every pair behaves as the policy says").doesNotContain("UNEXPECTED");
        // the scheduled job's half, on each host itself from the plan ops wg apply installed: the same answers
        for (TestHost h : List.of(lb, app, db)) {
            Verify.Local own = local(testbed, h);
            assertThat(own.ok()).as(own.report(h.name())).isTrue();
            assertThat(own.cells()).hasSize(2);
        }
        assertThat(local(testbed, app).report(app.name())).contains(app.name() + " -> " + db.name() + ": allowed 5432",
                "every destination behaves as the policy says");
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
        // and verify catches it: with the tables gone on lb and db, app reaches their sshd (and their closed
        // ports answer), which the policy does not allow
        StringWriter broken = new StringWriter();
        assertThat(WgWorkflows.verify(inventory, inventory.hosts(), 3, new PrintWriter(broken)))
                .as(broken.toString()).isFalse();
        System.err.println(broken);
        assertThat(broken.toString()).contains("UNEXPECTED 22 open", "2 unexpected cell(s)"); // app -> db and app -> lb
        Verify.Local appBroken = local(testbed, app);
        assertThat(appBroken.ok()).isFalse();
        assertThat(appBroken.report(app.name())).contains(app.name() + " -> " + db.name() + ": UNEXPECTED 22 open",
                "2 unexpected destination(s), 0 peer list difference(s)");
        for (TestHost h : List.of(lb, db)) {
            testbed.ssh(h, "nft -f /etc/wireguard/wg0.nft");
        }
        testbed.ssh(lb, "ip route del " + DB + "/32 dev wg0");
        testbed.ssh(db, "ip route del " + LB + "/32 dev wg0");

        // ops wg rotate app: a new key made on app, lb and db swap the peer's key; the old key no longer gets in
        String oldKey = keys.of(app.name()).orElseThrow();
        testbed.ssh(app, "cp /etc/wireguard/wg0.key /root/old.key");
        StringWriter rotateDry = new StringWriter();
        assertThat(MeshChanges.rotate(inventory, app.name(), true, 3, false, new PrintWriter(rotateDry)))
                .as(rotateDry.toString()).isTrue();
        assertThat(rotateDry.toString()).contains("would make a new key", "-PublicKey = " + oldKey);
        assertThat(testbed.ssh(app, "wg show wg0 public-key").strip()).as("a dry run keeps the key").isEqualTo(oldKey);
        StringWriter rotated = new StringWriter();
        assertThat(MeshChanges.rotate(inventory, app.name(), false, 3, false, new PrintWriter(rotated)))
                .as(rotated.toString()).isTrue();
        System.err.println(rotated);
        String newKey = PublicKeys.load(inventory.network().keysFile()).of(app.name()).orElseThrow();
        assertThat(newKey).isNotEqualTo(oldKey);
        assertThat(testbed.ssh(app, "wg show wg0 public-key").strip()).isEqualTo(newKey);
        for (TestHost peer : List.of(lb, db)) {
            assertThat(testbed.ssh(peer, "wg show wg0 peers")).contains(newKey).doesNotContain(oldKey);
        }
        Await.until(Duration.ofSeconds(30), () -> connects(testbed, app, DB, 5432), () -> "app -> db with the new key");
        StringWriter afterRotate = new StringWriter();
        assertThat(WgWorkflows.verify(inventory, inventory.hosts(), 3, new PrintWriter(afterRotate)))
                .as(afterRotate.toString()).isTrue();
        assertThat(afterRotate.toString()).contains("peer lists: every host lists exactly the peers the policy gives");
        // a peer added by hand on lb (db, which the policy keeps from lb) is a hole that verify names, though the
        // probes alone would still see lb -> db denied: db does not list lb
        String dbPeer = keys.of(db.name()).orElseThrow();
        testbed.ssh(lb, "wg set wg0 peer " + dbPeer + " allowed-ips " + DB + "/32");
        StringWriter handAdded = new StringWriter();
        assertThat(WgWorkflows.verify(inventory, inventory.hosts(), 3, new PrintWriter(handAdded)))
                .as(handAdded.toString()).isFalse();
        System.err.println(handAdded);
        assertThat(handAdded.toString()).contains("peer lists: 1 difference(s) from the policy",
                lb.name() + ": lists a peer the policy does not give it: " + dbPeer + " (AllowedIPs " + DB + "/32)",
                "0 unexpected cell(s), 1 peer list difference(s)");
        assertThat(local(testbed, lb).report(lb.name())).contains(lb.name() + ": lists a peer the policy does not "
                + "give it: " + dbPeer, "0 unexpected destination(s), 1 peer list difference(s)");
        testbed.ssh(lb, "wg set wg0 peer " + dbPeer + " remove");
        testbed.ssh(app, "wg set wg0 private-key /root/old.key");
        assertThat(connects(testbed, app, DB, 5432)).as("app -> db with the old key").isFalse();
        assertThat(connects(testbed, lb, APP, 8080)).as("lb -> app with app on the old key").isFalse();
        testbed.ssh(app, "wg set wg0 private-key /etc/wireguard/wg0.key; rm /root/old.key");
        Await.until(Duration.ofSeconds(30), () -> connects(testbed, app, DB, 5432), () -> "app -> db, new key back");

        // ops wg remove db: app drops the peer and its route, db's wg0 stops, db's key leaves the file
        String dbKey = keys.of(db.name()).orElseThrow();
        StringWriter removeDry = new StringWriter();
        assertThat(MeshChanges.remove(inventory, db.name(), true, 3, false, new PrintWriter(removeDry)))
                .as(removeDry.toString()).isTrue();
        assertThat(removeDry.toString()).contains("-AllowedIPs = " + DB + "/32");
        assertThat(testbed.ssh(app, "wg show wg0 peers")).as("a dry run keeps the peer").contains(dbKey);
        StringWriter removed = new StringWriter();
        assertThat(MeshChanges.remove(inventory, db.name(), false, 3, false, new PrintWriter(removed)))
                .as(removed.toString()).isTrue();
        System.err.println(removed);
        assertThat(testbed.ssh(app, "wg show wg0 peers")).doesNotContain(dbKey).contains(lbKey);
        assertThat(testbed.ssh(app, "ip route show dev wg0")).doesNotContain(DB);
        assertThat(testbed.ssh(db, "wg show wg0 >/dev/null 2>&1 && echo up || echo down").strip()).isEqualTo("down");
        assertThat(PublicKeys.load(inventory.network().keysFile()).of(db.name())).isEmpty();
        assertThat(connects(testbed, app, DB, 5432)).as("app -> db after db left").isFalse();
    }

    /** The time of {@code host}'s latest handshake with the peer {@code key}: "0" when none. */
    private static String handshake(Testbed testbed, TestHost host, String key) {
        return testbed.ssh(host, "wg show wg0 latest-handshakes").lines().filter(l -> l.startsWith(key))
                .map(l -> l.substring(key.length()).strip()).findFirst().orElse("0");
    }

    private static TestHost hostNamed(List<TestHost> hosts, String name) {
        return hosts.stream().filter(h -> h.name().equals(name)).findFirst().orElseThrow();
    }

    private static boolean connects(Testbed testbed, TestHost from, String address, int port) {
        return testbed.ssh(from, "timeout 5 bash -c '</dev/tcp/" + address + "/" + port + "' 2>/dev/null && echo "
                + "open || echo closed").strip().endsWith("open");
    }

    /** What the host's own scheduled job sees: its installed plan, checked on the host over SSH. */
    private static Verify.Local local(Testbed testbed, TestHost h) {
        VerifyPlan plan = VerifyPlan.parse(testbed.ssh(h, "cat " + VerifyPlan.PATH));
        assertThat(plan.host()).isEqualTo(h.name());
        try (SshRemoteHost remote = new SshRemoteHost(TestTargets.root(h))) {
            return Verify.local(plan, remote);
        }
    }
}
