package dev.vigil.provisioning.role;

import dev.vigil.provisioning.config.Crontab;
import dev.vigil.provisioning.config.EnvironmentFile;
import dev.vigil.provisioning.config.EnvironmentFile.Variable;
import dev.vigil.provisioning.config.SystemdUnit;
import dev.vigil.provisioning.config.SystemdUnit.Section;
import dev.vigil.provisioning.config.SystemdUnit.Setting;
import dev.vigil.provisioning.inventory.Inventory;
import dev.vigil.provisioning.inventory.InventoryCopy;
import dev.vigil.provisioning.remote.FileMeta;
import dev.vigil.provisioning.secrets.Secrets;
import dev.vigil.provisioning.task.ManagedDirectory;
import dev.vigil.provisioning.task.ManagedFile;
import dev.vigil.provisioning.task.SystemdService;
import dev.vigil.provisioning.task.Task;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;

/**
 * The watchdog server: Java, the ops jar, a copy of the inventory (without the certificate files: {@link
 * InventoryCopy}), the DNS credentials in a root-only environment file, and {@code ops watchdog run} as a service,
 * restarted when any of those change; with {@code lb.certs_ping_url}, the daily check of the served certificates.
 */
final class WatchdogRecipe {

    static final SystemdUnit UNIT = SystemdUnit.of(
            Section.of("Unit", Setting.of("Description", "Vigil watchdog: takes failing load balancers out of DNS"),
                    Setting.of("After", "network-online.target"), Setting.of("Wants", "network-online.target")),
            Section.of("Service", Setting.of("EnvironmentFile", "/etc/vigil/watchdog.env"),
                    Setting.of("ExecStart", "/usr/bin/java -jar /opt/vigil/ops.jar watchdog run --inventory "
                            + "/etc/vigil/ops.yaml --state /var/lib/vigil-watchdog/state.json"),
                    Setting.of("SuccessExitStatus", "143").because("the JVM's status after a SIGTERM it handled: a "
                            + "clean stop, not a failure"),
                    Setting.of("StateDirectory", "vigil-watchdog"), Setting.of("StateDirectoryMode", "0700"),
                    Setting.of("Restart", "always"), Setting.of("RestartSec", "5")),
            Section.of("Install", Setting.of("WantedBy", "multi-user.target")));

    static final String TSIG = "watchdog.tsig_secret";
    static final String CLOUDFLARE = "watchdog.cloudflare_token";
    static final String CERTS_PING = "lb.certs_ping_url";
    static final String CERTS_ENV = "/etc/vigil/lb-certs.env";
    static final String CERTS_CRON = "/etc/cron.d/vigil-lb-certs";

    private WatchdogRecipe() {
    }

    static List<Task> tasks(Inventory inventory, RecipeInputs inputs) {
        String text;
        try {
            text = Files.readString(inventory.file(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + inventory.file() + " to copy it to the watchdog: "
                    + e.getMessage(), e);
        }
        List<Task> tasks = new ArrayList<>(OpsTool.tasks(inputs.requireOpsJar("the watchdog recipe")));
        ManagedFile copy = ManagedFile.text("/etc/vigil/ops.yaml",
                InventoryCopy.withoutLbCertificates(inventory.file(), text), FileMeta.rootOwned(0640));
        ManagedFile env = new ManagedFile("/etc/vigil/watchdog.env",
                environment(inputs.secrets()).systemd().getBytes(StandardCharsets.UTF_8), FileMeta.rootOwned(0600), true);
        tasks.add(copy);
        tasks.add(new ManagedDirectory("/var/lib/vigil-watchdog", FileMeta.rootOwned(0700)));
        tasks.add(env);
        tasks.add(SystemdService.withUnitFile("vigil-watchdog.service", UNIT.render(), copy, env));
        inputs.secrets().get(CERTS_PING).ifPresent(url -> tasks.addAll(certificateCheck(url)));
        return tasks;
    }

    /**
     * With {@code lb.certs_ping_url}: {@code ops lb certs} every morning from here, outside the fleet, as a client
     * sees the balancers (TLS handshakes only: no login anywhere), reporting to its own Vigil check, so a
     * certificate with less than 14 days left, or a balancer serving the wrong one, is an alert.
     */
    private static List<Task> certificateCheck(String url) {
        ManagedFile env = new ManagedFile(CERTS_ENV, EnvironmentFile.of("Written by 'ops provision' from the secrets.",
                List.of(Variable.quoted("VIGIL_LB_CERTS_PING_URL", url))).shell().getBytes(StandardCharsets.UTF_8),
                FileMeta.rootOwned(0600), true);
        Crontab cron = Crontab.opsJobs("Written by 'ops provision': the balancers' certificates as clients see them, "
                        + "monitored by their own Vigil check",
                Crontab.Job.as("root", "23 7 * * *", ". " + CERTS_ENV + " && ops run --ping-url "
                        + "\"$VIGIL_LB_CERTS_PING_URL\" --timeout 300 -- ops lb certs --inventory /etc/vigil/ops.yaml"));
        return List.of(env, ManagedFile.text(CERTS_CRON, cron.render(), FileMeta.rootOwned(0644)));
    }

    /** The DNS providers' credentials; each only when the secrets have it. */
    static EnvironmentFile environment(Secrets secrets) {
        List<Variable> env = new ArrayList<>();
        secrets.get(TSIG).ifPresent(v -> env.add(Variable.quoted("VIGIL_WATCHDOG_TSIG_SECRET", v)));
        secrets.get(CLOUDFLARE).ifPresent(v -> env.add(Variable.quoted("VIGIL_WATCHDOG_CLOUDFLARE_TOKEN", v)));
        return EnvironmentFile.of("Written by 'ops provision' from the secrets.", env);
    }
}
