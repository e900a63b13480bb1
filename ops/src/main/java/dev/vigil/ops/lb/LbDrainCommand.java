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

import java.time.Duration;
import java.util.concurrent.Callable;

/** {@code ops lb drain HOST}: one app server out of rotation on every balancer, sessions left to finish. */
@Command(name = "drain", description = {"Put app server HOST in DRAIN in both backends on every load balancer "
        + "(through the runtime API: no new requests, open ones finish), then wait until no balancer has a "
        + "session to it.", "Exit status 1 when sessions are still open after --timeout."})
public final class LbDrainCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    FleetOptions fleet;

    @Parameters(paramLabel = "HOST", description = "A host with role app.")
    String host;

    @Option(names = "--timeout", paramLabel = "DURATION", defaultValue = "2m",
            description = "Wait at most this long for its sessions to end (default: ${DEFAULT-VALUE}).")
    Duration timeout;

    @Option(names = "--dry-run", description = "Show its state on each balancer, change nothing.")
    boolean dryRun;

    @Override
    public Integer call() {
        Inventory inv = fleet.load(spec);
        LbCommand.beforeAnyConnection(spec, () -> LbWorkflows.requireAppServer(inv, host));
        return LbWorkflows.drain(inv, LbCommand.balancers(spec, fleet, inv), host, timeout, dryRun,
                spec.commandLine().getOut()) ? 0 : 1;
    }
}
