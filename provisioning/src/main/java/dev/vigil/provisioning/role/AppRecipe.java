package dev.vigil.provisioning.role;

import dev.vigil.provisioning.inventory.Host;
import dev.vigil.provisioning.inventory.Inventory;
import dev.vigil.provisioning.inventory.Role;
import dev.vigil.provisioning.inventory.RoleSettings;
import dev.vigil.provisioning.remote.FileMeta;
import dev.vigil.provisioning.secrets.Secrets;
import dev.vigil.provisioning.task.ManagedDirectory;
import dev.vigil.provisioning.task.ManagedFile;
import dev.vigil.provisioning.task.PackagesInstalled;
import dev.vigil.provisioning.task.SystemUser;
import dev.vigil.provisioning.task.SystemdService;
import dev.vigil.provisioning.task.Task;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The app server prepared for deploys: Java, a service account, the release and maintenance folders, its settings
 * (secrets included) in a root-only environment file, the unit (enabled; a deploy starts it), and a local mail
 * relay that queues outgoing mail while the provider is unreachable.
 */
final class AppRecipe {

    static final String UNIT = """
            [Unit]
            Description=Vigil app server
            After=network-online.target
            Wants=network-online.target

            [Service]
            User=vigil
            Group=vigil
            EnvironmentFile=/etc/vigil/app.env
            ExecStart=/usr/bin/java $JAVA_OPTS -jar /opt/vigil/current/vigil.jar
            Restart=on-failure
            # the app drains in-flight requests on SIGTERM before exiting
            TimeoutStopSec=40

            [Install]
            WantedBy=multi-user.target
            """;

    static final String MAINTENANCE_DIR = "/var/lib/vigil/maintenance";
    static final String DB_PASSWORD = "database.password";
    static final String SMTP_USER = "smtp.user";
    static final String SMTP_PASSWORD = "smtp.password";

    private AppRecipe() {
    }

    static List<Task> tasks(Inventory inventory, Host host, Secrets secrets) {
        RoleSettings.App app = inventory.settings().app();
        List<Task> tasks = new ArrayList<>(List.of(PackagesInstalled.of(OpsTool.JAVA),
                new SystemUser("vigil", "/var/lib/vigil"),
                new ManagedDirectory("/opt/vigil", FileMeta.rootOwned(0755)),
                new ManagedDirectory("/opt/vigil/releases", FileMeta.rootOwned(0755)),
                // the maintenance file is made and removed over SSH as root; the app only looks for it
                new ManagedDirectory(MAINTENANCE_DIR, FileMeta.rootOwned(0755)),
                // read by systemd as root before it starts the service as vigil: nobody else needs to read it
                new ManagedFile("/etc/vigil/app.env", environment(inventory, secrets).getBytes(StandardCharsets.UTF_8),
                        FileMeta.rootOwned(0600), true),
                SystemdService.enabledOnly("vigil.service", UNIT)));
        app.smtpRelay().ifPresent(relay -> tasks.addAll(mailRelay(inventory, host, relay, secrets)));
        return tasks;
    }

    static String environment(Inventory inventory, Secrets secrets) {
        RoleSettings.App app = inventory.settings().app();
        StringBuilder env = new StringBuilder("# Written by 'ops provision' from the inventory and the secrets.\n")
                .append("JAVA_OPTS=-Xmx").append(app.javaHeap()).append(" -XX:+UseSerialGC\n")
                .append("VIGIL_PORT=").append(app.httpPort()).append('\n')
                .append("VIGIL_PING_PORT=").append(app.pingPort()).append('\n')
                .append("VIGIL_RUNTIME_DIR=/var/lib/vigil/payara\n")
                .append("VIGIL_MAINTENANCE_FILE=").append(MAINTENANCE_DIR).append("/on\n");
        if (inventory.domains().app() != null) {
            env.append("VIGIL_SITE_ROOT=https://").append(inventory.domains().app()).append('\n');
        }
        if (inventory.domains().ping() != null) {
            env.append("VIGIL_PING_ENDPOINT=https://").append(inventory.domains().ping()).append("/\n");
        }
        List<Host> dbs = inventory.withRole(Role.DB);
        if (!dbs.isEmpty()) {
            // every database server: after a failover the app follows the new primary without a change here
            env.append("VIGIL_DB_URL=jdbc:postgresql://").append(dbs.stream()
                            .map(h -> hostPort(h) + ":" + Firewall.POSTGRESQL_PORT).collect(Collectors.joining(",")))
                    .append("/vigil?targetServerType=primary\n")
                    .append("VIGIL_DB_USER=vigil\n")
                    .append("VIGIL_DB_PASSWORD=")
                    .append(EnvFiles.systemd(secrets.require(DB_PASSWORD, "the app recipe"))).append('\n');
        }
        if (app.smtpRelay().isPresent()) {
            env.append("VIGIL_SMTP_HOST=127.0.0.1\nVIGIL_SMTP_PORT=25\n");
        }
        return env.toString();
    }

    private static String hostPort(Host h) {
        String a = h.peerAddress().getHostAddress();
        return a.contains(":") ? "[" + a + "]" : a;
    }

    /**
     * Postfix as a null client: it accepts mail from this machine only, delivers nothing locally, and hands
     * everything to the provider over TLS, with the provider's login when the secrets have one. While the
     * provider is down, mail waits in the queue and is retried (for up to five days).
     */
    private static List<Task> mailRelay(Inventory inventory, Host host, String relay, Secrets secrets) {
        int colon = relay.lastIndexOf(':');
        String relayHost = "[" + relay.substring(0, colon) + "]:" + relay.substring(colon + 1);
        boolean login = secrets.get(SMTP_USER).isPresent();
        String domain = inventory.domains().app() == null ? "localdomain" : inventory.domains().app();
        StringBuilder main = new StringBuilder("""
                # Written by 'ops provision': a null client relaying to the mail provider.
                compatibility_level = 3.6
                myhostname = %s.%s
                myorigin = $myhostname
                inet_interfaces = loopback-only
                inet_protocols = all
                mydestination =
                mynetworks = 127.0.0.0/8 [::1]/128
                local_transport = error:local delivery is disabled
                relayhost = %s
                smtp_tls_security_level = encrypt
                maximal_queue_lifetime = 5d
                """.formatted(host.name(), domain, relayHost));
        List<Task> tasks = new ArrayList<>();
        tasks.add(PackagesInstalled.of("postfix"));
        ManagedFile passwords = null;
        if (login) {
            main.append("""
                    smtp_sasl_auth_enable = yes
                    smtp_sasl_security_options = noanonymous
                    smtp_sasl_password_maps = texthash:/etc/postfix/sasl_passwd
                    """);
            String line = relayHost + " " + secrets.get(SMTP_USER).get() + ":"
                    + secrets.require(SMTP_PASSWORD, "the app recipe's mail relay (smtp.user is set)") + "\n";
            passwords = new ManagedFile("/etc/postfix/sasl_passwd", line.getBytes(StandardCharsets.UTF_8),
                    FileMeta.rootOwned(0600), true);
            tasks.add(passwords);
        }
        ManagedFile mainCf = ManagedFile.text("/etc/postfix/main.cf", main.toString(), FileMeta.rootOwned(0644));
        tasks.add(mainCf);
        tasks.add(passwords == null ? SystemdService.existing("postfix.service", mainCf)
                : SystemdService.existing("postfix.service", mainCf, passwords));
        return tasks;
    }
}
