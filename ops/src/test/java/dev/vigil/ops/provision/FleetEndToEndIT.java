package dev.vigil.ops.provision;

import dev.vigil.ops.OpsProcess;
import dev.vigil.ops.secrets.OperatorKey;
import dev.vigil.ops.secrets.OperatorKeys;
import dev.vigil.provisioning.testbed.TestHost;
import dev.vigil.provisioning.testbed.TestHostsExtension;
import dev.vigil.provisioning.testbed.Testbed;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The real ops command line (the shaded jar, as an operator runs it) against two fresh test hosts: secrets set
 * up, an app server and a database server (in a 1.5 GiB container) provisioned from one inventory of public
 * addresses only, a second run that changes nothing, {@code ops hosts} and {@code ops exec}, a dry run after a
 * manual edit, a changed secret rolled out; then the same hosts given WireGuard addresses (a second address on
 * their network stands in for the tunnel) and provisioned again: the app reaches PostgreSQL in both layouts.
 */
@ExtendWith(TestHostsExtension.class)
class FleetEndToEndIT {

    private static final String PASSPHRASE = "fleet passphrase";
    private static final String DB_PASSWORD = "pg-secret-1";
    private static final String SMTP_PASSWORD = "smtp-secret-1";
    private static final String S3_SECRET = "s3-secret-1";

    private Path fleet;
    private Map<String, String> env;

    private OpsProcess.Result ops(String... args) throws Exception {
        return opsWithInput(null, args);
    }

    private OpsProcess.Result opsWithInput(String stdin, String... args) throws Exception {
        List<String> all = new ArrayList<>(List.of(args));
        int dashes = all.indexOf("--");
        all.addAll(dashes < 0 ? all.size() : dashes, List.of("--inventory", fleet.resolve("ops.yaml").toString()));
        String[] a = all.toArray(String[]::new);
        long t0 = System.nanoTime();
        OpsProcess.Result r = stdin == null ? OpsProcess.run(fleet, env, a) : OpsProcess.runWithInput(fleet, env, stdin, a);
        System.err.printf("[timing] ops %s: %.1f s, exit %d%n%s%s", String.join(" ", args),
                (System.nanoTime() - t0) / 1e9, r.status(), r.out(), r.err());
        return r;
    }

    private String exec(String host, String command) throws Exception {
        OpsProcess.Result r = ops("exec", host, "--", command);
        assertThat(r.status()).as(r.out() + r.err()).isZero();
        return r.out();
    }

    @Test
    void provisionsAnAppAndADbServerFromTheCommandLine(Testbed testbed, @TempDir Path dir) throws Exception {
        fleet = dir;
        TestHost app = testbed.dedicated();
        TestHost db = testbed.dedicated("1536M");
        try {
            OperatorKeys keys = new OperatorKeys(Files.createDirectory(fleet.resolve("keys")));
            keys.make("operator", PASSPHRASE);
            keys.make("backup", "offline passphrase");
            Files.copy(app.knownHosts(), fleet.resolve("known_hosts"));
            String adminKey = Files.readString(Path.of(app.rootKey() + ".pub")).strip();
            String bridge = app.ip().substring(0, app.ip().lastIndexOf('.')) + ".1";
            Files.writeString(fleet.resolve("ops.yaml"), """
                    ssh: {user: ops, identities: [%s], connect_timeout_seconds: 5}
                    domains: {app: vigil.test, ping: ping.vigil.test}
                    base:
                      admin_user: ops
                      admin_keys: ["%s"]
                    secrets: {recipients: [keys/operator.asc]}
                    roles:
                      app: {java_heap: 256m, smtp_relay: "%s:2525"}
                      db:
                        postgresql_version: 15
                        shared_buffers: 64MB
                        backup_bucket: s3://vigil-backups/test
                        backup_s3_endpoint: http://%s:9000
                        backup_s3_path_style: true
                        backup_recipients: [keys/backup.asc]
                    hosts:
                      - {name: app1, ipv4: %s, roles: [app]}
                      - {name: db1, ipv4: %s, roles: [db]}
                    """.formatted(app.rootKey(), adminKey, bridge, bridge, app.ip(), db.ip()));
            env = Map.of(OperatorKey.KEY_ENV, keys.secretKey("operator").toString(),
                    OperatorKey.PASSPHRASE_ENV, PASSPHRASE);

            assertThat(ops("secrets", "init").status()).isZero();
            assertThat(opsWithInput(DB_PASSWORD + "\n", "secrets", "set", "database.password").status()).isZero();
            // the rest as an operator would paste them in the editor
            Path more = Files.writeString(fleet.resolve("more-secrets.txt"), """
                    smtp.user = vigil@vigil.test
                    smtp.password = %s
                    backup.s3_access_key = vigil
                    backup.s3_secret_key = %s
                    backup.ping_url = https://vigil.test/ping/backup
                    backup.prune_ping_url = https://vigil.test/ping/prune
                    """.formatted(SMTP_PASSWORD, S3_SECRET));
            Map<String, String> withKey = env;
            env = new java.util.HashMap<>(withKey);
            env.put("EDITOR", "cat " + more + " >>");
            assertThat(ops("secrets", "edit").out()).contains("saved 7 secret(s)");

            // without the operator's key nothing is contacted: the recipes need the secrets
            env = Map.of();
            OpsProcess.Result noKey = ops("provision", "--ops-jar", OpsProcess.jar().toString());
            assertThat(noKey.status()).isEqualTo(2);
            assertThat(noKey.err()).startsWith("error: the secrets need your OpenPGP secret key");
            env = withKey;

            // the admin user does not exist yet: the error says how a new server's first run logs in
            OpsProcess.Result asAdmin = ops("provision", "--ops-jar", OpsProcess.jar().toString());
            assertThat(asAdmin.status()).as(asAdmin.out() + asAdmin.err()).isNotZero();
            assertThat(asAdmin.out() + asAdmin.err()).contains("cannot connect to db1 (ops@" + db.ip() + ":22): "
                    + "authentication failed for user ops with [" + app.rootKey() + "]. On a new server ops does not"
                    + " exist until the first provisioning, which logs in as root: ops provision --ssh-user root");

            // a new server's first run logs in as root; it makes the admin user and turns root logins off
            long t0 = System.nanoTime();
            OpsProcess.Result fresh = ops("provision", "--ssh-user", "root", "--ops-jar", OpsProcess.jar().toString());
            System.err.printf("[timing] fresh app + db hosts in parallel through the CLI: %.1f s%n",
                    (System.nanoTime() - t0) / 1e9);
            assertThat(fresh.status()).as(fresh.out() + fresh.err()).isZero();
            assertThat(fresh.out()).contains("installed postgresql-15", "installed openjdk-17-jre-headless",
                    "2 hosts, ", "0 hosts failed");
            assertNoSecretIn(fresh.out() + fresh.err());

            OpsProcess.Result again = ops("provision", "--ops-jar", OpsProcess.jar().toString());
            assertThat(again.status()).as(again.out() + again.err()).isZero();
            assertThat(again.out()).contains("0 tasks changed", "0 hosts failed");

            OpsProcess.Result hosts = ops("hosts");
            assertThat(hosts.status()).as(hosts.out() + hosts.err()).isZero();
            assertThat(hosts.out()).containsPattern("app1\\s+app\\s+" + app.ip().replace(".", "\\.") + "\\s+yes\\s+Debian")
                    .containsPattern("db1\\s+db\\s+");

            // secrets reach the app server as a root-only file, and nowhere else
            assertThat(exec("app1", "stat -c '%U:%G %a' /etc/vigil/app.env /etc/postfix/sasl_passwd"))
                    .contains("root:root 600\nroot:root 600");
            assertThat(exec("app1", "grep '^VIGIL_DB' /etc/vigil/app.env")).contains(
                    "VIGIL_DB_URL=jdbc:postgresql://" + db.ip() + ":5432/vigil?targetServerType=primary",
                    "VIGIL_DB_PASSWORD=\"" + DB_PASSWORD + "\"");
            assertThat(exec("app1", "systemctl is-enabled vigil.service; runuser -u vigil -- java -version 2>&1; "
                    + "stat -c %U:%G /var/lib/vigil/maintenance")).contains("enabled", "17.", "root:root");
            // the mail relay: running, and queueing while the provider (nothing listens there) is down
            assertThat(exec("app1", "systemctl is-active postfix && postfix check && "
                    + "printf 'Subject: alert\\n\\ntest\\n' | /usr/sbin/sendmail -f vigil@vigil.test oncall@example.com"
                    + " && for i in $(seq 50); do postqueue -p | grep -q oncall@example.com && break; sleep 0.2; done;"
                    + " postqueue -p")).contains("active", "oncall@example.com");

            // the db server: PostgreSQL for the app server only, at the address the app is given; sized for its
            // container's memory limit, not the machine's; backups from cron with their own checks
            assertThat(exec("db1", "systemctl is-active postgresql@15-main.service")).contains("active");
            assertThat(postgresAnswers(db.ip())).as("pg_hba admits the app server").isEqualTo("R");
            assertThat(exec("db1", "cat /etc/postgresql/15/main/conf.d/vigil.conf")).contains(
                    "this host's memory (1536 MiB)", "listen_addresses = 'localhost," + db.ip() + "'",
                    "effective_cache_size = 1152MB");
            assertThatThrownBy(() -> {
                try (Socket s = new Socket()) {
                    s.connect(new InetSocketAddress(db.ip(), 5432), 2000); // from the bridge: not an app server
                }
            }).as("the firewall drops PostgreSQL from elsewhere").isInstanceOf(IOException.class);
            assertThat(exec("db1", "stat -c '%U:%G %a' /etc/vigil/backup.env; cat /etc/cron.d/vigil-backup; "
                    + "runuser -u postgres -- ops --version")).contains("postgres:postgres 600",
                    "ops backup run --database vigil --prefix test --recipient /etc/vigil/backup-keys/backup.asc",
                    "ops run --ping-url \"$VIGIL_PRUNE_PING_URL\"");
            assertThat(exec("db1", "grep -c SECRET_KEY /etc/vigil/backup.env")).contains("1");

            // SSH: keys only, and root may no longer log in
            assertThat(exec("db1", "sshd -T | grep -E '^(permitrootlogin|passwordauthentication) '"))
                    .contains("permitrootlogin no", "passwordauthentication no");
            Process root = new ProcessBuilder("ssh", "-i", app.rootKey().toString(), "-o", "BatchMode=yes",
                    "-o", "UserKnownHostsFile=" + fleet.resolve("known_hosts"), "-o", "StrictHostKeyChecking=yes",
                    "-o", "ConnectTimeout=5", "root@" + app.ip(), "true").redirectErrorStream(true).start();
            String rootOut = new String(root.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(root.waitFor(30, TimeUnit.SECONDS)).isTrue();
            assertThat(root.exitValue()).as(rootOut).isEqualTo(255);
            assertThat(rootOut).contains("Permission denied");
            assertThat(testbed.ssh(app, "id -un").strip()).as("testbed.sh ssh falls back to the admin user")
                    .isEqualTo("ops");

            // a manual edit: --dry-run shows it as a diff and changes nothing; a real run puts it back
            String conf = "/etc/postgresql/15/main/conf.d/vigil.conf";
            exec("db1", "sed -i 's/^max_connections = 100/max_connections = 90/' " + conf);
            OpsProcess.Result check = ops("provision", "--dry-run", "--hosts", "db1", "--ops-jar",
                    OpsProcess.jar().toString());
            assertThat(check.status()).as(check.out() + check.err()).isZero();
            assertThat(check.out()).contains("-max_connections = 90", "+max_connections = 100",
                    "would change service postgresql@15-main.service: restarted", "(dry run: nothing is changed)");
            assertThat(exec("db1", "grep max_connections " + conf)).contains("max_connections = 90");

            // a changed secret: shown as changed, never displayed, then rolled out
            assertThat(opsWithInput("pg-secret-2\n", "secrets", "set", "database.password").status()).isZero();
            OpsProcess.Result secretCheck = ops("provision", "--dry-run", "--hosts", "app1");
            assertThat(secretCheck.out()).contains("content of /etc/vigil/app.env differs; not shown: it holds secrets");
            assertThat(secretCheck.out()).doesNotContain("pg-secret");
            OpsProcess.Result rollOut = ops("provision", "--ops-jar", OpsProcess.jar().toString());
            assertThat(rollOut.status()).as(rollOut.out() + rollOut.err()).isZero();
            assertThat(rollOut.out()).doesNotContain("pg-secret");
            assertThat(exec("app1", "grep '^VIGIL_DB_PASSWORD' /etc/vigil/app.env")).contains("\"pg-secret-2\"");
            assertThat(exec("db1", "grep max_connections " + conf)).contains("max_connections = 100");
            assertThat(exec("db1", "PGPASSWORD=pg-secret-2 psql -X -w -h 127.0.0.1 -U vigil -d vigil "
                    + "-Atc 'SELECT current_user'")).as("the app's login follows the secret").contains("vigil");

            // the other layout, on the same hosts: WireGuard addresses, which the fleet then uses for each other
            String appWg = "10.99.0.1";
            String dbWg = "10.99.0.2";
            exec("app1", "ip addr add " + appWg + "/24 dev host0");
            exec("db1", "ip addr add " + dbWg + "/24 dev host0");
            Path inventory = fleet.resolve("ops.yaml");
            Files.writeString(inventory, Files.readString(inventory)
                    .replace("ipv4: " + app.ip() + ",", "ipv4: " + app.ip() + ", wireguard: " + appWg + ",")
                    .replace("ipv4: " + db.ip() + ",", "ipv4: " + db.ip() + ", wireguard: " + dbWg + ","));
            OpsProcess.Result wg = ops("provision", "--ops-jar", OpsProcess.jar().toString());
            assertThat(wg.status()).as(wg.out() + wg.err()).isZero();
            assertThat(exec("app1", "grep '^VIGIL_DB_URL' /etc/vigil/app.env"))
                    .contains("VIGIL_DB_URL=jdbc:postgresql://" + dbWg + ":5432/vigil?targetServerType=primary");
            assertThat(exec("db1", "grep -E '^listen_addresses' /etc/postgresql/15/main/conf.d/vigil.conf; "
                    + "grep vigil /etc/postgresql/15/main/pg_hba.conf; nft list ruleset | grep 5432"))
                    .contains("listen_addresses = 'localhost," + dbWg + "'", appWg + "/32", appWg)
                    .doesNotContain(app.ip());
            assertThat(postgresAnswers(dbWg)).as("the app reaches PostgreSQL over WireGuard").isEqualTo("R");
            assertThat(postgresAnswers(db.ip())).as("and no longer at the public address").isEqualTo("closed");
        } finally {
            testbed.destroy(app);
            testbed.destroy(db);
        }
    }

    /**
     * What PostgreSQL at {@code address} says to app1 asking to log in to the vigil database as vigil: "R" (an
     * authentication request: listening, the firewall and pg_hba let app1 in), "E" (an error, e.g. no pg_hba
     * entry), or "closed" (nothing answers).
     */
    private String postgresAnswers(String address) throws Exception {
        // StartupMessage: length 35, protocol 3.0, user=vigil, database=vigil
        String startup = "\\x00\\x00\\x00\\x23\\x00\\x03\\x00\\x00user\\x00vigil\\x00database\\x00vigil\\x00\\x00";
        return exec("app1", "timeout 5 bash -c 'exec 3<>/dev/tcp/" + address + "/5432 && printf \"" + startup
                + "\" >&3 && head -c1 <&3; echo' 2>/dev/null || echo closed").strip().lines().reduce((a, b) -> b)
                .orElse("");
    }

    private static void assertNoSecretIn(String output) {
        assertThat(output).doesNotContain(DB_PASSWORD, SMTP_PASSWORD, S3_SECRET);
    }
}
