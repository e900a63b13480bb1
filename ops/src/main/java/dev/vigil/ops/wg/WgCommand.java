package dev.vigil.ops.wg;

import dev.vigil.provisioning.inventory.Inventory;
import dev.vigil.wireguard.mesh.Mesh;
import dev.vigil.wireguard.mesh.MeshException;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code ops wg}: the private network (see docs/private-network.md). */
@Command(name = "wg",
        description = {"The private WireGuard network: each host's peers and firewall from the inventory's tiers and "
                + "tier policy (network.policy), keys made on the hosts."},
        synopsisSubcommandLabel = "COMMAND",
        subcommands = {WgRenderCommand.class, WgKeysCommand.class, WgApplyCommand.class, WgAddCommand.class,
                WgRemoveCommand.class, WgRotateCommand.class, WgVerifyCommand.class},
        footer = {"", "Exit status: 0 fine, 1 a host failed, 2 bad usage, inventory or key file.",
                "Details: docs/private-network.md"})
public final class WgCommand {

    /** The inventory's mesh; a broken one is a usage error (status 2), found before any server is contacted. */
    static Mesh mesh(CommandLine.Model.CommandSpec spec, Inventory inventory) {
        try {
            return Mesh.of(inventory);
        } catch (MeshException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
        }
    }

    /** The inventory's node named {@code host}; an unknown name is a usage error too. */
    static Mesh.Node node(CommandLine.Model.CommandSpec spec, Inventory inventory, String host) {
        Mesh mesh = mesh(spec, inventory);
        try {
            return mesh.node(host);
        } catch (MeshException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
        }
    }
}
