package dev.vigil.ops.provision;

import dev.vigil.provisioning.run.Workflows;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;

/** {@code ops exec}: run one shell command on hosts, as root. */
@Command(name = "exec", description = "Run a shell command as root on the hosts or roles named by TARGET.",
        footer = {"", "Examples:", "  ops exec app1 -- systemctl status vigil", "  ops exec db,lb -- uptime"})
public final class ExecCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    FleetOptions fleet;

    @Parameters(index = "0", paramLabel = "TARGET", split = ",", description = "Host or role names, comma-separated.")
    List<String> targets;

    @Parameters(index = "1..*", paramLabel = "CMD", arity = "1..*", description = "The command (after --).")
    List<String> command;

    @Option(names = "--timeout", paramLabel = "DURATION", defaultValue = "600",
            description = "Give up on a host after this long: seconds, or with a unit (90s, 10m, 2h) "
                    + "(default: ${DEFAULT-VALUE}).")
    Duration timeout;

    @Override
    public Integer call() {
        return Workflows.exec(fleet.context(spec, targets), String.join(" ", command), timeout) ? 0 : 1;
    }
}
