package dev.vigil.provisioning.role;

import dev.vigil.provisioning.config.Crontab;
import dev.vigil.provisioning.config.EnvironmentFile;
import dev.vigil.provisioning.config.EnvironmentFile.Variable;
import dev.vigil.provisioning.inventory.Host;
import dev.vigil.provisioning.inventory.Inventory;
import dev.vigil.provisioning.remote.FileMeta;
import dev.vigil.provisioning.task.ManagedFile;
import dev.vigil.provisioning.task.Task;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * On every host of the private network, when {@code network.verify_every_minutes} is set: {@code ops wg verify
 * --local} from cron through {@code ops run}, pinging the host's own check ({@code <ping base>/wg-verify-<host>},
 * created on its first ping), so a drifted peer list or a hole in the policy is an alert, and so is a host whose
 * job stopped. Each host checks its own half (its peers, its connections to every other host) from the plan
 * {@code ops wg apply} installs: no host logs in anywhere, and a silent host's check goes late by itself.
 */
final class WireGuardVerifyJob {

    static final String SECRET = "wireguard.verify_ping_base";
    static final String ENV = "/etc/vigil/wg-verify.env";
    static final String CRON = "/etc/cron.d/vigil-wg-verify";

    private WireGuardVerifyJob() {
    }

    /** Whether {@code host} gets the job (and so needs the ops jar and the secrets). */
    static boolean applies(Inventory inventory, Host host) {
        return host.wireguard().isPresent() && inventory.network().verifyEveryMinutes().isPresent();
    }

    static List<Task> tasks(Inventory inventory, Host host, RecipeInputs inputs) {
        if (!applies(inventory, host)) {
            return List.of();
        }
        String what = "the private network's scheduled verify (network.verify_every_minutes)";
        String url = PingBase.url(inputs, SECRET, what, slug(host));
        int every = inventory.network().verifyEveryMinutes().orElseThrow();
        List<Task> tasks = new ArrayList<>(OpsTool.tasks(inputs.requireOpsJar(what)));
        tasks.add(new ManagedFile(ENV, EnvironmentFile.of("Written by 'ops provision' from the secrets.",
                List.of(Variable.quoted("VIGIL_WG_VERIFY_PING_URL", url))).shell().getBytes(StandardCharsets.UTF_8),
                FileMeta.rootOwned(0600), true));
        Crontab cron = Crontab.opsJobs("Written by 'ops provision': this host's half of 'ops wg verify', monitored by "
                        + "its own Vigil check",
                Crontab.Job.as("root", (every == 60 ? "0" : "*/" + every) + " * * * *", ". " + ENV
                        + " && ops run --ping-url \"$VIGIL_WG_VERIFY_PING_URL\" --timeout 300 -- ops wg verify --local"));
        tasks.add(ManagedFile.text(CRON, cron.render(), FileMeta.rootOwned(0644)));
        return tasks;
    }

    /** The check's slug (host names are already in the slug alphabet: lower-case letters, digits, '-'). */
    static String slug(Host host) {
        return "wg-verify-" + host.name();
    }
}
