package dev.vigil.ops.lb;

import dev.vigil.haproxy.InvalidHaproxyConfigException;
import dev.vigil.haproxy.LbConfigException;
import dev.vigil.haproxy.LbWorkflows;
import dev.vigil.ops.provision.FleetOptions;
import dev.vigil.provisioning.inventory.Host;
import dev.vigil.provisioning.inventory.Inventory;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;

import java.util.List;
import java.util.function.Supplier;

/** {@code ops lb}: the HAProxy load balancers (see docs/load-balancers.md). */
@Command(name = "lb",
        description = {"The HAProxy load balancers: their configuration, built from the inventory (hosts with role "
                + "lb, the app servers, domains.app and domains.ping, roles.lb), and their server states."},
        synopsisSubcommandLabel = "COMMAND",
        subcommands = {LbRenderCommand.class, LbCertsCommand.class, LbRenewCommand.class, LbApplyCommand.class, LbStatusCommand.class,
                LbDrainCommand.class, LbReadyCommand.class},
        footer = {"", "Exit status: 0 fine, 1 the work failed, 2 bad usage or inventory.",
                "Details: docs/load-balancers.md"})
public final class LbCommand {

    /** The selected hosts with role lb (every one by default); none is a usage error. */
    static List<Host> balancers(CommandSpec spec, FleetOptions fleet, Inventory inventory) {
        return beforeAnyConnection(spec, () -> LbWorkflows.balancers(fleet.select(spec, inventory, List.of())));
    }

    /** Runs a check made before any balancer is contacted: what it refuses is a usage error (status 2). */
    static <T> T beforeAnyConnection(CommandSpec spec, Supplier<T> prepare) {
        try {
            return prepare.get();
        } catch (IllegalArgumentException | LbConfigException | InvalidHaproxyConfigException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
        }
    }

    static void beforeAnyConnection(CommandSpec spec, Runnable check) {
        beforeAnyConnection(spec, () -> {
            check.run();
            return null;
        });
    }
}
