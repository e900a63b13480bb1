package dev.vigil.ops.wg;

import dev.vigil.wireguard.apply.MeshChanges;
import picocli.CommandLine.Command;

/** {@code ops wg remove HOST}: see {@link MeshChanges#remove}. */
@Command(name = "remove", description = "Take HOST out of the network: every host that lists it drops the peer and its route, HOST's wg0 is stopped and disabled, and its key leaves the key file; then delete HOST from the inventory.")
public final class WgRemoveCommand extends WgHostChangeCommand {

    public WgRemoveCommand() {
        super(MeshChanges::remove);
    }
}
