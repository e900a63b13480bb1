package dev.vigil.ops.provision;

import dev.vigil.haproxy.InvalidHaproxyConfigException;
import dev.vigil.haproxy.LbConfigException;
import dev.vigil.haproxy.LbTasks;
import dev.vigil.ops.Ops;
import dev.vigil.ops.secrets.OperatorKey;
import dev.vigil.provisioning.inventory.Host;
import dev.vigil.provisioning.inventory.Inventory;
import dev.vigil.provisioning.run.FleetContext;
import dev.vigil.provisioning.run.ProvisionRequest;
import dev.vigil.provisioning.run.Workflows;
import dev.vigil.provisioning.task.Task;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;

/** {@code ops provision}: bring servers in line with the inventory, or show what would change. */
@Command(name = "provision", description = "Apply each host's recipe (base + its roles) over SSH, idempotently.",
        footer = {"", "Exit status: 0 all hosts fine, 1 a host failed, 2 bad command line, inventory or secrets.",
                "Details: docs/provisioning.md"})
public final class ProvisionCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @ParentCommand
    Ops ops;

    @Mixin
    FleetOptions fleet;

    @Mixin
    OperatorKey key;

    @Option(names = "--dry-run", description = "Show what would change (with diffs) and change nothing.")
    boolean dryRun;

    @Option(names = "--ops-jar", paramLabel = "FILE",
            description = "The ops jar to install on db and watchdog servers (default: the jar this ops runs from).")
    Path opsJar;

    @Option(names = "--ssh-user", paramLabel = "USER",
            description = "Log in as USER for this run instead of the inventory's ssh.user (e.g. root, on a new "
                    + "server before its admin user exists).")
    String sshUser;

    @Override
    public Integer call() {
        FleetContext context = fleet.context(spec, List.of());
        ProvisionRequest request = new ProvisionRequest(() -> key.read(spec, context.inventory()),
                Optional.ofNullable(opsJar), Workflows.jarOf(Ops.class), Optional.ofNullable(sshUser), dryRun,
                ops.verbose(), Optional.of(ProvisionCommand::lbTasks));
        return FleetOptions.beforeAnyConnection(spec, () -> Workflows.prepare(context, request)).run() ? 0 : 1;
    }

    /** An lb host's configuration tasks, the same as {@code ops lb apply}'s; what the inventory lacks is usage. */
    private static List<Task> lbTasks(Inventory inventory, Host host) {
        try {
            return LbTasks.forHost(inventory, host);
        } catch (LbConfigException | InvalidHaproxyConfigException e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        }
    }
}
