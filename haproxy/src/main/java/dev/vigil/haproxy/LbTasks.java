package dev.vigil.haproxy;

import dev.vigil.provisioning.inventory.Host;
import dev.vigil.provisioning.inventory.Inventory;
import dev.vigil.provisioning.inventory.RoleSettings.LbCertificate;
import dev.vigil.provisioning.remote.FileMeta;
import dev.vigil.provisioning.task.InitialFile;
import dev.vigil.provisioning.task.ManagedDirectory;
import dev.vigil.provisioning.task.ManagedFile;
import dev.vigil.provisioning.task.PackagesInstalled;
import dev.vigil.provisioning.task.Task;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;

/**
 * What makes a host a working load balancer, as provisioning tasks run by the one {@code TaskRunner} (so
 * {@code --dry-run} shows the diffs and touches nothing): HAProxy and socat installed, the certificate files
 * (never replacing one that expires later, see {@link CertificateFile}), an
 * empty server-state file and ACME challenge map when they are absent, {@code haproxy.cfg} checked by the
 * host's own {@code haproxy -c} before it is written (a refused file is never installed, and the running HAProxy
 * keeps serving the old one), then {@link HaproxyReloaded}. {@code ops lb apply} and {@code ops provision} run
 * these same tasks.
 */
public final class LbTasks {

    /** Debian's configuration file, which the package's unit reads. */
    public static final String CONFIG = "/etc/haproxy/haproxy.cfg";

    /**
     * The check on the host: the candidate (on stdin) into a scratch file, then {@code haproxy -c -dW} on it, so
     * the certificate files, state file and map it names are the host's own.
     */
    static final String CHECK = "t=$(mktemp) && trap 'rm -f \"$t\"' EXIT && cat > \"$t\" && haproxy -c -dW -f \"$t\"";

    private LbTasks() {
    }

    /**
     * The tasks of load balancer {@code host}, whose configuration is built from the inventory and checked by
     * the local {@code haproxy -c} first: an inventory that cannot configure it fails here, before any server
     * is contacted.
     */
    public static List<Task> forHost(Inventory inventory, Host host) {
        HaproxyConfig config = HaproxyConfigs.forHost(inventory, host.name());
        List<Task> tasks = new ArrayList<>(forConfig(config, HaproxyValidator.validated(config)));
        int index = inventory.withRole(dev.vigil.provisioning.inventory.Role.LB).indexOf(host);
        inventory.settings().lb().acme().ifPresent(acme -> tasks.addAll(renewalPlan(RenewalPlan.of(config, acme,
                index))));
        return List.copyOf(tasks);
    }

    /**
     * With {@code roles.lb.acme}: what {@code ops lb renew --local} renews on the balancer (the scheduled job
     * provisioning installs), readable by root only since it names the CA account's contact.
     */
    static List<Task> renewalPlan(RenewalPlan plan) {
        return List.of(new ManagedDirectory("/etc/vigil", FileMeta.rootOwned(0755)),
                ManagedFile.text(RenewalPlan.PATH, plan.render(), FileMeta.rootOwned(0600)));
    }

    /** The tasks that install {@code text}, the rendering of {@code config}. */
    public static List<Task> forConfig(HaproxyConfig config, String text) {
        HaproxyConfig.Placement p = config.placement();
        List<Task> tasks = new ArrayList<>();
        tasks.add(PackagesInstalled.of("haproxy", "socat"));
        tasks.add(new ManagedDirectory(p.certificateDir(), FileMeta.rootOwned(0700)));
        List<Task> reloadWhenChanged = new ArrayList<>();
        for (LbCertificate c : config.certificates()) {
            CertificateFile cert = new CertificateFile(p.certificateDir() + "/" + HaproxyConfig.fileName(c), c,
                    read(c));
            tasks.add(cert);
            reloadWhenChanged.add(cert);
        }
        tasks.add(new InitialFile(p.stateFile(), "1\n", FileMeta.rootOwned(0600)));
        tasks.add(new InitialFile(p.acmeChallenges(), "", FileMeta.rootOwned(0644)));
        ManagedFile cfg = ManagedFile.text(CONFIG, text, FileMeta.rootOwned(0644)).validatedBy(CHECK);
        tasks.add(cfg);
        reloadWhenChanged.add(cfg);
        tasks.add(new HaproxyReloaded(p, reloadWhenChanged));
        return List.copyOf(tasks);
    }

    private static byte[] read(LbCertificate c) {
        try {
            return Files.readAllBytes(c.file());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read certificate " + c.file() + ": " + e.getMessage(), e);
        }
    }
}
