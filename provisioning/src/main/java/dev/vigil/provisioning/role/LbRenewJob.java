package dev.vigil.provisioning.role;

import dev.vigil.provisioning.inventory.Host;
import dev.vigil.provisioning.inventory.Inventory;
import dev.vigil.provisioning.inventory.Role;
import dev.vigil.provisioning.config.Crontab;
import dev.vigil.provisioning.config.EnvironmentFile;
import dev.vigil.provisioning.config.EnvironmentFile.Variable;
import dev.vigil.provisioning.remote.FileMeta;
import dev.vigil.provisioning.task.ManagedFile;
import dev.vigil.provisioning.task.Task;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * On every balancer, when {@code roles.lb.acme} is set: {@code ops lb renew --local} daily from cron through
 * {@code ops run}, pinging the balancer's own check ({@code <ping base>/lb-renew-<host>}, created on its first
 * ping), so a failed renewal is an alert, and so is a balancer whose job stopped. Each balancer renews its own
 * files from the plan {@code ops lb apply} installs, at an hour of its own (four hours apart in the inventory's
 * order), so the CA never sees two of them at once and a CA outage at one hour does not hit them all.
 */
final class LbRenewJob {

    static final String SECRET = "lb.renew_ping_base";
    static final String ENV = "/etc/vigil/lb-renew.env";
    static final String CRON = "/etc/cron.d/vigil-lb-renew";
    /** Up to four orders of a few minutes each, and the reload. */
    static final int TIMEOUT_SECONDS = 1800;

    private LbRenewJob() {
    }

    /** Whether {@code host} gets the job (and so needs the ops jar and the secrets). */
    static boolean applies(Inventory inventory, Host host) {
        return host.has(Role.LB) && inventory.settings().lb().acme().isPresent();
    }

    static List<Task> tasks(Inventory inventory, Host host, RecipeInputs inputs) {
        if (!applies(inventory, host)) {
            return List.of();
        }
        String what = "the balancers' scheduled certificate renewal (roles.lb.acme)";
        String url = PingBase.url(inputs, SECRET, what, slug(host));
        List<Task> tasks = new ArrayList<>(OpsTool.tasks(inputs.requireOpsJar(what)));
        tasks.add(new ManagedFile(ENV, EnvironmentFile.of("Written by 'ops provision' from the secrets.",
                List.of(Variable.quoted("VIGIL_LB_RENEW_PING_URL", url))).shell().getBytes(StandardCharsets.UTF_8),
                FileMeta.rootOwned(0600), true));
        Crontab cron = Crontab.opsJobs("Written by 'ops provision': this balancer renews its own certificates, "
                        + "monitored by its own Vigil check",
                Crontab.Job.as("root", schedule(inventory, host), ". " + ENV + " && ops run --ping-url "
                        + "\"$VIGIL_LB_RENEW_PING_URL\" --timeout " + TIMEOUT_SECONDS + " -- ops lb renew --local"));
        tasks.add(ManagedFile.text(CRON, cron.render(), FileMeta.rootOwned(0644)));
        return tasks;
    }

    /** Daily at 03:17 for the first balancer, 07:17 for the second, and so on (UTC on a Debian server). */
    static String schedule(Inventory inventory, Host host) {
        int index = inventory.withRole(Role.LB).indexOf(host);
        return "17 " + (3 + 4 * index) % 24 + " * * *";
    }

    /** The check's slug (host names are already in the slug alphabet). */
    static String slug(Host host) {
        return "lb-renew-" + host.name();
    }
}
