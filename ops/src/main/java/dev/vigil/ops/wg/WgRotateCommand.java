package dev.vigil.ops.wg;

import dev.vigil.wireguard.apply.MeshChanges;
import picocli.CommandLine.Command;

/** {@code ops wg rotate HOST}: see {@link MeshChanges#rotate}. */
@Command(name = "rotate", description = "Give HOST a new key, made on the host: the public key goes into the key file and every host that lists HOST is updated with wg syncconf. HOST's sessions restart; no other session does.")
public final class WgRotateCommand extends WgHostChangeCommand {

    public WgRotateCommand() {
        super(MeshChanges::rotate);
    }
}
