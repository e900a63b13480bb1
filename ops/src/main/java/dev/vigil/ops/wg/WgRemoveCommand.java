package dev.vigil.ops.wg;

import dev.vigil.ops.Ops;
import dev.vigil.ops.provision.FleetOptions;
import dev.vigil.provisioning.inventory.Inventory;
import dev.vigil.wireguard.apply.MeshChanges;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.util.concurrent.Callable;

/** {@code ops wg remove HOST}: see {@link MeshChanges#remove}. */
@Command(name = "remove", description = "Take HOST out of the network: every host that lists it drops the peer and its route, HOST's wg0 is stopped and disabled, and its key leaves the key file; then delete HOST from the inventory.")
public final class WgRemoveCommand implements Callable<Integer> {

    @Spec
    CommandLine.Model.CommandSpec spec;

    @Mixin
    FleetOptions fleet;

    @Parameters(paramLabel = "HOST")
    String host;

    @Option(names = "--dry-run", description = "Show what would change (with diffs), change nothing.")
    boolean dryRun;

    @Override
    public Integer call() {
        Inventory inv = fleet.load(spec);
        WgCommand.node(spec, inv, host);
        boolean verbose = ((Ops) spec.root().userObject()).verbose();
        return MeshChanges.remove(inv, host, dryRun, fleet.parallel(), verbose, spec.commandLine().getOut()) ? 0 : 1;
    }
}
