package dev.vigil.ops.lb;

import dev.vigil.haproxy.LbWorkflows;
import dev.vigil.ops.provision.FleetOptions;
import dev.vigil.provisioning.inventory.Inventory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

import java.util.concurrent.Callable;

/** {@code ops lb status}: each app server's state and sessions on every balancer. */
@Command(name = "status", description = {"Show each app server's state (UP, DOWN, NOLB, DRAIN, MAINT) and current "
        + "sessions in both backends on every load balancer, from HAProxy's runtime API over SSH.",
        "Exit status 1 when a balancer cannot be asked or a server is DOWN."})
public final class LbStatusCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    FleetOptions fleet;

    @Override
    public Integer call() {
        Inventory inv = fleet.load(spec);
        return LbWorkflows.status(inv, LbCommand.balancers(spec, fleet, inv), spec.commandLine().getOut()) ? 0 : 1;
    }
}
