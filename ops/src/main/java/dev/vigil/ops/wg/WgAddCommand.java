package dev.vigil.ops.wg;

import dev.vigil.wireguard.apply.MeshChanges;
import picocli.CommandLine.Command;

/** {@code ops wg add HOST}: see {@link MeshChanges#add}. */
@Command(name = "add", description = "Bring HOST (already in the inventory) into the network: it makes its key if it has none, then HOST and every host that lists it are applied with wg syncconf, so other sessions stay.")
public final class WgAddCommand extends WgHostChangeCommand {

    public WgAddCommand() {
        super(MeshChanges::add);
    }
}
