package dev.vigil.haproxy;

import dev.vigil.provisioning.inventory.Host;
import dev.vigil.provisioning.inventory.Inventory;
import dev.vigil.provisioning.inventory.InventoryLoader;
import dev.vigil.provisioning.inventory.RoleSettings.KeyType;
import dev.vigil.provisioning.role.RecipeInputs;
import dev.vigil.provisioning.run.HostReport;
import dev.vigil.provisioning.run.Provision;
import dev.vigil.provisioning.run.ReportPrinter;
import dev.vigil.provisioning.run.Workflows;
import dev.vigil.provisioning.ssh.SshFleet;
import dev.vigil.provisioning.ssh.SshRemoteHost;
import dev.vigil.provisioning.task.Task;
import dev.vigil.provisioning.task.TaskContext;
import dev.vigil.provisioning.task.TaskResult;
import dev.vigil.provisioning.task.TaskRunner;
import dev.vigil.provisioning.task.TaskStatus;
import dev.vigil.provisioning.testbed.TestHost;
import dev.vigil.provisioning.testbed.TestHosts;
import dev.vigil.provisioning.testbed.TestTargets;
import dev.vigil.provisioning.testbed.Testbed;
import dev.vigil.testsupport.Await;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two real load balancers on test hosts, made by the lb recipe exactly as {@code ops provision} runs it (HAProxy
 * and socat installed, certificates, haproxy.cfg checked on the host, reload). Their app servers are two tiny HTTP
 * responders (socat) on loopback addresses of each balancer itself, so two hosts prove it. Then: status over SSH
 * shows every server UP; a configuration the host's haproxy -c refuses is never installed and the old one keeps
 * serving; drain over SSH moves app1 to DRAIN on both; an inventory change is a diff in a dry run that changes
 * nothing, then a reload on both that keeps app1 drained; ready brings it back; a second run changes nothing.
 */
@TestHosts(2)
class LbFleetIT {

    private static final String RESPONDER = """
            #!/bin/sh
            # a request's head, then one answer: enough HTTP for HAProxy's checks and a test's request
            while IFS= read -r line; do
              case "$line" in ""|"$(printf '\\r')") break;; esac
            done
            printf 'HTTP/1.1 200 OK\\r\\nContent-Length: 3\\r\\nConnection: close\\r\\n\\r\\nok\\n'
            """;

    private final TestCertificates ca = new TestCertificates();
    private final TestClient client = new TestClient(ca.trustStore());

    @Test
    void provisionedBalancersApplyDrainReloadAndReady(Testbed testbed, List<TestHost> hosts, @TempDir Path dir)
            throws Exception {
        Files.copy(hosts.get(0).knownHosts(), dir.resolve("known_hosts"));
        TestFleet.writeCertificates(dir, ca);
        Path file = dir.resolve("ops.yaml");
        Files.writeString(file, inventory(hosts, 4096));
        Inventory inventory = InventoryLoader.load(file);
        List<Host> lbs = LbWorkflows.balancers(inventory.hosts());

        // ops provision of the two lb hosts: the base recipe, then the lb recipe with the haproxy tasks
        StringWriter provisioned = new StringWriter();
        Map<String, List<Task>> recipes = Workflows.recipes(inventory, lbs,
                RecipeInputs.none().withLbConfiguration(LbTasks::forHost));
        long t0 = System.nanoTime();
        List<HostReport> reports;
        try (SshFleet fleet = new SshFleet(inventory, lbs)) {
            ReportPrinter printer = new ReportPrinter(new PrintWriter(provisioned, true), false, false);
            reports = Provision.run(fleet.hosts(), recipes, false, 2, printer::host);
            printer.summary(reports);
        }
        System.err.printf("[timing] provisioning 2 fresh lb hosts took %.1f s%n", (System.nanoTime() - t0) / 1e9);
        assertThat(reports).as(provisioned.toString()).noneMatch(HostReport::failed);
        assertThat(provisioned.toString()).contains("server states dumped to /var/lib/haproxy/server-state, reloaded");
        for (TestHost h : hosts) {
            assertThat(testbed.ssh(h, "cat " + LbTasks.CONFIG)).isEqualTo(LbWorkflows.render(inventory, h.name()));
            assertThat(testbed.ssh(h, "systemctl is-active haproxy").strip()).isEqualTo("active");
            assertThat(testbed.ssh(h, "stat -c '%a %U' /etc/haproxy/certs/vigil.example.com.ecdsa.pem").strip())
                    .isEqualTo("600 root");
            // the app servers: responders on two loopback addresses, main port and ping port
            testbed.ssh(h, "cat > /usr/local/bin/responder <<'EOF'\n" + RESPONDER + "EOF\n"
                    + "chmod 755 /usr/local/bin/responder"
                    + " && for a in 127.0.0.2 127.0.0.3; do for p in 8080 8081; do systemd-run --unit=app-$a-$p"
                    + " socat TCP-LISTEN:$p,bind=$a,fork,reuseaddr EXEC:/usr/local/bin/responder; done; done");
        }

        // ops lb status: every server UP on both balancers
        Await.until(Duration.ofSeconds(30), () -> count(status(inventory, lbs), " UP ") == 8,
                () -> "every server UP:\n" + status(inventory, lbs));
        String table = status(inventory, lbs);
        System.err.println("[output] status\n" + table);
        assertThat(table).startsWith("BALANCER").contains("BACKEND", "SERVER", "STATE", "SESSIONS")
                .containsPattern("h1 +app +app1 +UP +0\n").containsPattern("h2 +ping +app2 +UP +0\n");
        assertThat(get(hosts.get(0), TestFleet.PING_DOMAIN)).as("the ping domain over plain HTTP").isEqualTo(200);
        assertThat(get(hosts.get(1), TestFleet.APP_DOMAIN)).as("the app domain redirects").isEqualTo(301);
        TestClient.Response https = client.get(null, new InetSocketAddress(hosts.get(1).ip(), 443),
                TestClient.Tls.sni(TestFleet.APP_DOMAIN), TestFleet.APP_DOMAIN, "/", Map.of());
        assertThat(https.status()).as("the app domain over HTTPS, with the installed certificate").isEqualTo(200);
        assertThat(https.body()).isEqualTo("ok\n");

        // with roles.lb.acme: each balancer's renewal plan, and the relay of ACME tokens between the two hosts
        for (TestHost h : hosts) {
            assertThat(testbed.ssh(h, "cat " + RenewalPlan.PATH)).isEqualTo(RenewalPlan.of(HaproxyConfigs.forHost(
                    inventory, h.name()), inventory.settings().lb().acme().orElseThrow(), hosts.indexOf(h)).render());
            assertThat(testbed.ssh(h, "stat -c '%a %U' " + RenewalPlan.PATH).strip()).isEqualTo("600 root");
        }
        try (SshRemoteHost h2 = new SshRemoteHost(TestTargets.root(hosts.get(1)))) {
            RuntimeApi api = RuntimeApi.overSsh(h2, HaproxyConfig.Placement.DEBIAN.adminSocket());
            String map = HaproxyConfig.Placement.DEBIAN.acmeChallenges();
            api.addMapEntry(map, "held-by-h2", "held-by-h2.thumbprint");
            try {
                TestClient.Response relayed = client.get(null, new InetSocketAddress(hosts.get(0).ip(), 80), null,
                        TestFleet.APP_DOMAIN, "/.well-known/acme-challenge/held-by-h2", Map.of());
                assertThat(relayed.status() + " " + relayed.body()).as("h1 relays to h2 over the hosts' addresses")
                        .isEqualTo("200 held-by-h2.thumbprint");
                TestClient.Response unknown = client.get(null, new InetSocketAddress(hosts.get(1).ip(), 80), null,
                        TestFleet.APP_DOMAIN, "/.well-known/acme-challenge/nobody-has-it", Map.of());
                assertThat(unknown.status()).as("h2 -> h1 -> 404").isEqualTo(404);
            } finally {
                api.deleteMapEntry(map, "held-by-h2");
            }
        }

        // status says when something is wrong: a server DOWN, a balancer that cannot be asked
        testbed.ssh(hosts.get(0), "systemctl stop app-127.0.0.3-8080");
        Await.until(Duration.ofSeconds(20), () -> status(inventory, lbs).matches("(?s).*h1 +app +app2 +DOWN .*"),
                () -> "app2 DOWN on h1:\n" + status(inventory, lbs));
        assertThat(LbWorkflows.status(inventory, lbs, new PrintWriter(new StringWriter()))).as("a server DOWN")
                .isFalse();
        testbed.ssh(hosts.get(0), "systemctl reset-failed app-127.0.0.3-8080 2>/dev/null; "
                + "systemd-run --unit=app-127.0.0.3-8080 socat TCP-LISTEN:8080,bind=127.0.0.3,fork,"
                + "reuseaddr EXEC:/usr/local/bin/responder");
        Await.until(Duration.ofSeconds(20), () -> count(status(inventory, lbs), " UP ") == 8,
                () -> "every server UP again:\n" + status(inventory, lbs));
        Inventory withDeadLb = InventoryLoader.parse(file, inventory(hosts, 4096)
                + "  - {name: lb3, ipv4: " + testbed.unusedAddress() + ", roles: [lb]}\n");
        StringWriter partial = new StringWriter();
        assertThat(LbWorkflows.status(withDeadLb, LbWorkflows.balancers(withDeadLb.hosts()),
                new PrintWriter(partial))).isFalse();
        assertThat(partial.toString()).as("the others are still shown").containsPattern("h2 +ping +app2 +UP ")
                .contains("lb3: FAILED cannot connect to lb3");

        // a configuration the host's haproxy -c refuses is never installed; the old one keeps serving
        TestHost lb1 = hosts.get(0);
        String good = testbed.ssh(lb1, "cat " + LbTasks.CONFIG);
        long pid = workerPid(lb1);
        HaproxyConfig config = HaproxyConfigs.forHost(inventory, lb1.name());
        List<TaskResult> refused;
        try (SshRemoteHost r = new SshRemoteHost(TestTargets.root(lb1))) {
            refused = TaskRunner.run(new TaskContext(r), LbTasks.forConfig(config, good
                    + "    no-such-keyword on\n"), TaskRunner.Mode.APPLY);
        }
        TaskResult last = refused.get(refused.size() - 1);
        assertThat(last.task()).isEqualTo("file " + LbTasks.CONFIG);
        assertThat(last.status()).isEqualTo(TaskStatus.FAILED);
        System.err.println("[output] refused\n" + last.message());
        assertThat(last.message()).contains("rejected by", "haproxy -c", "no-such-keyword", "nothing changed");
        assertThat(testbed.ssh(lb1, "cat " + LbTasks.CONFIG)).isEqualTo(good);
        assertThat(workerPid(lb1)).as("not reloaded").isEqualTo(pid);
        assertThat(get(lb1, TestFleet.PING_DOMAIN)).isEqualTo(200);

        // ops lb drain app1: DRAIN in both backends on both balancers
        StringWriter drained = new StringWriter();
        Load drainLoad = new Load(hosts);
        try {
            drainLoad.awaitMore(20);
            assertThat(LbWorkflows.drain(inventory, lbs, "app1", Duration.ofSeconds(20), false,
                    new PrintWriter(drained))).as(drained.toString()).isTrue();
            drainLoad.awaitMore(20);
        } finally {
            drainLoad.close();
        }
        System.err.printf("[measure] drain of app1 on both balancers under load: %d requests, %d failed %s%n",
                drainLoad.requests.get(), drainLoad.failures.get(), drainLoad.firstFailures);
        assertThat(drainLoad.failures.get()).as("failed during the drain: " + drainLoad.firstFailures).isZero();
        assertThat(drained.toString()).contains("app1 drained on h1, h2");
        System.err.println("[output] drain\n" + drained + status(inventory, lbs));
        assertThat(count(status(inventory, lbs), " DRAIN ")).isEqualTo(4);

        // an inventory change: a dry run shows the diff and changes nothing; apply reloads both, app1 stays drained
        Files.writeString(file, inventory(hosts, 2048));
        Inventory changed = InventoryLoader.load(file);
        StringWriter dry = new StringWriter();
        assertThat(LbWorkflows.apply(changed, lbs, LbWorkflows.tasks(changed, lbs), true, 2, false,
                new PrintWriter(dry))).as(dry.toString()).isTrue();
        System.err.println("[output] apply --dry-run\n" + dry);
        assertThat(dry.toString()).contains("-    maxconn 4096", "+    maxconn 2048", "would change",
                "server states dumped");
        assertThat(testbed.ssh(lb1, "cat " + LbTasks.CONFIG)).isEqualTo(good);
        long[] before = {workerPid(hosts.get(0)), workerPid(hosts.get(1))};
        StringWriter applied = new StringWriter();
        Load load = new Load(hosts);
        try {
            assertThat(LbWorkflows.apply(changed, lbs, LbWorkflows.tasks(changed, lbs), false, 2, false,
                    new PrintWriter(applied))).as(applied.toString()).isTrue();
            load.awaitMore(20); // requests after the reload too, served by the new workers
        } finally {
            load.close();
        }
        System.err.printf("[measure] reload of both balancers under load: %d requests, %d failed %s%n",
                load.requests.get(), load.failures.get(), load.firstFailures);
        assertThat(load.requests.get()).as("the load ran").isPositive();
        assertThat(load.failures.get()).as("requests failed during the reloads: " + load.firstFailures).isZero();
        System.err.println("[output] apply\n" + applied);
        assertThat(applied.toString()).contains("reloaded (changed: " + LbTasks.CONFIG + ")");
        for (int i = 0; i < 2; i++) {
            assertThat(workerPid(hosts.get(i))).as("a new worker on " + hosts.get(i).name()).isNotEqualTo(before[i]);
            assertThat(testbed.ssh(hosts.get(i), "cat " + LbTasks.CONFIG)).contains("maxconn 2048");
            assertThat(testbed.ssh(hosts.get(i), "cat /var/lib/haproxy/server-state")).startsWith("1\n")
                    .contains(" app1 ");
        }
        String afterReload = status(changed, lbs);
        assertThat(count(afterReload, " DRAIN ")).as("app1 stays drained through the reload:\n" + afterReload)
                .isEqualTo(4);
        assertThat(afterReload).containsPattern("h2 +app +app1 +DRAIN ").containsPattern("h1 +ping +app2 +UP ");

        // ops lb ready app1 --dry-run, then ops lb ready app1
        StringWriter wouldReady = new StringWriter();
        assertThat(LbWorkflows.ready(changed, lbs, "app1", true, new PrintWriter(wouldReady))).isTrue();
        System.err.println("[output] ready --dry-run\n" + wouldReady);
        assertThat(wouldReady.toString()).contains("h1: app/app1 is DRAIN with 0 session(s); would set READY",
                "(dry run: nothing is changed)");
        assertThat(count(status(changed, lbs), " DRAIN ")).isEqualTo(4);
        StringWriter ready = new StringWriter();
        assertThat(LbWorkflows.ready(changed, lbs, "app1", false, new PrintWriter(ready))).isTrue();
        Await.until(Duration.ofSeconds(10), () -> count(status(changed, lbs), " UP ") == 8,
                () -> "every server UP again:\n" + status(changed, lbs));

        // a second run changes nothing, and reloads nothing
        long[] steady = {workerPid(hosts.get(0)), workerPid(hosts.get(1))};
        StringWriter again = new StringWriter();
        assertThat(LbWorkflows.apply(changed, lbs, LbWorkflows.tasks(changed, lbs), false, 2, false,
                new PrintWriter(again))).as(again.toString()).isTrue();
        assertThat(again.toString()).contains("0 tasks changed");
        assertThat(new long[]{workerPid(hosts.get(0)), workerPid(hosts.get(1))}).isEqualTo(steady);

        // ops lb certs: what each balancer serves per name and key type (the test CA's: a day left, under 14)
        CertificateSurvey.Report served = LbWorkflows.served(changed, lbs, Instant.now());
        System.err.println("[output] certs\n" + served.table());
        assertThat(served.rows()).hasSize(8).allSatisfy(r -> assertThat(r.problem()).as(r.toString()).isEmpty());
        assertThat(served.ok()).isFalse();
        assertThat(served.table()).containsPattern("h2 +" + TestFleet.PING_DOMAIN.replace(".", "\\.") + " +rsa +")
                .contains("less than 14 days left");

        // a certificate renewed elsewhere (newer on the host) is kept by apply; a newer inventory file replaces it
        String installed = "/etc/haproxy/certs/" + TestFleet.APP_DOMAIN + ".ecdsa.pem";
        String renewedElsewhere = Files.readString(ca.write(dir.resolve("elsewhere.pem"), KeyType.ECDSA,
                Duration.ofDays(60), TestFleet.APP_DOMAIN));
        testbed.ssh(lb1, "cat > " + installed + " <<'EOF'\n" + renewedElsewhere + "EOF\nsystemctl reload haproxy");
        StringWriter kept = new StringWriter();
        assertThat(LbWorkflows.apply(changed, lbs, LbWorkflows.tasks(changed, lbs), false, 2, false,
                new PrintWriter(kept))).as(kept.toString()).isTrue();
        assertThat(kept.toString()).as("the host's newer certificate stays").contains("0 tasks changed");
        assertThat(testbed.ssh(lb1, "cat " + installed)).isEqualTo(renewedElsewhere);
        ca.write(dir.resolve("certs/app-ecdsa.pem"), KeyType.ECDSA, Duration.ofDays(90), TestFleet.APP_DOMAIN);
        Inventory newer = InventoryLoader.load(file);
        StringWriter replaced = new StringWriter();
        assertThat(LbWorkflows.apply(newer, lbs, LbWorkflows.tasks(newer, lbs), false, 2, false,
                new PrintWriter(replaced))).as(replaced.toString()).isTrue();
        assertThat(replaced.toString()).contains("reloaded (changed: " + installed + ")");
        Await.until(Duration.ofSeconds(20), () -> LbWorkflows.served(newer, lbs, Instant.now()).rows().stream()
                        .filter(r -> r.name().equals(TestFleet.APP_DOMAIN) && r.type() == KeyType.ECDSA)
                        .allMatch(r -> r.notAfter().orElseThrow().isAfter(Instant.now().plus(Duration.ofDays(80)))),
                () -> "the 90-day certificate served:\n" + LbWorkflows.served(newer, lbs, Instant.now()).table());

        // status and drain of a name that is no app server fail before any balancer is asked
        assertThat(org.assertj.core.api.Assertions.catchThrowable(() -> LbWorkflows.drain(changed, lbs, "h1",
                Duration.ofSeconds(1), false, new PrintWriter(new StringWriter()))))
                .hasMessage("host h1 is not an app server (its roles: [lb]); drain and ready take an app server");
    }

    /**
     * One client thread, a new HTTPS connection per request to the app domain, alternating between the two
     * balancers; an answer other than 200 "ok" or an I/O error is a failed request.
     */
    private final class Load implements AutoCloseable {
        final AtomicLong requests = new AtomicLong();
        final AtomicLong failures = new AtomicLong();
        final List<String> firstFailures = new CopyOnWriteArrayList<>();
        private final AtomicBoolean running = new AtomicBoolean(true);
        private final Thread thread;

        /** Until {@code n} more requests have been made (answered or failed), or a minute passes. */
        void awaitMore(int n) {
            long target = requests.get() + n;
            Await.until(Duration.ofMinutes(1), () -> requests.get() >= target, () -> requests.get() + " requests, "
                    + "waiting for " + target);
        }

        Load(List<TestHost> hosts) {
            thread = new Thread(() -> {
                for (int i = 0; running.get(); i++) {
                    requests.incrementAndGet();
                    try {
                        TestClient.Response r = client.get(null, new InetSocketAddress(hosts.get(i % 2).ip(), 443),
                                TestClient.Tls.sni(TestFleet.APP_DOMAIN), TestFleet.APP_DOMAIN, "/", Map.of());
                        if (r.status() != 200 || !r.body().equals("ok\n")) {
                            failed(r.status() + " " + r.body());
                        }
                    } catch (Exception e) {
                        failed(e.toString());
                    }
                }
            });
            thread.start();
        }

        private void failed(String why) {
            failures.incrementAndGet();
            if (firstFailures.size() < 5) {
                firstFailures.add(why);
            }
        }

        @Override
        public void close() throws InterruptedException {
            running.set(false);
            thread.join(30_000);
        }
    }

    private static String inventory(List<TestHost> hosts, int maxConnections) {
        return """
                ssh: {identities: [%s], connect_timeout_seconds: 5}
                domains: {app: %s, ping: %s}
                roles:
                  app: {http_port: 8080, ping_port: 8081}
                  lb:
                    max_connections: %d
                    health_check: {inter: 500ms, fall: 2, rise: 1, slowstart: 1s}
                    acme: {directory: "https://acme.invalid/directory"}
                    certificates:
                      - {ecdsa: certs/app-ecdsa.pem, rsa: certs/app-rsa.pem}
                      - {ecdsa: certs/ping-ecdsa.pem, rsa: certs/ping-rsa.pem}
                hosts:
                  - {name: %s, ipv4: %s, roles: [lb]}
                  - {name: %s, ipv4: %s, roles: [lb]}
                  - {name: app1, ipv4: 127.0.0.2, roles: [app]}
                  - {name: app2, ipv4: 127.0.0.3, roles: [app]}
                """.formatted(hosts.get(0).rootKey(), TestFleet.APP_DOMAIN, TestFleet.PING_DOMAIN, maxConnections,
                hosts.get(0).name(), hosts.get(0).ip(), hosts.get(1).name(), hosts.get(1).ip());
    }

    private static String status(Inventory inventory, List<Host> lbs) {
        StringWriter out = new StringWriter();
        LbWorkflows.status(inventory, lbs, new PrintWriter(out));
        return out.toString();
    }

    private static int count(String text, String word) {
        int n = 0;
        for (int i = text.indexOf(word); i >= 0; i = text.indexOf(word, i + 1)) {
            n++;
        }
        return n;
    }

    private static long workerPid(TestHost h) {
        try (SshRemoteHost r = new SshRemoteHost(TestTargets.root(h))) {
            return RuntimeApi.overSsh(r, HaproxyConfig.Placement.DEBIAN.adminSocket()).workerPid();
        }
    }

    /** The status of {@code GET /} for {@code domain} through {@code lb}, over plain HTTP. */
    private int get(TestHost lb, String domain) throws Exception {
        return client.get(null, new InetSocketAddress(lb.ip(), 80), null, domain, "/", Map.of()).status();
    }
}
