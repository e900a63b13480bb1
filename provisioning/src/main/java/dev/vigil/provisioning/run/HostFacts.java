package dev.vigil.provisioning.run;

import dev.vigil.provisioning.inventory.Host;
import dev.vigil.provisioning.remote.RemoteHost;

import java.time.Duration;
import java.util.Optional;

/** What {@code ops hosts} shows of a server: reachable or why not, its OS, uptime and pending reboot. */
public record HostFacts(String name, boolean reachable, Optional<String> os, Optional<Duration> uptime,
                        Optional<Boolean> rebootRequired, Optional<String> error) {

    static final String SCRIPT = ". /etc/os-release; echo \"$PRETTY_NAME\"; cut -d' ' -f1 /proc/uptime;"
            + " if [ -e /run/reboot-required ]; then echo yes; else echo no; fi";

    static HostFacts gather(RemoteHost host) {
        String[] lines = host.check(SCRIPT).split("\n");
        if (lines.length < 3) {
            throw new IllegalStateException(host.name() + ": unexpected answer to the facts script");
        }
        Duration up = Duration.ofMillis((long) (Double.parseDouble(lines[1].strip()) * 1000));
        return new HostFacts(host.name(), true, Optional.of(lines[0].strip()), Optional.of(up),
                Optional.of(lines[2].strip().equals("yes")), Optional.empty());
    }

    static HostFacts unreachable(RemoteHost host, RuntimeException e) {
        return new HostFacts(host.name(), false, Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.of(e.getMessage()));
    }

    /** Host facts with the inventory's view, for the table. */
    public record Row(Host host, HostFacts facts) {
    }
}
