package dev.vigil.ops.lb;

import picocli.CommandLine.Command;

/** {@code ops lb}: the HAProxy load balancers (see docs/load-balancers.md). */
@Command(name = "lb",
        description = {"The HAProxy load balancers: their configuration, built from the inventory (hosts with role "
                + "lb, the app servers, domains.app and domains.ping, roles.lb)."},
        synopsisSubcommandLabel = "COMMAND",
        subcommands = {LbRenderCommand.class, LbCertsCommand.class},
        footer = {"", "Exit status: 0 fine, 1 the work failed, 2 bad usage or inventory.",
                "Details: docs/load-balancers.md"})
public final class LbCommand {
}
