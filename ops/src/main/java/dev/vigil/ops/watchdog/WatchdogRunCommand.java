package dev.vigil.ops.watchdog;

import dev.vigil.watchdog.DnsRecords;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

import java.util.concurrent.Callable;

/** {@code ops watchdog run}: the daemon. */
@Command(name = "run",
        description = {"Run the watchdog until SIGTERM: a probe round every interval, records removed after "
                + "fail_after failed rounds and restored after recover_after good ones, a heartbeat to the "
                + "watchdog's own Vigil check every round. Each decision is one line on stdout with its evidence.",
                "SIGTERM finishes the round in progress, then exits."},
        footer = {"", "Example (what the systemd unit runs):",
                "  java -jar /opt/vigil/ops.jar watchdog run --inventory /etc/vigil/ops.yaml \\",
                "      --state /var/lib/vigil-watchdog/state.json"})
public final class WatchdogRunCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    WatchdogOptions options;

    @Override
    public Integer call() throws Exception {
        WatchdogSetup setup = options.setup(spec);
        DnsRecords dns = WatchdogOptions.usage(spec, () -> setup.dns(System.getenv()));
        var probe = WatchdogOptions.usage(spec, setup::probe);
        setup.runDaemon(probe, dns, options.stateFile(), spec.commandLine().getOut());
        return 0;
    }
}
