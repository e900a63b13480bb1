package dev.vigil.ops.wg;

import dev.vigil.ops.Ops;
import dev.vigil.ops.provision.FleetOptions;
import dev.vigil.provisioning.inventory.Host;
import dev.vigil.provisioning.inventory.Inventory;
import dev.vigil.provisioning.task.Task;
import dev.vigil.wireguard.apply.WgWorkflows;
import dev.vigil.wireguard.mesh.MeshException;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

/** {@code ops wg apply}: install each host's wg0.conf and table, then start wg0 or reload it in place. */
@Command(name = "apply", description = "Install each host's wg0.conf and wg0 nftables table (checked by wg and nft "
        + "on the host first), then start wg-quick@wg0, or reload it with wg syncconf so live tunnels stay.")
public final class WgApplyCommand implements Callable<Integer> {

    @Spec
    CommandLine.Model.CommandSpec spec;

    @Mixin
    FleetOptions fleet;

    @Option(names = "--dry-run", description = "Show what would change (with diffs), change nothing.")
    boolean dryRun;

    @Override
    public Integer call() {
        Inventory inv = fleet.load(spec);
        List<Host> hosts = fleet.select(spec, inv, List.of());
        Map<String, List<Task>> tasks;
        try {
            tasks = WgWorkflows.tasks(inv, hosts);
        } catch (MeshException | IllegalArgumentException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage()); // nothing touched yet
        }
        boolean verbose = ((Ops) spec.root().userObject()).verbose();
        return WgWorkflows.apply(inv, hosts, tasks, dryRun, fleet.parallel(), verbose,
                spec.commandLine().getOut()) ? 0 : 1;
    }
}
