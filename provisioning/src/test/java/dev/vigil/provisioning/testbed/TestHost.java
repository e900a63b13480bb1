package dev.vigil.provisioning.testbed;

import java.nio.file.Path;

/**
 * A booted test host: a Debian system with systemd and sshd, reachable at {@code ip:port} as root with
 * {@code rootKey}; {@code knownHosts} (written by the harness) holds its host key, for strict checking.
 */
public record TestHost(String name, String ip, int port, Path rootKey, Path knownHosts) {
}
