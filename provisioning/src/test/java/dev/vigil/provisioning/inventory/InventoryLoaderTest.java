package dev.vigil.provisioning.inventory;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class InventoryLoaderTest {

    private static final Path FILE = Path.of("/srv/fleet/ops.yaml");

    private static final String FULL = """
            ssh:
              user: admin
              port: 2222
              identities: [keys/id_ed25519, ~/.ssh/id_rsa]
              agent: false
              connect_timeout_seconds: 5
            domains:
              app: vigil.example.com
              ping: ping.example.com
            base:
              timezone: Europe/Dublin
              packages: [htop]
              root_crontab:
                - "15 4 * * * /usr/local/bin/ops-backup"
            roles:
              app: {version: 1.10, java_heap: 768m, http_port: 8081}
              db: {postgresql_version: 15, shared_buffers: 1GB, max_connections: 200, backup_bucket: s3://b/vigil}
              lb: {max_connections: 20000}
              watchdog: {interval_seconds: 20, fail_after: 2, recover_after: 4}
            hosts:
              - name: lb1
                ipv4: 203.0.113.10
                ipv6: 2001:db8::10
                wireguard: 10.100.0.1
                roles: [lb]
              - name: app1
                ipv4: 203.0.113.20
                wireguard: 10.100.1.1
                roles: [app]
                ssh: {user: root, port: 22}
              - name: db1
                ipv6: "2001:db8::30"
                roles: [db, watchdog]
            """;

    private static Inventory parse(String text) {
        return InventoryLoader.parse(FILE, text);
    }

    private static void assertProblem(String text, String location, String... fragments) {
        assertThatThrownBy(() -> parse(text)).isInstanceOf(InventoryException.class)
                .hasMessageStartingWith(FILE + ":" + location + ": ")
                .hasMessageContainingAll(fragments);
    }

    @Test
    void readsAFullInventoryIntoRecords() {
        Inventory inv = parse(FULL);
        assertThat(inv.hosts()).extracting(Host::name).containsExactly("lb1", "app1", "db1");
        Host lb1 = inv.host("lb1").orElseThrow();
        assertThat(lb1.ipv4().orElseThrow().getHostAddress()).isEqualTo("203.0.113.10");
        assertThat(lb1.ipv6().orElseThrow().getHostAddress()).isEqualTo("2001:db8:0:0:0:0:0:10");
        assertThat(lb1.wireguard().orElseThrow().getHostAddress()).isEqualTo("10.100.0.1");
        assertThat(lb1.ssh()).isEqualTo(new SshEndpoint("admin", 2222));
        assertThat(inv.host("app1").orElseThrow().ssh()).isEqualTo(new SshEndpoint("root", 22));
        Host db1 = inv.host("db1").orElseThrow();
        assertThat(db1.roles()).containsExactlyInAnyOrder(Role.DB, Role.WATCHDOG);
        assertThat(db1.sshAddress().getHostAddress()).isEqualTo("2001:db8:0:0:0:0:0:30");
        assertThat(inv.domains()).isEqualTo(new Domains("vigil.example.com", "ping.example.com"));
        assertThat(inv.settings().app()).isEqualTo(new RoleSettings.App("1.10", "768m", 8081, 8082, Optional.empty()));
        assertThat(inv.settings().db()).isEqualTo(new RoleSettings.Db(15, "1GB", "4MB", 200, "s3://b/vigil",
                Optional.empty(), "us-east-1", false, List.of()));
        assertThat(inv.settings().watchdog()).extracting(RoleSettings.Watchdog::intervalSeconds,
                RoleSettings.Watchdog::failAfter, RoleSettings.Watchdog::recoverAfter).containsExactly(20, 2, 4);
        assertThat(inv.settings().base().rootCrontab()).hasSize(1);
        assertThat(inv.ssh().identities().get(0)).isEqualTo(Path.of("/srv/fleet/keys/id_ed25519"));
        assertThat(inv.ssh().identities().get(1)).isEqualTo(Path.of(System.getProperty("user.home"), ".ssh/id_rsa"));
        assertThat(inv.ssh().knownHosts()).isEqualTo(Path.of("/srv/fleet/known_hosts"));
        assertThat(inv.ssh().connectTimeoutSeconds()).isEqualTo(5);
        assertThat(inv.ssh().agent()).isFalse();
    }

    @Test
    void selectsByNameAndRoleInInventoryOrder() {
        Inventory inv = parse(FULL);
        assertThat(inv.select(List.of(), List.of())).hasSize(3);
        assertThat(inv.select(List.of("db1"), Set.of(Role.LB))).extracting(Host::name).containsExactly("lb1", "db1");
        assertThatThrownBy(() -> inv.select(List.of("db9"), List.of())).hasMessageContaining("no host named \"db9\"");
    }

    @Test
    void unknownKeyIsReportedWhereItIs() {
        assertProblem("hosts:\n  - name: a1\n    ipv4: 10.0.0.1\n    rolez: [app]\n", "4:5",
                "hosts[0].rolez: unknown key \"rolez\"", "allowed here: ipv4, ipv6, name, roles, ssh, tier, wireguard");
    }

    @Test
    void unknownTopLevelKey() {
        assertProblem("hosts: []\nservers: []\n", "2:1", "unknown key \"servers\"");
    }

    @Test
    void wrongTypes() {
        assertProblem("ssh: {port: twenty}\nhosts: []\n", "1:13", "ssh.port: expected an integer, found a string");
        assertProblem("ssh: {agent: yes}\nhosts: []\n", "1:14", "ssh.agent: expected true or false, found a string");
        assertProblem("hosts: {name: a}\n", "1:8", "hosts: expected a list, found a mapping");
        assertProblem("hosts:\n  - name: [a, b]\n    ipv4: 10.0.0.1\n", "2:11", "hosts[0].name: expected a string, found a list");
        assertProblem("roles: {db: {max_connections: 1}}\nhosts: []\n", "1:31", "must be from 5 to 10000, not 1");
        assertProblem("roles: {app: {java_heap: lots}}\nhosts: []\n", "1:26", "expected a size like 512m");
    }

    @Test
    void duplicateHostName() {
        assertProblem("hosts:\n  - {name: a1, ipv4: 10.0.0.1}\n  - {name: a1, ipv4: 10.0.0.2}\n", "3:12",
                "hosts[1].name: duplicate name a1 (also host \"a1\")");
    }

    @Test
    void duplicateAddressAcrossKinds() {
        assertProblem("hosts:\n  - {name: a1, ipv4: 10.0.0.1}\n  - {name: a2, ipv4: 10.0.0.9, wireguard: 10.0.0.1}\n",
                "3:43", "hosts[1].wireguard: duplicate address 10.0.0.1 (also host \"a1\")");
    }

    @Test
    void duplicateKeyInAMapping() {
        assertProblem("hosts:\n  - name: a1\n    ipv4: 10.0.0.1\n    name: a2\n", "4:5", "duplicate key \"name\" (first at 2:5)");
    }

    @Test
    void unknownRole() {
        assertProblem("hosts:\n  - {name: a1, ipv4: 10.0.0.1, roles: [app, web]}\n", "2:45",
                "hosts[0].roles[1]: unknown role \"web\"; roles are lb, app, db, watchdog");
    }

    @Test
    void badAddresses() {
        assertProblem("hosts:\n  - {name: a1, ipv4: 10.0.0.300}\n", "2:22", "not an IPv4 address: \"10.0.0.300\"");
        assertProblem("hosts:\n  - {name: a1, ipv6: db.example.com}\n", "2:22", "not an IPv6 address");
        assertProblem("hosts:\n  - {name: a1}\n", "2:5", "host \"a1\" needs ipv4 or ipv6");
    }

    @Test
    void badHostName() {
        assertProblem("hosts:\n  - {name: App_1, ipv4: 10.0.0.1}\n", "2:12", "host names are lower-case");
    }

    @Test
    void invalidCrontabLineFailsAtLoad() {
        assertProblem("base:\n  root_crontab:\n    - \"61 * * * * /bin/true\"\nhosts: []\n", "3:7",
                "base.root_crontab[0]: invalid crontab line:");
    }

    @Test
    void crontabEnvironmentLinesAndCommentsAreKept() {
        // cron reads NAME=value lines (MAILTO=, PATH=, CRON_TZ=); docs/provisioning.md's full example has one
        List<String> lines = List.of("MAILTO=ops@example.com", "MAILTO=", "PATH = /usr/local/bin:/usr/bin:/bin",
                "CRON_TZ=Europe/Dublin", "# nightly", "17 4 * * * /usr/local/bin/ops-nightly");
        String yaml = "base:\n  root_crontab:\n" + lines.stream().map(l -> "    - \"" + l + "\"\n")
                .collect(java.util.stream.Collectors.joining()) + "hosts: []\n";
        assertThat(parse(yaml).settings().base().rootCrontab()).isEqualTo(lines);
    }

    @Test
    void aCrontabEnvironmentLineNeedsAVariableName() {
        assertProblem("base:\n  root_crontab:\n    - \"MAIL-TO=ops@example.com\"\nhosts: []\n", "3:7",
                "base.root_crontab[0]: invalid crontab line: \"MAIL-TO\" is not a variable name: an environment "
                        + "line is NAME=value, NAME of letters, digits and '_'");
    }

    @Test
    void pingPortDefaultsToTheOneAfterTheHttpPortAndMustDifferFromIt() {
        assertThat(parse("roles: {app: {http_port: 9000}}\nhosts: []\n").settings().app().pingPort()).isEqualTo(9001);
        assertThat(parse("roles: {app: {ping_port: 7000}}\nhosts: []\n").settings().app().pingPort()).isEqualTo(7000);
        assertProblem("roles: {app: {http_port: 9000, ping_port: 9000}}\nhosts: []\n", "1:43",
                "must differ from http_port (9000)");
    }

    @Test
    void missingHostsAndEmptyFileAndBadYaml() {
        assertProblem("ssh: {user: root}\n", "1:1", "missing required key \"hosts\"");
        assertProblem("", "1:1", "the file is empty");
        assertProblem("hosts: [\n", "1:9", "not valid YAML");
    }

    @Test
    void secretsDefaultBesideTheInventoryWithRecipientsRelativeToIt() {
        Inventory inv = parse("secrets: {recipients: [keys/alice.asc, /etc/ops/bob.asc]}\nhosts: []\n");
        assertThat(inv.secrets().file()).isEqualTo(Path.of("/srv/fleet/secrets.pgp"));
        assertThat(inv.secrets().recipients()).containsExactly(Path.of("/srv/fleet/keys/alice.asc"),
                Path.of("/etc/ops/bob.asc"));
        assertProblem("secrets: {file: s.pgp, keys: []}\nhosts: []\n", "1:24", "unknown key \"keys\"");
    }

    @Test
    void adminUserNeedsWellFormedSshKeys() {
        Inventory inv = parse("base: {admin_user: ops, admin_keys: [\"ssh-ed25519 AAAAC3Nza ops@laptop\"]}\nhosts: []\n");
        assertThat(inv.settings().base().adminUser()).contains("ops");
        assertThat(inv.settings().base().adminKeys()).containsExactly("ssh-ed25519 AAAAC3Nza ops@laptop");
        assertProblem("base: {admin_user: ops}\nhosts: []\n", "1:20", "admin_user needs admin_keys");
        assertProblem("base: {admin_user: Ops!, admin_keys: [\"ssh-ed25519 AAAA\"]}\nhosts: []\n", "1:20",
                "not a valid user name");
        assertProblem("base: {admin_user: ops, admin_keys: [\"AAAAC3Nza ops@laptop\"]}\nhosts: []\n", "1:38",
                "base.admin_keys[0]: expected an SSH public key line");
    }

    @Test
    void smtpRelayAndBackupSettingsAreChecked() {
        assertProblem("roles: {app: {smtp_relay: smtp.example.com}}\nhosts: []\n", "1:27", "expected host:port");
        assertProblem("roles: {db: {backup_bucket: vigil-backups}}\nhosts: []\n", "1:29", "expected s3://BUCKET");
        assertProblem("roles: {db: {backup_recipients: [nowhere.asc]}}\nhosts: []\n", "1:34",
                "roles.db.backup_recipients[0]: cannot read /srv/fleet/nowhere.asc");
        Inventory inv = parse("roles: {app: {smtp_relay: 'smtp.example.com:587'}, db: {backup_s3_path_style: true}}\n"
                + "hosts: []\n");
        assertThat(inv.settings().app().smtpRelay()).contains("smtp.example.com:587");
        assertThat(inv.settings().db().backupS3PathStyle()).isTrue();
        assertThat(inv.settings().db().backupS3Region()).isEqualTo("us-east-1");
    }

    @Test
    void peersUseTheWireguardAddressWhenThereIsOneElseThePublicOne() {
        Inventory inv = parse("""
                hosts:
                  - {name: db1, ipv4: 192.0.2.2, roles: [db]}
                  - {name: db2, ipv4: 192.0.2.5, wireguard: 10.100.2.2, roles: [db]}
                  - {name: db3, ipv6: "2001:db8::5", roles: [db]}
                """);
        assertThat(inv.host("db1").orElseThrow().peerAddress().getHostAddress()).isEqualTo("192.0.2.2");
        assertThat(inv.host("db2").orElseThrow().peerAddress().getHostAddress()).isEqualTo("10.100.2.2");
        assertThat(inv.host("db3").orElseThrow().peerAddress().getHostAddress()).isEqualTo("2001:db8:0:0:0:0:0:5");
    }
}
