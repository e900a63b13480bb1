package dev.vigil.provisioning.testbed;

import dev.vigil.provisioning.ssh.SshTarget;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/** SSH targets for test hosts, as the production code would build them from an inventory. */
public final class TestTargets {

    private TestTargets() {
    }

    public static SshTarget root(TestHost h) {
        return root(h, h.knownHosts());
    }

    public static SshTarget root(TestHost h, Path knownHosts) {
        return new SshTarget(h.name(), h.ip(), h.port(), "root", List.of(h.rootKey()), knownHosts,
                Duration.ofSeconds(5), Duration.ofSeconds(300));
    }
}
