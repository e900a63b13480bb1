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
 * On every balancer, when {@code roles.lb.acme} and the secret {@value #SECRET} are set (without the secret the
 * operator renews from where the inventory is): {@code ops lb renew --local} daily from cron through
 * {@code ops run}, pinging the balancer's own check ({@code <ping base>/lb-renew-<host>}, created on its first
 * ping), so a failed renewal is an alert, and so is a balancer whose job stopped. Each balancer renews its own
 * files from the plan {@code ops lb apply} installs, at an hour of its own (spread over the day in the inventory's
 * order), so the CA rarely sees two of them at once and a CA outage at one hour does not hit them all.
 */
final class LbRenewJob {

    static final String SECRET = "lb.renew_ping_base";
    static final String ENV = "/etc/vigil/lb-renew.env";
    static final String CRON = "/etc/cron.d/vigil-lb-renew";
    /** Up to four orders of a few minutes each, and the reload. */
    static final int TIMEOUT_SECONDS = 1800;

    private LbRenewJob() {
    }

    /** Whether {@code host} may get the job (and so needs the secrets, and the ops jar when the secret is set). */
    static boolean applies(Inventory inventory, Host host) {
        return host.has(Role.LB) && inventory.settings().lb().acme().isPresent();
    }

    static List<Task> tasks(Inventory inventory, Host host, RecipeInputs inputs) {
        java.util.Optional<String> base = inputs.secrets().get(SECRET);
        if (!applies(inventory, host) || base.isEmpty()) {
            return List.of();
        }
        String what = "the balancers' scheduled certificate renewal (roles.lb.acme, secret " + SECRET + ")";
        String url = PingBase.url(SECRET, base.get(), slug(host));
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

    /**
     * Daily at 03:17 for the first balancer, then spread over the day in the inventory's order (two balancers:
     * 03:17 and 15:17; four: every six hours), a different hour for each of up to 24.
     */
    static String schedule(Inventory inventory, Host host) {
        List<Host> lbs = inventory.withRole(Role.LB);
        int apart = Math.max(1, 24 / lbs.size());
        return "17 " + (3 + apart * lbs.indexOf(host)) % 24 + " * * *";
    }

    /** The check's slug (host names are already in the slug alphabet). */
    static String slug(Host host) {
        return "lb-renew-" + host.name();
    }
}
