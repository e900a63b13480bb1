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

/** {@code ops wg add HOST}: see {@link MeshChanges#add}. */
@Command(name = "add", description = "Bring HOST (already in the inventory) into the network: it makes its key if it has none, then HOST and every host that lists it are applied with wg syncconf, so other sessions stay.")
public final class WgAddCommand implements Callable<Integer> {

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
        return MeshChanges.add(inv, host, dryRun, fleet.parallel(), verbose, spec.commandLine().getOut()) ? 0 : 1;
    }
}
