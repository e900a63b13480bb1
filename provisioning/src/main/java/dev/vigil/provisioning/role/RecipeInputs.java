package dev.vigil.provisioning.role;

import dev.vigil.provisioning.secrets.Secrets;

import java.nio.file.Path;
import java.util.Optional;

/**
 * What recipes need beyond the inventory: the decrypted secrets, and the ops jar that db and watchdog servers
 * run ({@code ops backup run}, {@code ops watchdog run}).
 */
public record RecipeInputs(Secrets secrets, Optional<Path> opsJar) {

    /** For recipes that need neither (base-only and lb hosts, and tests of those). */
    public static RecipeInputs none() {
        return new RecipeInputs(Secrets.none(), Optional.empty());
    }

    Path requireOpsJar(String neededBy) {
        return opsJar.orElseThrow(() -> new IllegalArgumentException(neededBy + " installs the ops jar on the "
                + "server, but this ops does not run from a jar: run bin/ops, or give --ops-jar FILE"));
    }
}
