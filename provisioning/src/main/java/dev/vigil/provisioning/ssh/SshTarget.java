package dev.vigil.provisioning.ssh;

import dev.vigil.provisioning.inventory.Host;
import dev.vigil.provisioning.inventory.SshSettings;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * Everything needed to reach one host over SSH: where, as whom, with which keys (files, and the ssh-agent at
 * {@code agentSocket} if any), checked against which known_hosts file, and how long to wait.
 */
public record SshTarget(String name, String address, int port, String user, List<Path> identities,
                        Optional<Path> agentSocket, Path knownHosts, Duration connectTimeout,
                        Duration commandTimeout) {

    public SshTarget {
        identities = List.copyOf(identities);
    }

    /** A target that uses key files only. */
    public SshTarget(String name, String address, int port, String user, List<Path> identities, Path knownHosts,
                     Duration connectTimeout, Duration commandTimeout) {
        this(name, address, port, user, identities, Optional.empty(), knownHosts, connectTimeout, commandTimeout);
    }

    /** The target for an inventory host; the agent is the one in {@code SSH_AUTH_SOCK} unless turned off. */
    public static SshTarget of(Host host, SshSettings ssh) {
        Optional<Path> agent = ssh.agent() ? Optional.ofNullable(System.getenv("SSH_AUTH_SOCK"))
                .filter(s -> !s.isBlank()).map(Path::of) : Optional.empty();
        return new SshTarget(host.name(), host.sshAddress().getHostAddress(), host.ssh().port(), host.ssh().user(),
                ssh.identities(), agent, ssh.knownHosts(), Duration.ofSeconds(ssh.connectTimeoutSeconds()),
                Duration.ofSeconds(ssh.commandTimeoutSeconds()));
    }

    /** How known_hosts names this host. */
    public String hostKeyName() {
        return KnownHostsFile.hostKeyName(address, port);
    }

    @Override
    public String toString() {
        return name + " (" + user + "@" + address + ":" + port + ")";
    }
}
