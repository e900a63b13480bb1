package dev.vigil.provisioning.role;

import dev.vigil.provisioning.config.EnvironmentFile;
import dev.vigil.provisioning.config.EnvironmentFile.Variable;
import dev.vigil.provisioning.config.PostfixNullClient;
import dev.vigil.provisioning.config.SystemdUnit;
import dev.vigil.provisioning.config.SystemdUnit.Section;
import dev.vigil.provisioning.config.SystemdUnit.Setting;
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
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The app server prepared for deploys: Java, a service account, the release and maintenance folders, its settings
 * (secrets included) in a root-only environment file, the unit (enabled; a deploy starts it), and a local mail
 * relay that queues outgoing mail while the provider is unreachable.
 */
final class AppRecipe {

    static final String SERVICE = "vigil.service";

    static final SystemdUnit UNIT = SystemdUnit.of(
            Section.of("Unit", Setting.of("Description", "Vigil app server"),
                    Setting.of("After", "network-online.target"), Setting.of("Wants", "network-online.target")),
            Section.of("Service", Setting.of("User", "vigil"), Setting.of("Group", "vigil"),
                    Setting.of("EnvironmentFile", "/etc/vigil/app.env"),
                    Setting.of("ExecStart", "/usr/bin/java $JAVA_OPTS -jar /opt/vigil/current/vigil.jar"),
                    Setting.of("Restart", "on-failure"),
                    Setting.of("TimeoutStopSec", "40").because("the app drains in-flight requests on SIGTERM before "
                            + "exiting")),
            Section.of("Install", Setting.of("WantedBy", "multi-user.target")));

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
                new ManagedFile("/etc/vigil/app.env", environment(inventory, secrets).systemd()
                        .getBytes(StandardCharsets.UTF_8),
                        FileMeta.rootOwned(0600), true),
                SystemdService.enabledOnly(SERVICE, UNIT.render())));
        app.smtpRelay().ifPresent(relay -> tasks.addAll(mailRelay(inventory, host, relay, secrets)));
        return tasks;
    }

    static EnvironmentFile environment(Inventory inventory, Secrets secrets) {
        RoleSettings.App app = inventory.settings().app();
        List<Variable> env = new ArrayList<>(List.of(
                Variable.plain("JAVA_OPTS", "-Xmx" + app.javaHeap() + " -XX:+UseSerialGC"),
                Variable.plain("VIGIL_PORT", app.httpPort()),
                Variable.plain("VIGIL_PING_PORT", app.pingPort()),
                Variable.plain("VIGIL_RUNTIME_DIR", "/var/lib/vigil/payara"),
                Variable.plain("VIGIL_MAINTENANCE_FILE", MAINTENANCE_DIR + "/on")));
        if (inventory.domains().app() != null) {
            env.add(Variable.plain("VIGIL_SITE_ROOT", "https://" + inventory.domains().app()));
        }
        if (inventory.domains().ping() != null) {
            env.add(Variable.plain("VIGIL_PING_ENDPOINT", "https://" + inventory.domains().ping() + "/"));
        }
        List<Host> lbs = inventory.withRole(Role.LB);
        if (!lbs.isEmpty()) {
            // the load balancers' X-Forwarded-For and -Proto are believed, nobody else's (a client could forge them)
            env.add(Variable.plain("VIGIL_TRUSTED_PROXIES", lbs.stream()
                    .map(h -> h.peerAddress().getHostAddress()).collect(Collectors.joining(","))));
        }
        List<Host> dbs = inventory.withRole(Role.DB);
        if (!dbs.isEmpty()) {
            // every database server: after a failover the app follows the new primary without a change here
            env.add(Variable.plain("VIGIL_DB_URL", "jdbc:postgresql://" + dbs.stream()
                    .map(h -> hostPort(h) + ":" + Firewall.POSTGRESQL_PORT).collect(Collectors.joining(","))
                    + "/vigil?targetServerType=primary"));
            env.add(Variable.plain("VIGIL_DB_USER", "vigil"));
            env.add(Variable.quoted("VIGIL_DB_PASSWORD", secrets.require(DB_PASSWORD, "the app recipe")));
        }
        if (app.smtpRelay().isPresent()) {
            env.add(Variable.plain("VIGIL_SMTP_HOST", "127.0.0.1"));
            env.add(Variable.plain("VIGIL_SMTP_PORT", 25));
        }
        return EnvironmentFile.of("Written by 'ops provision' from the inventory and the secrets.", env);
    }

    private static String hostPort(Host h) {
        String a = h.peerAddress().getHostAddress();
        return a.contains(":") ? "[" + a + "]" : a;
    }

    /** Postfix as a null client ({@link PostfixNullClient}), restarted when its files change. */
    private static List<Task> mailRelay(Inventory inventory, Host host, String relay, Secrets secrets) {
        int colon = relay.lastIndexOf(':');
        String domain = inventory.domains().app() == null ? "localdomain" : inventory.domains().app();
        Optional<PostfixNullClient.Login> login = secrets.get(SMTP_USER).map(user -> new PostfixNullClient.Login(user,
                secrets.require(SMTP_PASSWORD, "the app recipe's mail relay (smtp.user is set)")));
        PostfixNullClient postfix = new PostfixNullClient(host.name() + "." + domain, relay.substring(0, colon),
                Integer.parseInt(relay.substring(colon + 1)), login);
        List<Task> tasks = new ArrayList<>();
        tasks.add(PackagesInstalled.of("postfix"));
        Optional<ManagedFile> passwords = postfix.saslPasswords().map(text -> new ManagedFile(
                PostfixNullClient.SASL_PASSWORDS, text.getBytes(StandardCharsets.UTF_8), FileMeta.rootOwned(0600),
                true));
        passwords.ifPresent(tasks::add);
        ManagedFile mainCf = ManagedFile.text("/etc/postfix/main.cf", postfix.mainCf(), FileMeta.rootOwned(0644));
        tasks.add(mainCf);
        tasks.add(passwords.isEmpty() ? SystemdService.existing("postfix.service", mainCf)
                : SystemdService.existing("postfix.service", mainCf, passwords.get()));
        return tasks;
    }
}
