package dev.vigil.ops.lb;

import dev.vigil.haproxy.LbWorkflows;
import dev.vigil.ops.provision.FleetOptions;
import dev.vigil.provisioning.inventory.Inventory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.util.concurrent.Callable;

/** {@code ops lb ready HOST}: one app server back in rotation on every balancer. */
@Command(name = "ready", description = "Take app server HOST back into rotation (state ready) in both backends on "
        + "every load balancer, through the runtime API.")
public final class LbReadyCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    FleetOptions fleet;

    @Parameters(paramLabel = "HOST", description = "A host with role app.")
    String host;

    @Option(names = "--dry-run", description = "Show its state on each balancer, change nothing.")
    boolean dryRun;

    @Override
    public Integer call() {
        Inventory inv = fleet.load(spec);
        LbCommand.beforeAnyConnection(spec, () -> LbWorkflows.requireAppServer(inv, host));
        return LbWorkflows.ready(inv, LbCommand.balancers(spec, fleet, inv), host, dryRun,
                spec.commandLine().getOut()) ? 0 : 1;
    }
}
