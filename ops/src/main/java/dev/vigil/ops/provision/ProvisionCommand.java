package dev.vigil.ops.provision;

import dev.vigil.ops.Ops;
import dev.vigil.ops.backup.Failures;
import dev.vigil.ops.secrets.OperatorKey;
import dev.vigil.provisioning.inventory.Host;
import dev.vigil.provisioning.inventory.Inventory;
import dev.vigil.provisioning.role.RecipeInputs;
import dev.vigil.provisioning.role.Recipes;
import dev.vigil.provisioning.run.Workflows;
import dev.vigil.provisioning.secrets.Secrets;
import dev.vigil.provisioning.task.Task;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;

/** {@code ops provision}: bring servers in line with the inventory, or show what would change. */
@Command(name = "provision", description = "Apply each host's recipe (base + its roles) over SSH, idempotently.",
        footer = {"", "Exit status: 0 all hosts fine, 1 a host failed, 2 bad command line, inventory or secrets.",
                "Details: docs/provisioning.md"})
public final class ProvisionCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    FleetOptions fleet;

    @Mixin
    OperatorKey key;

    @Option(names = "--check", description = "Dry run: show what would change (with diffs), change nothing.")
    boolean check;

    @Option(names = {"-v", "--verbose"}, description = "List unchanged tasks too.")
    boolean verbose;

    @Option(names = "--ops-jar", paramLabel = "FILE",
            description = "The ops jar to install on db and watchdog servers (default: the jar this ops runs from).")
    Path opsJar;

    @Option(names = "--ssh-user", paramLabel = "USER",
            description = "Log in as USER for this run instead of the inventory's ssh.user (e.g. root, on a new "
                    + "server before its admin user exists).")
    String sshUser;

    @Override
    public Integer call() throws Exception {
        Inventory inv = fleet.load(spec);
        List<Host> hosts = fleet.select(spec, inv, List.of());
        Map<String, List<Task>> recipes;
        try {
            Secrets secrets = hosts.stream().anyMatch(Recipes::needsSecrets) && Files.exists(inv.secrets().file())
                    ? key.read(spec, inv) : Secrets.none();
            recipes = Workflows.recipes(inv, hosts, new RecipeInputs(secrets, jar(inv, hosts)));
        } catch (IllegalArgumentException | UncheckedIOException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage()); // nothing touched yet
        }
        List<Host> reached = sshUser == null ? hosts : hosts.stream().map(h -> h.loggingInAs(sshUser)).toList();
        return Failures.run(spec, () -> Workflows.provision(inv, reached, recipes, check, fleet.parallel, verbose,
                spec.commandLine().getOut()) ? 0 : 1);
    }

    /** The ops jar, when some selected host needs it: --ops-jar, else the jar this ops was started from. */
    private Optional<Path> jar(Inventory inv, List<Host> hosts) {
        if (opsJar != null) {
            if (!Files.isRegularFile(opsJar)) {
                throw new IllegalArgumentException("--ops-jar " + opsJar + " is not a file");
            }
            return Optional.of(opsJar);
        }
        if (hosts.stream().noneMatch(h -> Recipes.needsOpsJar(inv, h))) {
            return Optional.empty();
        }
        try {
            Path self = Path.of(Ops.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            return Files.isRegularFile(self) && self.toString().endsWith(".jar") ? Optional.of(self)
                    : Optional.empty();
        } catch (java.net.URISyntaxException | SecurityException | NullPointerException e) {
            return Optional.empty();
        }
    }
}
