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

/** {@code ops wg rotate HOST}: see {@link MeshChanges#rotate}. */
@Command(name = "rotate", description = "Give HOST a new key, made on the host: the public key goes into the key file and every host that lists HOST is updated with wg syncconf. HOST's sessions restart; no other session does.")
public final class WgRotateCommand implements Callable<Integer> {

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
        return MeshChanges.rotate(inv, host, dryRun, fleet.parallel(), verbose, spec.commandLine().getOut()) ? 0 : 1;
    }
}
