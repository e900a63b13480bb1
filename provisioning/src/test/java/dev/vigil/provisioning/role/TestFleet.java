package dev.vigil.provisioning.role;

import dev.vigil.provisioning.inventory.Inventory;
import dev.vigil.provisioning.inventory.InventoryLoader;
import dev.vigil.provisioning.secrets.Secrets;
import dev.vigil.provisioning.task.Task;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The fleets the recipe tests build from, written into a folder: {@code full} uses every role and option (an
 * admin user, WireGuard, the mail relay with a login, backups, the watchdog); {@code plain} the defaults (root
 * logins with keys, no domains, a relay without login, IPv6 peers without WireGuard, a root crontab).
 */
record TestFleet(Inventory inventory, Secrets secrets, Path opsJar) {

    static final Secrets FULL_SECRETS = Secrets.of(Map.of(
            "database.password", "pa\"ss$word",
            "smtp.user", "vigil@example.com", "smtp.password", "mail-secret",
            "backup.s3_access_key", "AKIA1", "backup.s3_secret_key", "it's secret",
            "backup.ping_url", "https://vigil.example.com/ping/b", "backup.prune_ping_url",
            "https://vigil.example.com/ping/p",
            "watchdog.tsig_secret", "c2VjcmV0"));

    static TestFleet full(Path dir) throws IOException {
        Files.writeString(dir.resolve("backup.asc"), "-----BEGIN PGP PUBLIC KEY BLOCK-----\nabc\n"
                + "-----END PGP PUBLIC KEY BLOCK-----\n");
        Path file = dir.resolve("ops.yaml");
        Files.writeString(file, """
                ssh: {user: ops}
                domains: {app: vigil.example.com, ping: ping.example.com}
                base: {admin_user: ops, admin_keys: ["ssh-ed25519 AAAAC3Nza ops@laptop"]}
                roles:
                  app: {java_heap: 768m, http_port: 8081, smtp_relay: "smtp.example.com:587"}
                  db:
                    postgresql_version: 16
                    shared_buffers: 1GB
                    max_connections: 300
                    backup_bucket: s3://vigil-backups/prod
                    backup_s3_endpoint: https://s3.example.net
                    backup_s3_path_style: true
                    backup_recipients: [backup.asc]
                hosts:
                  - {name: app1, ipv4: 192.0.2.1, wireguard: 10.100.1.1, roles: [app]}
                  - {name: app2, ipv4: 192.0.2.4, roles: [app]}
                  - {name: db1, ipv4: 192.0.2.2, wireguard: 10.100.2.1, roles: [db, watchdog]}
                  - {name: db2, ipv4: 192.0.2.5, wireguard: 10.100.2.2, roles: [db]}
                  - {name: lb1, ipv4: 192.0.2.3, wireguard: 10.100.0.1, roles: [lb], ssh: {port: 2222}}
                """);
        return new TestFleet(InventoryLoader.load(file), FULL_SECRETS, Files.write(dir.resolve("ops.jar"),
                new byte[]{1, 2, 3}));
    }

    static TestFleet plain(Path dir) throws IOException {
        Path file = dir.resolve("plain.yaml");
        Files.writeString(file, """
                base:
                  timezone: Europe/Dublin
                  packages: [htop]
                  root_crontab: ["17 4 * * * /usr/local/bin/nightly", "@daily /usr/local/bin/rotate"]
                roles:
                  app: {smtp_relay: "smtp.example.com:25"}
                hosts:
                  - {name: lb1, ipv6: "2001:db8::10", roles: [lb]}
                  - {name: app1, ipv4: 192.0.2.20, ipv6: "2001:db8::20", roles: [app]}
                  - {name: db1, ipv6: "2001:db8::30", roles: [db]}
                """);
        return new TestFleet(InventoryLoader.load(file), Secrets.of(Map.of("database.password", "plain")),
                dir.resolve("no-ops.jar"));
    }

    List<Task> recipe(String host) {
        return Recipes.forHost(inventory, inventory.host(host).orElseThrow(), new RecipeInputs(secrets,
                Files.exists(opsJar) ? Optional.of(opsJar) : Optional.empty()));
    }
}
