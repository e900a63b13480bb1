package dev.vigil.provisioning.role;

import dev.vigil.provisioning.config.EnvironmentFile;
import dev.vigil.provisioning.config.EnvironmentFile.Variable;
import dev.vigil.provisioning.config.SshdConfig;
import dev.vigil.provisioning.config.SudoersRule;
import dev.vigil.provisioning.config.SystemdUnit;
import dev.vigil.provisioning.config.SystemdUnit.Section;
import dev.vigil.provisioning.config.SystemdUnit.Setting;
import dev.vigil.provisioning.inventory.Host;
import dev.vigil.provisioning.inventory.Inventory;
import dev.vigil.provisioning.inventory.Role;
import dev.vigil.provisioning.inventory.RoleSettings;
import dev.vigil.provisioning.remote.FileMeta;
import dev.vigil.provisioning.task.LoginUser;
import dev.vigil.provisioning.task.ManagedDirectory;
import dev.vigil.provisioning.task.ManagedFile;
import dev.vigil.provisioning.task.Nftables;
import dev.vigil.provisioning.task.PackagesInstalled;
import dev.vigil.provisioning.task.Sysctl;
import dev.vigil.provisioning.task.SystemdService;
import dev.vigil.provisioning.task.Task;
import dev.vigil.provisioning.task.Timezone;
import dev.vigil.provisioning.task.UserCrontab;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Every server: packages, time zone and clock, the admin login, key-only SSH without root once there is an admin,
 * a default-deny firewall, unattended security upgrades, bounded journald, a few kernel settings, cron.
 */
final class BaseRecipe {

    static final SystemdUnit JOURNALD = SystemdUnit.of(Section.of("Journal", Setting.of("SystemMaxUse", "500M"),
                    Setting.of("SystemKeepFree", "1G"), Setting.of("MaxRetentionSec", "1month")))
            .withHeader("Written by 'ops provision': the journal stays small enough for a small disk.");

    static final String AUTO_UPGRADES = """
            // Written by 'ops provision': security updates are installed every day by unattended-upgrades.
            APT::Periodic::Update-Package-Lists "1";
            APT::Periodic::Unattended-Upgrade "1";
            """;

    private BaseRecipe() {
    }

    static List<Task> tasks(Inventory inventory, Host host) {
        RoleSettings.Base base = inventory.settings().base();
        List<Task> tasks = new ArrayList<>();
        List<String> packages = new ArrayList<>(List.of("cron", "tzdata", "ca-certificates", "sudo", "nftables",
                "systemd-timesyncd", "unattended-upgrades"));
        base.packages().stream().filter(p -> !packages.contains(p)).forEach(packages::add);
        tasks.add(new PackagesInstalled(packages));
        tasks.add(new Timezone(base.timezone()));
        tasks.add(SystemdService.existing("systemd-timesyncd.service"));
        tasks.add(new ManagedDirectory("/etc/vigil", FileMeta.rootOwned(0755)));
        tasks.add(ManagedFile.text("/etc/vigil/host.env", EnvironmentFile.of(List.of(
                Variable.plain("VIGIL_HOST", host.name()), Variable.plain("VIGIL_ROLES", host.roles().stream()
                        .map(Role::id).sorted().collect(Collectors.joining(","))))).systemd(),
                FileMeta.rootOwned(0644)));
        base.adminUser().ifPresent(admin -> tasks.addAll(admin(inventory, host, admin, base.adminKeys())));
        ManagedFile sshd = ManagedFile.text("/etc/ssh/sshd_config.d/90-vigil.conf", sshd(base).render(),
                FileMeta.rootOwned(0644)).validatedBy(SshdConfig.CHECK);
        tasks.add(sshd);
        tasks.add(SystemdService.existing("ssh.service", sshd));
        tasks.add(new Nftables(Firewall.ruleset(inventory, host).render()));
        tasks.add(ManagedFile.text("/etc/apt/apt.conf.d/20auto-upgrades", AUTO_UPGRADES, FileMeta.rootOwned(0644)));
        ManagedDirectory journalDropIns = new ManagedDirectory("/etc/systemd/journald.conf.d",
                FileMeta.rootOwned(0755));
        ManagedFile journald = ManagedFile.text("/etc/systemd/journald.conf.d/90-vigil.conf", JOURNALD.render(),
                FileMeta.rootOwned(0644));
        tasks.add(journalDropIns);
        tasks.add(journald);
        tasks.add(SystemdService.existing("systemd-journald.service", journald));
        tasks.add(new Sysctl("net.core.somaxconn", "4096"));
        tasks.add(new Sysctl("vm.swappiness", "10"));
        tasks.add(SystemdService.existing("cron.service"));
        if (!base.rootCrontab().isEmpty()) {
            tasks.add(new UserCrontab("root", base.rootCrontab()));
        }
        return tasks;
    }

    /** Key-only logins; root only until an admin user exists to log in instead. */
    static SshdConfig sshd(RoleSettings.Base base) {
        return new SshdConfig(base.adminUser().isEmpty());
    }

    /** The admin's account, keys and password-less sudo (it is how ops logs in once root may not). */
    private static List<Task> admin(Inventory inventory, Host host, String admin, List<String> keys) {
        String configured = inventory.host(host.name()).map(h -> h.ssh().user()).orElse(host.ssh().user());
        if (configured.equals("root")) {
            throw new IllegalArgumentException("host " + host.name() + ": base.admin_user is " + admin + ", so "
                    + "root logins get turned off, but ops is set to log in as root: set ssh.user to " + admin
                    + " (and use 'ops provision --ssh-user root' for a new server's first run)");
        }
        LoginUser user = new LoginUser(admin, List.of("sudo"));
        FileMeta own = new FileMeta(admin, admin, 0600);
        return List.of(user,
                new ManagedDirectory(user.home() + "/.ssh", new FileMeta(admin, admin, 0700)),
                ManagedFile.text(user.home() + "/.ssh/authorized_keys", String.join("\n", keys) + "\n", own),
                ManagedFile.text("/etc/sudoers.d/90-vigil-admin", new SudoersRule(admin).render(),
                        FileMeta.rootOwned(0440)).validatedBy(SudoersRule.CHECK));
    }
}
