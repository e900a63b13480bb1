package dev.vigil.provisioning.run;

import dev.vigil.provisioning.role.LbConfiguration;
import dev.vigil.provisioning.secrets.Secrets;

import java.nio.file.Path;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * What {@code ops provision} was asked to do beyond the selection.
 *
 * @param secrets    opens the secrets file; called only when a selected host's recipe needs secrets and the
 *                   file exists (so base and lb runs need no key)
 * @param opsJar     the jar to install on db and watchdog servers, when the operator named one
 * @param runningJar the jar this ops runs from, if it runs from one: the default for {@code opsJar}
 * @param sshUser    log in as this user for this run instead of the inventory's (a new server's first run)
 * @param dryRun     show what would change, change nothing
 * @param verbose    list unchanged tasks too
 * @param lbConfiguration the load balancers' configuration tasks (the haproxy module's, handed in by ops)
 */
public record ProvisionRequest(Supplier<Secrets> secrets, Optional<Path> opsJar, Optional<Path> runningJar,
                               Optional<String> sshUser, boolean dryRun, boolean verbose,
                               Optional<LbConfiguration> lbConfiguration) {

    public ProvisionRequest(Supplier<Secrets> secrets, Optional<Path> opsJar, Optional<Path> runningJar,
                            Optional<String> sshUser, boolean dryRun, boolean verbose) {
        this(secrets, opsJar, runningJar, sshUser, dryRun, verbose, Optional.empty());
    }
}
