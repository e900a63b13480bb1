package dev.vigil.ops.provision;

import dev.vigil.provisioning.run.Workflows;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

import java.util.List;
import java.util.concurrent.Callable;

/** {@code ops hosts}: the fleet at a glance; {@code ops hosts trust} records a new server's host key. */
@Command(name = "hosts", description = "List the inventory's hosts with live facts (reachable, OS, uptime, "
        + "pending reboot).", subcommands = HostsTrustCommand.class)
public final class HostsCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    FleetOptions fleet;

    @Override
    public Integer call() {
        return Workflows.overview(fleet.context(spec, List.of())) ? 0 : 1;
    }
}
