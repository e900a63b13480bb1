package dev.vigil.provisioning.role;

import dev.vigil.provisioning.inventory.Host;
import dev.vigil.provisioning.inventory.Inventory;
import dev.vigil.provisioning.inventory.Role;
import dev.vigil.provisioning.inventory.RoleSettings;
import dev.vigil.provisioning.remote.FileMeta;
import dev.vigil.provisioning.task.LineInFile;
import dev.vigil.provisioning.task.ManagedDirectory;
import dev.vigil.provisioning.task.ManagedFile;
import dev.vigil.provisioning.task.PackagesInstalled;
import dev.vigil.provisioning.task.SystemdService;
import dev.vigil.provisioning.task.Sysctl;
import dev.vigil.provisioning.task.SystemUser;
import dev.vigil.provisioning.task.Task;
import dev.vigil.provisioning.task.Timezone;
import dev.vigil.provisioning.task.UserCrontab;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * What each server should look like, as tasks: the base recipe for every host, then one recipe per role.
 * Recipes are plain data built from the inventory; nothing here talks to a server.
 */
public final class Recipes {

    private Recipes() {
    }

    public static List<Task> forHost(Inventory inventory, Host host) {
        List<Task> tasks = new ArrayList<>(base(inventory.settings().base(), host));
        if (host.has(Role.APP)) {
            tasks.addAll(app(inventory, host));
        }
        if (host.has(Role.DB)) {
            tasks.addAll(db(inventory.settings().db(), host));
        }
        return List.copyOf(tasks);
    }

    /** Every server: cron, time zone, key-only SSH, a few kernel settings, the admin crontab. */
    static List<Task> base(RoleSettings.Base base, Host host) {
        List<Task> tasks = new ArrayList<>();
        List<String> packages = new ArrayList<>(List.of("cron", "tzdata", "ca-certificates"));
        base.packages().stream().filter(p -> !packages.contains(p)).forEach(packages::add);
        tasks.add(new PackagesInstalled(packages));
        tasks.add(new Timezone(base.timezone()));
        tasks.add(new ManagedDirectory("/etc/vigil", FileMeta.rootOwned(0755)));
        tasks.add(ManagedFile.text("/etc/vigil/host.env", "VIGIL_HOST=" + host.name() + "\nVIGIL_ROLES="
                + host.roles().stream().map(Role::id).sorted().collect(Collectors.joining(",")) + "\n",
                FileMeta.rootOwned(0644)));
        LineInFile noPasswords = LineInFile.replacing("/etc/ssh/sshd_config", "^#?\\s*PasswordAuthentication\\b",
                "PasswordAuthentication no");
        tasks.add(noPasswords);
        tasks.add(SystemdService.existing("ssh.service", noPasswords));
        tasks.add(new Sysctl("net.core.somaxconn", "4096"));
        tasks.add(new Sysctl("vm.swappiness", "10"));
        tasks.add(SystemdService.existing("cron.service"));
        if (!base.rootCrontab().isEmpty()) {
            tasks.add(new UserCrontab("root", base.rootCrontab()));
        }
        return tasks;
    }

    static final String APP_UNIT = """
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

    /**
     * The app server prepared for deploys: Java, a service account, the release folder, settings from the
     * inventory, and the unit, enabled but not started (a deploy starts it once a release is in place).
     */
    static List<Task> app(Inventory inventory, Host host) {
        RoleSettings.App app = inventory.settings().app();
        StringBuilder env = new StringBuilder("# Written by 'ops provision' from the inventory.\n")
                .append("JAVA_OPTS=-Xmx").append(app.javaHeap()).append(" -XX:+UseSerialGC\n")
                .append("VIGIL_HTTP_PORT=").append(app.httpPort()).append('\n');
        if (inventory.domains().app() != null) {
            env.append("VIGIL_SITE_ROOT=https://").append(inventory.domains().app()).append('\n');
        }
        if (inventory.domains().ping() != null) {
            env.append("VIGIL_PING_ENDPOINT=https://").append(inventory.domains().ping()).append("/\n");
        }
        return List.of(PackagesInstalled.of("openjdk-17-jre-headless"),
                new SystemUser("vigil", "/var/lib/vigil"),
                new ManagedDirectory("/opt/vigil", FileMeta.rootOwned(0755)),
                new ManagedDirectory("/opt/vigil/releases", FileMeta.rootOwned(0755)),
                ManagedFile.text("/etc/vigil/app.env", env.toString(), new FileMeta("root", "vigil", 0640)),
                SystemdService.enabledOnly("vigil.service", APP_UNIT));
    }

    /** PostgreSQL from Debian, tuned through a conf.d file, restarted when that file changes. */
    static List<Task> db(RoleSettings.Db db, Host host) {
        int v = db.postgresqlVersion();
        String listen = "localhost" + host.wireguard().map(a -> "," + a.getHostAddress()).orElse("");
        ManagedFile tuning = ManagedFile.text("/etc/postgresql/" + v + "/main/conf.d/vigil.conf", String.format(
                Locale.ROOT, """
                # Written by 'ops provision' from the inventory; edits here are overwritten.
                listen_addresses = '%s'
                max_connections = %d
                shared_buffers = %s
                work_mem = %s
                """, listen, db.maxConnections(), db.sharedBuffers(), db.workMem()),
                new FileMeta("postgres", "postgres", 0644));
        return List.of(PackagesInstalled.of("postgresql-" + v),
                new ManagedDirectory("/etc/postgresql/" + v + "/main/conf.d", new FileMeta("postgres", "postgres",
                        0755)),
                tuning,
                SystemdService.existing("postgresql@" + v + "-main.service", tuning));
    }
}
