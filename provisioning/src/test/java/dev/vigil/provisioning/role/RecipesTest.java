package dev.vigil.provisioning.role;

import dev.vigil.provisioning.inventory.Inventory;
import dev.vigil.provisioning.inventory.InventoryLoader;
import dev.vigil.provisioning.inventory.RoleSettings;
import dev.vigil.provisioning.secrets.MissingSecretException;
import dev.vigil.provisioning.secrets.Secrets;
import dev.vigil.provisioning.task.CopiedFile;
import dev.vigil.provisioning.task.ManagedFile;
import dev.vigil.provisioning.task.MemorySizedFile;
import dev.vigil.provisioning.task.Nftables;
import dev.vigil.provisioning.task.SystemdService;
import dev.vigil.provisioning.task.Task;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RecipesTest {

    @TempDir
    static Path fleet;

    private static Inventory inventory;
    private static TestFleet full;

    @BeforeAll
    static void writeFleet() throws IOException {
        full = TestFleet.full(fleet);
        inventory = full.inventory();
    }

    private static List<Task> recipe(String host) {
        return full.recipe(host);
    }

    private static ManagedFile managed(List<Task> tasks, String path) {
        return tasks.stream().filter(t -> t instanceof ManagedFile f && f.path().equals(path))
                .map(ManagedFile.class::cast).findFirst().orElseThrow(() -> new AssertionError("no file " + path));
    }

    private static String file(List<Task> tasks, String path) {
        return new String(managed(tasks, path).content(), StandardCharsets.UTF_8);
    }

    private static String ruleset(String host) {
        return recipe(host).stream().filter(t -> t instanceof Nftables).map(t -> ((Nftables) t).ruleset())
                .findFirst().orElseThrow();
    }

    @Test
    void everyHostGetsTheBaseRecipeFirst() {
        for (String h : List.of("app1", "db1", "lb1")) {
            assertThat(recipe(h).get(0).name()).isEqualTo(
                    "packages installed: cron tzdata ca-certificates sudo nftables systemd-timesyncd unattended-upgrades");
            assertThat(file(recipe(h), "/etc/vigil/host.env")).startsWith("VIGIL_HOST=" + h + "\n");
            assertThat(recipe(h)).extracting(Task::name).contains("service systemd-timesyncd.service",
                    "login user ops", "file /etc/apt/apt.conf.d/20auto-upgrades", "service systemd-journald.service");
        }
        assertThat(recipe("lb1")).extracting(Task::name).doesNotContain("service vigil.service");
    }

    @Test
    void sshTakesKeysOnlyAndNoRootOnceThereIsAnAdmin() {
        List<Task> tasks = recipe("app1");
        assertThat(file(tasks, "/etc/ssh/sshd_config.d/90-vigil.conf")).contains("PasswordAuthentication no\n",
                "KbdInteractiveAuthentication no\n", "PermitRootLogin no\n");
        assertThat(file(tasks, "/home/ops/.ssh/authorized_keys")).isEqualTo("ssh-ed25519 AAAAC3Nza ops@laptop\n");
        assertThat(managed(tasks, "/home/ops/.ssh/authorized_keys").meta().mode()).isEqualTo(0600);
        assertThat(file(tasks, "/etc/sudoers.d/90-vigil-admin")).contains("ops ALL=(ALL:ALL) NOPASSWD: ALL");
        assertThat(managed(tasks, "/etc/sudoers.d/90-vigil-admin").validator()).isPresent();
    }

    @Test
    void anAdminWhileOpsLogsInAsRootWouldLockOpsOut() throws IOException {
        Path file = fleet.resolve("root.yaml");
        Files.writeString(file, """
                base: {admin_user: ops, admin_keys: ["ssh-ed25519 AAAAC3Nza ops@laptop"]}
                hosts: [{name: h1, ipv4: 192.0.2.9}]
                """);
        Inventory inv = InventoryLoader.load(file);
        assertThatThrownBy(() -> Recipes.forHost(inv, inv.hosts().get(0), RecipeInputs.none()))
                .hasMessageContaining("ops is set to log in as root: set ssh.user to ops")
                .hasMessageContaining("--ssh-user root");
    }

    @Test
    void firewallOpensEachPortToTheTierThatUsesIt() {
        assertThat(ruleset("lb1")).contains("policy drop;", "tcp dport 2222 accept", "tcp dport { 80, 443 } accept")
                .doesNotContain("5432");
        assertThat(ruleset("app1")).contains("tcp dport 22 accept",
                "ip saddr { 10.100.0.1 } tcp dport 8081 accept", "ip saddr { 10.100.0.1 } tcp dport 8082 accept")
                .doesNotContain("443");
        assertThat(ruleset("db1")).contains("ip saddr { 10.100.1.1, 192.0.2.4 } tcp dport 5432 accept",
                "udp dport 51820 accept").doesNotContain("8081");
        assertThat(ruleset("app2")).as("app2 has no WireGuard address").doesNotContain("udp dport");
    }

    @Test
    void appEnvironmentHoldsSettingsAndSecretsInARootOnlyFile() {
        List<Task> tasks = recipe("app1");
        assertThat(file(tasks, "/etc/vigil/app.env")).isEqualTo("""
                # Written by 'ops provision' from the inventory and the secrets.
                JAVA_OPTS=-Xmx768m -XX:+UseSerialGC
                VIGIL_PORT=8081
                VIGIL_PING_PORT=8082
                VIGIL_RUNTIME_DIR=/var/lib/vigil/payara
                VIGIL_MAINTENANCE_FILE=/var/lib/vigil/maintenance/on
                VIGIL_SITE_ROOT=https://vigil.example.com
                VIGIL_PING_ENDPOINT=https://ping.example.com/
                VIGIL_TRUSTED_PROXIES=10.100.0.1
                VIGIL_DB_URL=jdbc:postgresql://10.100.2.1:5432,10.100.2.2:5432/vigil?targetServerType=primary
                VIGIL_DB_USER=vigil
                VIGIL_DB_PASSWORD="pa\\"ss$word"
                VIGIL_SMTP_HOST=127.0.0.1
                VIGIL_SMTP_PORT=25
                """);
        ManagedFile env = managed(tasks, "/etc/vigil/app.env");
        assertThat(env.secret()).isTrue();
        assertThat(env.meta().toString()).isEqualTo("root:root 0600");
        assertThat(tasks).extracting(Task::name).contains("directory /var/lib/vigil/maintenance",
                "service vigil.service", "packages installed: postfix", "service postfix.service");
    }

    @Test
    void mailGoesThroughAPostfixNullClientWithTheProvidersLogin() {
        List<Task> tasks = recipe("app1");
        assertThat(file(tasks, "/etc/postfix/main.cf")).contains("inet_interfaces = loopback-only\n",
                "mydestination =\n", "relayhost = [smtp.example.com]:587\n", "smtp_tls_security_level = encrypt\n",
                "smtp_sasl_password_maps = texthash:/etc/postfix/sasl_passwd\n", "myhostname = app1.vigil.example.com\n");
        assertThat(file(tasks, "/etc/postfix/sasl_passwd"))
                .isEqualTo("[smtp.example.com]:587 vigil@example.com:mail-secret\n");
        assertThat(managed(tasks, "/etc/postfix/sasl_passwd").secret()).isTrue();
        assertThat(managed(tasks, "/etc/postfix/sasl_passwd").meta().mode()).isEqualTo(0600);
    }

    @Test
    void aMissingSecretFailsBeforeAnyServerIsTouched() {
        assertThatThrownBy(() -> Recipes.forHost(inventory, inventory.host("app1").orElseThrow(),
                new RecipeInputs(Secrets.none(), Optional.of(full.opsJar()))))
                .isInstanceOf(MissingSecretException.class)
                .hasMessage("secret database.password is not set (the app recipe needs it); set it with "
                        + "'ops secrets set database.password'");
    }

    @Test
    void dbListensOnLocalhostAndItsWireguardAddressAndLetsOnlyAppServersIn() {
        List<Task> tasks = recipe("db1");
        assertThat(tasks).filteredOn(t -> t.name().equals("file /etc/postgresql/16/main/conf.d/vigil.conf"))
                .singleElement().isInstanceOf(MemorySizedFile.class);
        RoleSettings.Db db = inventory.settings().db();
        assertThat(DbRecipe.tuning(db, "localhost,10.100.2.1", 4096)).isEqualTo("""
                # Written by 'ops provision' from the inventory and this host's memory (4096 MiB); edits here are
                # overwritten.
                listen_addresses = 'localhost,10.100.2.1'
                max_connections = 300
                shared_buffers = 1GB
                effective_cache_size = 3072MB
                maintenance_work_mem = 204MB
                work_mem = 4MB
                """);
        RoleSettings.Db auto = new RoleSettings.Db(db.postgresqlVersion(), "auto", db.workMem(), db.maxConnections(),
                db.backupBucket(), db.backupS3Endpoint(), db.backupS3Region(), db.backupS3PathStyle(),
                db.backupRecipients());
        assertThat(DbRecipe.tuning(auto, "localhost", 16_384)).contains("shared_buffers = 4096MB",
                "effective_cache_size = 12288MB", "maintenance_work_mem = 819MB");
        assertThat(DbRecipe.tuning(auto, "localhost", 256)).contains("shared_buffers = 128MB",
                "maintenance_work_mem = 64MB");
        assertThat(file(tasks, "/etc/postgresql/16/main/pg_hba.conf"))
                .contains("host    vigil     vigil     10.100.1.1/32    scram-sha-256  # app1\n",
                        "host    vigil     vigil     192.0.2.4/32     scram-sha-256  # app2\n")
                .doesNotContain("10.100.0.1");
        assertThat(tasks).extracting(Task::name).contains("service postgresql@16-main.service",
                "postgresql database vigil owned by vigil");
        assertThat(tasks.stream().filter(t -> t.name().startsWith("postgresql database")).findFirst().orElseThrow()
                .toString()).doesNotContain("pa\"ss");
    }

    @Test
    void backupsRunFromCronWithTheirOwnChecksAndSettingsOnlyPostgresCanRead() {
        List<Task> tasks = recipe("db2");
        assertThat(file(tasks, "/etc/cron.d/vigil-backup")).contains(
                "15 2 * * * postgres . /etc/vigil/backup.env && ops backup run --database vigil --prefix prod "
                        + "--recipient /etc/vigil/backup-keys/backup.asc --ping-url \"$VIGIL_BACKUP_PING_URL\"\n",
                "45 3 * * * postgres . /etc/vigil/backup.env && ops run --ping-url \"$VIGIL_PRUNE_PING_URL\" "
                        + "--timeout 900 -- ops backup prune --prefix prod --keep-days 60 --keep-min 7\n");
        assertThat(file(tasks, "/etc/vigil/backup.env")).contains(
                "export VIGIL_BACKUP_S3_ENDPOINT='https://s3.example.net'\n",
                "export VIGIL_BACKUP_S3_BUCKET='vigil-backups'\n", "export VIGIL_BACKUP_S3_PATH_STYLE=true\n",
                "export VIGIL_BACKUP_S3_SECRET_KEY='it'\\''s secret'\n",
                "export VIGIL_BACKUP_PING_URL='https://vigil.example.com/ping/b'\n");
        assertThat(managed(tasks, "/etc/vigil/backup.env").meta().toString()).isEqualTo("postgres:postgres 0600");
        assertThat(file(tasks, "/etc/vigil/backup-keys/backup.asc")).startsWith("-----BEGIN PGP PUBLIC KEY BLOCK");
        assertThat(tasks).anyMatch(t -> t instanceof CopiedFile c && c.path().equals("/opt/vigil/ops.jar"));
        assertThat(file(tasks, "/usr/local/bin/ops")).contains("exec java -XX:+UseSerialGC -Xmx128m $OPS_JAVA_OPTS -jar /opt/vigil/ops.jar");
    }

    @Test
    void withoutTheOpsJarDbBackupsAndTheWatchdogCannotBeInstalled() {
        assertThatThrownBy(() -> Recipes.forHost(inventory, inventory.host("db2").orElseThrow(),
                new RecipeInputs(TestFleet.FULL_SECRETS, Optional.empty())))
                .hasMessageContaining("installs the ops jar on the server, but this ops does not run from a jar");
    }

    @Test
    void watchdogRunsOpsWithTheInventoryCopyAndDnsCredentials() {
        List<Task> tasks = recipe("db1");
        assertThat(file(tasks, "/etc/vigil/watchdog.env"))
                .isEqualTo("# Written by 'ops provision' from the secrets.\nVIGIL_WATCHDOG_TSIG_SECRET=\"c2VjcmV0\"\n");
        assertThat(managed(tasks, "/etc/vigil/watchdog.env").meta().toString()).isEqualTo("root:root 0600");
        assertThat(file(tasks, "/etc/vigil/ops.yaml")).contains("name: db1");
        SystemdService unit = tasks.stream().filter(t -> t instanceof SystemdService s
                        && s.unit().equals("vigil-watchdog.service")).map(SystemdService.class::cast).findFirst()
                .orElseThrow();
        assertThat(unit.unitFile().orElseThrow()).contains("EnvironmentFile=/etc/vigil/watchdog.env",
                "ExecStart=/usr/bin/java -jar /opt/vigil/ops.jar watchdog run --inventory /etc/vigil/ops.yaml "
                        + "--state /var/lib/vigil-watchdog/state.json");
        assertThat(unit.running()).isTrue();
    }

    @Test
    void taskNamesAreUniqueWithinARecipeEvenWhenRolesShareSteps() {
        for (String h : List.of("app1", "db1", "db2", "lb1")) {
            List<String> names = recipe(h).stream().map(Task::name).toList();
            assertThat(names).doesNotHaveDuplicates();
        }
        assertThat(recipe("db1")).extracting(Task::name).containsOnlyOnce("file /opt/vigil/ops.jar");
    }
}
