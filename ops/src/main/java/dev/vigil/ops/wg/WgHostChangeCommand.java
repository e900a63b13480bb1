package dev.vigil.ops.wg;

import dev.vigil.ops.Ops;
import dev.vigil.ops.provision.FleetOptions;
import dev.vigil.provisioning.inventory.Inventory;
import picocli.CommandLine;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.util.concurrent.Callable;

/**
 * The shape {@code ops wg add|remove|rotate HOST} share: the fleet options, one HOST (an unknown name is a usage
 * error), {@code --dry-run}, and one {@link dev.vigil.wireguard.apply.MeshChanges} workflow; exit status 1 when a
 * host failed.
 */
abstract class WgHostChangeCommand implements Callable<Integer> {

    /** One of {@code MeshChanges.add}, {@code remove}, {@code rotate}. */
    @FunctionalInterface
    interface Change {
        boolean run(Inventory inventory, String host, boolean dryRun, int parallel, boolean verbose, PrintWriter out);
    }

    private final Change change;

    @Spec
    CommandLine.Model.CommandSpec spec;

    @Mixin
    FleetOptions fleet;

    @Parameters(paramLabel = "HOST")
    String host;

    @Option(names = "--dry-run", description = "Show what would change (with diffs), change nothing.")
    boolean dryRun;

    WgHostChangeCommand(Change change) {
        this.change = change;
    }

    @Override
    public Integer call() {
        Inventory inv = fleet.load(spec);
        WgCommand.node(spec, inv, host);
        boolean verbose = ((Ops) spec.root().userObject()).verbose();
        return change.run(inv, host, dryRun, fleet.parallel(), verbose, spec.commandLine().getOut()) ? 0 : 1;
    }
}
