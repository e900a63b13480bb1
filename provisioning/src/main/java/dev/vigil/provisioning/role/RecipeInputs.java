package dev.vigil.provisioning.role;

import dev.vigil.provisioning.secrets.Secrets;

import java.nio.file.Path;
import java.util.Optional;

/**
 * What recipes need beyond the inventory: the decrypted secrets, the ops jar that db and watchdog servers run
 * ({@code ops backup run}, {@code ops watchdog run}), and the load balancers' configuration tasks (from the
 * haproxy module; without them an lb host only gets HAProxy installed and running, as in provisioning's own
 * tests).
 */
public record RecipeInputs(Secrets secrets, Optional<Path> opsJar, Optional<LbConfiguration> lbConfiguration) {

    public RecipeInputs(Secrets secrets, Optional<Path> opsJar) {
        this(secrets, opsJar, Optional.empty());
    }

    /** For recipes that need neither (base-only and lb hosts, and tests of those). */
    public static RecipeInputs none() {
        return new RecipeInputs(Secrets.none(), Optional.empty());
    }

    public RecipeInputs withLbConfiguration(LbConfiguration lb) {
        return new RecipeInputs(secrets, opsJar, Optional.of(lb));
    }

    Path requireOpsJar(String neededBy) {
        return opsJar.orElseThrow(() -> new IllegalArgumentException(neededBy + " installs the ops jar on the "
                + "server, but this ops does not run from a jar: run bin/ops, or give --ops-jar FILE"));
    }
}
