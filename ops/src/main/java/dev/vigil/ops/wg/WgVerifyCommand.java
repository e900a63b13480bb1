package dev.vigil.ops.wg;

import dev.vigil.ops.provision.FleetOptions;
import dev.vigil.provisioning.inventory.Host;
import dev.vigil.provisioning.inventory.Inventory;
import dev.vigil.wireguard.apply.VerifyPlan;
import dev.vigil.wireguard.apply.WgWorkflows;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

/** {@code ops wg verify}: live peer lists and every pair of hosts probed against the tier policy; 1 on a surprise. */
@Command(name = "verify", description = {"Compare each host's live WireGuard peers with the policy's, then probe "
        + "every pair of hosts over WireGuard (from the source, over SSH) on the policy's ports and print an allowed / "
        + "denied / UNEXPECTED matrix; exit 1 on a peer list difference or an unexpected cell.",
        "With --local: this host's half only, from the plan 'ops wg apply' installed (no inventory, no SSH), as the "
                + "scheduled job on every WireGuard host runs it (as root, for wg show)."})
public final class WgVerifyCommand implements Callable<Integer> {

    @Spec
    CommandLine.Model.CommandSpec spec;

    @Mixin
    FleetOptions fleet;

    @Option(names = "--local", description = "Check this host only, from its installed plan.")
    boolean local;

    @Option(names = "--expect", paramLabel = "FILE", defaultValue = VerifyPlan.PATH,
            description = "What this host expects, for --local (default: ${DEFAULT-VALUE}, written by ops wg apply).")
    Path plan;

    @Override
    public Integer call() {
        if (local) {
            return WgWorkflows.verifyLocal(plan, spec.commandLine().getOut()) ? 0 : 1;
        }
        Inventory inv = fleet.load(spec);
        List<Host> hosts = fleet.select(spec, inv, List.of());
        WgCommand.mesh(spec, inv);
        return WgWorkflows.verify(inv, hosts, fleet.parallel(),
                spec.commandLine().getOut()) ? 0 : 1;
    }
}
