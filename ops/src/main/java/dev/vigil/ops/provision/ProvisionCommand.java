package dev.vigil.ops.provision;

import dev.vigil.provisioning.inventory.Inventory;
import dev.vigil.provisioning.run.Workflows;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.util.List;
import java.util.concurrent.Callable;

/** {@code ops provision}: bring servers in line with the inventory, or show what would change. */
@Command(name = "provision", description = "Apply each host's recipe (base + its roles) over SSH, idempotently.",
        footer = {"", "Exit status: 0 all hosts fine, 1 a host failed, 2 bad command line or inventory.",
                "Details: docs/provisioning.md"})
public final class ProvisionCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    FleetOptions fleet;

    @Option(names = "--check", description = "Dry run: show what would change (with diffs), change nothing.")
    boolean check;

    @Option(names = {"-v", "--verbose"}, description = "List unchanged tasks too.")
    boolean verbose;

    @Override
    public Integer call() {
        Inventory inv = fleet.load(spec);
        boolean ok = Workflows.provision(inv, fleet.select(spec, inv, List.of()), check, fleet.parallel, verbose,
                spec.commandLine().getOut());
        return ok ? 0 : 1;
    }
}
