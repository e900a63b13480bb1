package dev.vigil.provisioning.task;

import dev.vigil.provisioning.config.NftRuleset;

import dev.vigil.provisioning.remote.FileMeta;
import dev.vigil.provisioning.run.HostReport;
import dev.vigil.provisioning.run.Provision;
import dev.vigil.provisioning.run.ReportPrinter;
import dev.vigil.provisioning.ssh.SshRemoteHost;
import dev.vigil.provisioning.testbed.TestHost;
import dev.vigil.provisioning.testbed.TestHosts;
import dev.vigil.provisioning.testbed.TestTargets;
import dev.vigil.provisioning.testbed.Testbed;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every task kind on a real host: first run changes it, a second run changes nothing, a manual edit shows up as
 * a diff in a dry run without being touched, and a real run puts it back and restarts the service using it.
 * The steps build on each other, hence the order.
 */
@TestHosts(1)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class TasksIT {

    private static final String CONF = "/etc/vigil-demo/demo.conf";
    private static final String UNIT = """
            [Unit]
            Description=Vigil test service (reads %s)
            [Service]
            ExecStart=/bin/sh -c 'cat %s >/dev/null; exec sleep infinity'
            [Install]
            WantedBy=multi-user.target
            """.formatted(CONF, CONF);

    private static final String RULES = """
            flush ruleset
            table inet filter {
              chain input {
                type filter hook input priority 0; policy drop;
                iif lo accept
                ct state established,related accept
                tcp dport 22 accept
              }
            }
            """;

    private static Testbed testbed;
    private static TestHost host;
    private static SshRemoteHost remote;

    @BeforeAll
    static void connect(Testbed tb, List<TestHost> hosts) {
        testbed = tb;
        host = hosts.get(0);
        remote = new SshRemoteHost(TestTargets.root(host));
    }

    @AfterAll
    static void disconnect() {
        if (remote != null) {
            remote.close();
        }
    }

    private static List<Task> recipe() {
        ManagedFile conf = ManagedFile.text(CONF, "greeting = hello\nport = 8080\n",
                new FileMeta("root", "adm", 0640));
        return List.of(
                PackagesInstalled.of("cron", "less", "nftables"),
                new SystemUser("vigil-demo", "/var/lib/vigil-demo"),
                PackagesAbsent.of("nano"),
                new ManagedDirectory("/etc/vigil-demo", FileMeta.rootOwned(0750)),
                conf,
                LineInFile.replacing("/etc/environment", "^VIGIL_DEMO=", "VIGIL_DEMO=1"),
                SystemdService.withUnitFile("vigil-demo.service", UNIT, conf),
                new UserCrontab("root", List.of("MAILTO=\"\"", "*/5 * * * * /bin/true", "@daily /bin/date")),
                new Symlink("/etc/vigil-demo/current", "/etc/vigil-demo/demo.conf"),
                new Sysctl("net.ipv4.tcp_fin_timeout", "20"),
                new Sysctl("vm.swappiness", "10"),     // read-only in a container: reported, not fatal
                new Timezone("Europe/Dublin"),
                new Nftables(RULES));
    }

    private static HostReport run(boolean dryRun) {
        StringWriter text = new StringWriter();
        ReportPrinter printer = new ReportPrinter(new PrintWriter(text), dryRun, true);
        long t0 = System.nanoTime();
        HostReport r = Provision.run(List.of(remote), Map.of(host.name(), recipe()), dryRun, 1, printer::host).get(0);
        System.err.printf("[timing] %s run took %.1f s%n%s", dryRun ? "dry run" : "apply", (System.nanoTime() - t0) / 1e9,
                text);
        return r;
    }

    @Test
    @Order(1)
    void firstRunProvisionsTheHostForReal() {
        HostReport r = run(false);
        assertThat(r.failed()).as("%s", r).isFalse();
        assertThat(r.count(TaskStatus.CHANGED)).isGreaterThanOrEqualTo(8);

        assertThat(testbed.ssh(host, "dpkg-query -W -f='${db:Status-Status}' less")).isEqualTo("installed");
        assertThat(testbed.ssh(host, "systemctl is-active vigil-demo.service").strip()).isEqualTo("active");
        assertThat(testbed.ssh(host, "systemctl is-enabled vigil-demo.service").strip()).isEqualTo("enabled");
        assertThat(testbed.ssh(host, "stat -c '%U %G %a' " + CONF).strip()).isEqualTo("root adm 640");
        assertThat(testbed.ssh(host, "crontab -l")).contains("*/5 * * * * /bin/true\n");
        assertThat(testbed.ssh(host, "readlink /etc/localtime").strip()).isEqualTo("/usr/share/zoneinfo/Europe/Dublin");
        assertThat(testbed.ssh(host, "grep -c '^VIGIL_DEMO=1$' /etc/environment").strip()).isEqualTo("1");
        assertThat(testbed.ssh(host, "sysctl -n net.ipv4.tcp_fin_timeout").strip()).isEqualTo("20");
        TaskResult swappiness = r.results().stream().filter(t -> t.task().startsWith("sysctl vm.")).findFirst()
                .orElseThrow();
        assertThat(swappiness.message()).contains("read-only");
        assertThat(testbed.ssh(host, "getent passwd vigil-demo")).endsWith(":/var/lib/vigil-demo:/usr/sbin/nologin\n");
        assertThat(testbed.ssh(host, "systemctl is-active nftables.service").strip()).isEqualTo("active");
        assertThat(testbed.ssh(host, "nft list chain inet filter input")).contains("policy drop", "tcp dport 22 accept");
    }

    @Test
    @Order(2)
    void secondRunChangesNothing() {
        HostReport r = run(false);
        assertThat(r.failed()).isFalse();
        assertThat(r.results()).allSatisfy(t -> assertThat(t.status()).as(t.task()).isEqualTo(TaskStatus.OK));
    }

    @Test
    @Order(3)
    void aDryRunShowsAManualEditAsADiffAndTouchesNothing() {
        testbed.ssh(host, "echo 'port = 9999' >> " + CONF + " && chmod 644 " + CONF);
        String since = activeSince();

        HostReport r = run(true);

        TaskResult conf = r.results().stream().filter(t -> t.task().equals("file " + CONF)).findFirst().orElseThrow();
        assertThat(conf.status()).isEqualTo(TaskStatus.CHANGED);
        assertThat(conf.message()).contains("content", "mode 0644 -> 0640");
        assertThat(conf.diff().orElseThrow()).contains("-port = 9999\n").contains("@@ -1,3 +1,2 @@");
        TaskResult service = r.results().stream().filter(t -> t.task().equals("service vigil-demo.service"))
                .findFirst().orElseThrow();
        assertThat(service.message()).isEqualTo("restarted");
        assertThat(r.count(TaskStatus.CHANGED)).isEqualTo(2);
        // nothing was touched
        assertThat(testbed.ssh(host, "tail -n1 " + CONF)).isEqualTo("port = 9999\n");
        assertThat(testbed.ssh(host, "stat -c %a " + CONF).strip()).isEqualTo("644");
        assertThat(activeSince()).isEqualTo(since);
    }

    @Test
    @Order(4)
    void aRealRunRestoresTheFileAndRestartsItsService() {
        String since = activeSince();
        HostReport r = run(false);
        assertThat(r.count(TaskStatus.CHANGED)).isEqualTo(2);
        assertThat(testbed.ssh(host, "cat " + CONF)).isEqualTo("greeting = hello\nport = 8080\n");
        assertThat(activeSince()).isNotEqualTo(since);
        assertThat(testbed.ssh(host, "systemctl is-active vigil-demo.service").strip()).isEqualTo("active");
    }

    @Test
    @Order(5)
    void aRulesetTheRealToolRejectsIsANoteInADryRunAndNeverWritten() {
        String before = testbed.ssh(host, "cat /etc/nftables.conf");
        Nftables broken = new Nftables(RULES.replace("tcp dport 22 accept", "tcp dport 22 acept"));

        TaskResult planned = TaskRunner.run(new TaskContext(remote), List.of(broken), TaskRunner.Mode.PLAN).get(0);
        assertThat(planned.status()).isEqualTo(TaskStatus.CHANGED);
        assertThat(planned.message()).contains("NOTE: rejected by 'nft -c -f /dev/stdin'", "on the host as it is now");

        TaskResult r = TaskRunner.run(new TaskContext(remote), List.of(broken), TaskRunner.Mode.APPLY).get(0);

        assertThat(r.status()).isEqualTo(TaskStatus.FAILED);
        assertThat(r.message()).contains("rejected by 'nft -c -f /dev/stdin'", "acept");
        assertThat(r.diff().orElseThrow()).contains("+    tcp dport 22 acept");
        assertThat(testbed.ssh(host, "cat /etc/nftables.conf")).isEqualTo(before);
        assertThat(testbed.ssh(host, "nft list chain inet filter input")).contains("tcp dport 22 accept");
    }

    @Test
    @Order(6)
    void aChangedRulesetIsReloadedAndLeavesOtherTablesAlone() {
        testbed.ssh(host, "nft add table inet vigil_wg"); // as wg-quick's PostUp loads the private network's table
        Nftables vigil = new Nftables(new NftRuleset(List.of(NftRuleset.Rule.tcp("ssh", 22),
                NftRuleset.Rule.tcp("extra", 8443))).render());

        TaskResult r = TaskRunner.run(new TaskContext(remote), List.of(vigil), TaskRunner.Mode.APPLY).get(0);

        assertThat(r.status()).as("%s", r).isEqualTo(TaskStatus.CHANGED);
        assertThat(r.message()).contains("service nftables.service: reloaded").doesNotContain("restarted");
        assertThat(testbed.ssh(host, "nft list tables")).contains("table inet vigil_wg", "table inet vigil\n");
        assertThat(testbed.ssh(host, "nft list chain inet vigil input")).contains("tcp dport 8443 accept");
        TaskResult again = TaskRunner.run(new TaskContext(remote), List.of(vigil), TaskRunner.Mode.APPLY).get(0);
        assertThat(again.status()).as("%s", again).isEqualTo(TaskStatus.OK);
    }

    private static String activeSince() {
        return testbed.ssh(host, "systemctl show -p ActiveEnterTimestampMonotonic vigil-demo.service").strip();
    }
}
