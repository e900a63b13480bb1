package dev.vigil.provisioning.inventory;

import java.nio.file.Path;
import java.util.List;

/**
 * SSH defaults for every host: the login, the private key files to offer (ed25519 or RSA), whether to use a
 * running ssh-agent ({@code SSH_AUTH_SOCK}) too, the known_hosts file (strict checking, always) and timeouts.
 */
public record SshSettings(SshEndpoint login, List<Path> identities, boolean agent, Path knownHosts,
                          int connectTimeoutSeconds, int commandTimeoutSeconds) {

    public SshSettings {
        identities = List.copyOf(identities);
    }
}
