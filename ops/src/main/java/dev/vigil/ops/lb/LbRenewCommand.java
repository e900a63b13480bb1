package dev.vigil.ops.lb;

import dev.vigil.haproxy.LbWorkflows;
import dev.vigil.ops.provision.FleetOptions;
import dev.vigil.provisioning.inventory.Host;
import dev.vigil.provisioning.inventory.Inventory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

/** {@code ops lb renew}: new certificates from the ACME CA for the files that are due, installed everywhere. */
@Command(name = "renew", description = {"Renew, from the ACME CA of roles.lb.acme, every certificate file of "
        + "roles.lb.certificates that expires within 30 days: HTTP-01 is answered by every balancer at once, the "
        + "new certificate is written over its file, installed as 'ops lb apply' installs (a balancer's newer one "
        + "is kept) and HAProxy reloads; then what each balancer serves is checked.",
        "Meant for cron through 'ops run', so a failed renewal is an alert. Exit status 1 when an order, a "
                + "balancer or the final check fails."})
public final class LbRenewCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    FleetOptions fleet;

    @Option(names = "--account-key", paramLabel = "FILE", defaultValue = "acme-account.pem",
            description = "The ACME account's key pair (PEM); made, mode 0600, when absent. Default: "
                    + "${DEFAULT-VALUE} beside the inventory.")
    Path accountKey;

    @Option(names = "--dry-run", description = "Show what is due and what would be installed; order nothing.")
    boolean dryRun;

    @Override
    public Integer call() {
        Inventory inv = fleet.load(spec);
        List<Host> lbs = LbCommand.balancers(spec, fleet, inv);
        Path key = inv.file().toAbsolutePath().getParent().resolve(accountKey);
        return LbWorkflows.renew(inv, lbs, key, dryRun, fleet.parallel(), spec.commandLine().getOut()) ? 0 : 1;
    }
}
