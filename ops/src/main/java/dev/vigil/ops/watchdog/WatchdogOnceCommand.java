package dev.vigil.ops.watchdog;

import dev.vigil.watchdog.ProbeResult;
import dev.vigil.watchdog.ProbeRound;
import dev.vigil.watchdog.ProbeTable;
import dev.vigil.watchdog.Target;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

import java.util.Map;
import java.util.concurrent.Callable;

/** {@code ops watchdog once}: one probe round, as a table; changes nothing. */
@Command(name = "once",
        description = {"Probe every load balancer address once and print what each answered. Changes nothing "
                + "(no DNS update, no state, no pings) and needs no DNS credentials.",
                "Exit status 0 when every address is healthy, 1 when any is not."},
        footer = {"", "Example:", "  ops watchdog once --inventory /etc/vigil/ops.yaml"})
public final class WatchdogOnceCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    WatchdogOptions options;

    @Override
    public Integer call() throws Exception {
        WatchdogSetup setup = options.setup(spec);
        var probe = WatchdogOptions.usage(spec, setup::probe);
        try (ProbeRound round = new ProbeRound(probe, setup.config().targets())) {
            Map<Target, ProbeResult> results = round.run();
            spec.commandLine().getOut().print(ProbeTable.render(results, options.stateFile().removed()));
            spec.commandLine().getOut().flush();
            return results.values().stream().allMatch(ProbeResult::healthy) ? 0 : 1;
        }
    }
}
