package dev.vigil.ops.lb;

import dev.vigil.haproxy.LbWorkflows;
import dev.vigil.haproxy.RenewalPlan;
import dev.vigil.ops.provision.FleetOptions;
import dev.vigil.provisioning.inventory.Host;
import dev.vigil.provisioning.inventory.Inventory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

/** {@code ops lb renew}: new certificates from the ACME CA for the files that are due, installed everywhere. */
@Command(name = "renew", description = {"Renew, from the ACME CA of roles.lb.acme, every certificate file of "
        + "roles.lb.certificates that expires within 30 days: HTTP-01 is answered by every balancer at once, the "
        + "new certificate is written over its file, installed as 'ops lb apply' installs (a balancer's newer one "
        + "is kept) and HAProxy reloads; then what each balancer serves is checked.",
        "With --local: on a balancer, its own certificate files only, from the plan 'ops lb apply' installed (no "
                + "inventory, no SSH): tokens through the local admin socket (the other balancers relay the CA's "
                + "requests to this one), the new files written in place and checked by haproxy -c (put back if "
                + "refused), a local reload and a check of what is served. This is the scheduled job 'ops "
                + "provision' installs on every balancer when roles.lb.acme and the secret lb.renew_ping_base are "
                + "set.",
        "Meant for cron through 'ops run', so a failed renewal is an alert. Exit status 1 when an order, a "
                + "balancer or the final check fails."})
public final class LbRenewCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    FleetOptions fleet;

    @Option(names = "--account-key", paramLabel = "FILE",
            description = "The ACME account's key pair (PEM); made, mode 0600, when absent. Default: "
                    + "acme-account.pem beside the inventory, or " + LOCAL_ACCOUNT_KEY + " with --local.")
    Path accountKey;

    @Option(names = "--local", description = "Renew this balancer's own files, from its installed plan.")
    boolean local;

    @Option(names = "--from", paramLabel = "FILE", defaultValue = RenewalPlan.PATH,
            description = "The plan for --local (default: ${DEFAULT-VALUE}, written by ops lb apply).")
    Path plan;

    @Option(names = "--dry-run", description = "Show what is due and what would be installed; order nothing.")
    boolean dryRun;

    static final String LOCAL_ACCOUNT_KEY = "/etc/vigil/acme-account.pem";

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        if (local) {
            return LbWorkflows.renewLocal(plan, accountKey != null ? accountKey : Path.of(LOCAL_ACCOUNT_KEY), dryRun,
                    out) ? 0 : 1;
        }
        Inventory inv = fleet.load(spec);
        List<Host> lbs = LbCommand.balancers(spec, fleet, inv);
        Path key = inv.file().toAbsolutePath().getParent().resolve(accountKey != null ? accountKey
                : Path.of("acme-account.pem"));
        return LbWorkflows.renew(inv, lbs, key, dryRun, fleet.parallel(), out) ? 0 : 1;
    }
}
