package dev.vigil.ops.wg;

import dev.vigil.ops.provision.FleetOptions;
import dev.vigil.provisioning.inventory.Inventory;
import dev.vigil.wireguard.apply.WgWorkflows;
import dev.vigil.wireguard.mesh.MeshException;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.util.concurrent.Callable;

/** {@code ops wg render HOST}: prints the host's wg0.conf and nftables table; contacts no server. */
@Command(name = "render", description = "Print HOST's wg0.conf and wg0 nftables table as apply would write them.")
public final class WgRenderCommand implements Callable<Integer> {

    @Spec
    CommandLine.Model.CommandSpec spec;

    @Mixin
    FleetOptions fleet;

    @Parameters(paramLabel = "HOST")
    String host;

    @Override
    public Integer call() {
        Inventory inv = fleet.load(spec);
        try {
            WgWorkflows.render(inv, host, spec.commandLine().getOut());
        } catch (MeshException | IllegalArgumentException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
        }
        return 0;
    }
}
