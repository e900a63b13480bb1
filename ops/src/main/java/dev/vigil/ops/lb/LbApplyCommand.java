package dev.vigil.ops.lb;

import dev.vigil.haproxy.LbWorkflows;
import dev.vigil.ops.Ops;
import dev.vigil.ops.provision.FleetOptions;
import dev.vigil.provisioning.inventory.Host;
import dev.vigil.provisioning.inventory.Inventory;
import dev.vigil.provisioning.task.Task;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

/** {@code ops lb apply}: install each balancer's certificates and haproxy.cfg, then reload with its states. */
@Command(name = "apply", description = "Install each load balancer's certificates and haproxy.cfg (checked by "
        + "haproxy -c here and on the host first: a refused file is never installed), then dump the server states "
        + "and reload HAProxy where something changed.")
public final class LbApplyCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    FleetOptions fleet;

    @Option(names = "--dry-run", description = "Show what would change (with diffs), change nothing.")
    boolean dryRun;

    @Override
    public Integer call() {
        Inventory inv = fleet.load(spec);
        List<Host> lbs = LbCommand.balancers(spec, fleet, inv);
        Map<String, List<Task>> tasks = LbCommand.beforeAnyConnection(spec, () -> LbWorkflows.tasks(inv, lbs));
        boolean verbose = ((Ops) spec.root().userObject()).verbose();
        return LbWorkflows.apply(inv, lbs, tasks, dryRun, fleet.parallel(), verbose, spec.commandLine().getOut())
                ? 0 : 1;
    }
}
