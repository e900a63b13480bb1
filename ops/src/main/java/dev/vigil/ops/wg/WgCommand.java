package dev.vigil.ops.wg;

import picocli.CommandLine.Command;

/** {@code ops wg}: the private network (see docs/private-network.md). */
@Command(name = "wg",
        description = {"The private WireGuard network: each host's peers and firewall from the inventory's tiers and "
                + "tier policy (network.policy), keys made on the hosts."},
        synopsisSubcommandLabel = "COMMAND",
        subcommands = {WgRenderCommand.class, WgKeysCommand.class, WgApplyCommand.class, WgVerifyCommand.class},
        footer = {"", "Exit status: 0 fine, 1 a host failed, 2 bad usage, inventory or key file.",
                "Details: docs/private-network.md"})
public final class WgCommand {
}
