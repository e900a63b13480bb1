package dev.vigil.ops.watchdog;

import dev.vigil.watchdog.DnsRecords;
import dev.vigil.watchdog.DnsStatus;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

import java.util.List;
import java.util.concurrent.Callable;

/** {@code ops watchdog status}: DNS now against what it should hold. */
@Command(name = "status",
        description = {"Ask the DNS provider what the domains' A/AAAA records hold now and compare with what they "
                + "should hold: every load balancer address, except those the watchdog removed (its state file). "
                + "Addresses that belong to no balancer are listed too. Changes nothing.",
                "Exit status 0 when DNS matches, 1 when anything differs."},
        footer = {"", "Example:", "  ops watchdog status --inventory /etc/vigil/ops.yaml \\",
                "      --state /var/lib/vigil-watchdog/state.json"})
public final class WatchdogStatusCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    WatchdogOptions options;

    @Override
    public Integer call() throws Exception {
        WatchdogSetup setup = options.setup(spec);
        DnsRecords dns = WatchdogOptions.usage(spec, () -> setup.dns(System.getenv()));
        List<DnsStatus.Row> rows = DnsStatus.compare(setup.config(), options.stateFile().removed(), dns);
        spec.commandLine().getOut().print(DnsStatus.table(rows));
        spec.commandLine().getOut().flush();
        return rows.stream().allMatch(DnsStatus.Row::matches) ? 0 : 1;
    }
}
