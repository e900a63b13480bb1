package dev.vigil.ops.wg;

import dev.vigil.ops.provision.FleetOptions;
import dev.vigil.provisioning.inventory.Host;
import dev.vigil.provisioning.inventory.Inventory;
import dev.vigil.wireguard.apply.WgWorkflows;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.util.List;
import java.util.concurrent.Callable;

/** {@code ops wg keys}: each host makes its key (if it has none); the public keys go into the key file. */
@Command(name = "keys", description = "Make each host's WireGuard key on the host (umask 077, wg genkey) when it "
        + "has none, and record the public keys in network.keys_file beside the inventory.")
public final class WgKeysCommand implements Callable<Integer> {

    @Spec
    CommandLine.Model.CommandSpec spec;

    @Mixin
    FleetOptions fleet;

    @Option(names = "--dry-run", description = "List the hosts that have no recorded key; contact none.")
    boolean dryRun;

    @Override
    public Integer call() {
        Inventory inv = fleet.load(spec);
        List<Host> hosts = fleet.select(spec, inv, List.of());
        WgCommand.mesh(spec, inv);
        return WgWorkflows.keys(inv, hosts, dryRun, fleet.parallel(),
                spec.commandLine().getOut()) ? 0 : 1;
    }
}
