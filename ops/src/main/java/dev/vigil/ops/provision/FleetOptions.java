package dev.vigil.ops.provision;

import dev.vigil.provisioning.inventory.Host;
import dev.vigil.provisioning.inventory.Inventory;
import dev.vigil.provisioning.inventory.InventoryException;
import dev.vigil.provisioning.inventory.InventoryLoader;
import dev.vigil.provisioning.inventory.Role;
import dev.vigil.provisioning.run.FleetContext;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;

import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The options every fleet command shares: which inventory, which hosts. A bad inventory or selection is a usage
 * error (status 2, one line): nothing has been attempted yet.
 */
public final class FleetOptions {

    @Option(names = "--inventory", paramLabel = "PATH", defaultValue = InventoryLoader.DEFAULT_FILE,
            description = "The inventory file (default: ${DEFAULT-VALUE}). known_hosts is looked up beside it.")
    Path inventory;

    @Option(names = "--hosts", paramLabel = "H1,H2", split = ",", description = "Only these hosts.")
    List<String> hosts = new ArrayList<>();

    @Option(names = "--roles", paramLabel = "R1,R2", split = ",",
            description = "Only hosts with one of these roles (lb, app, db, watchdog).")
    List<String> roles = new ArrayList<>();

    @Option(names = "--parallel", paramLabel = "N", defaultValue = "5",
            description = "At most N hosts at a time (default: ${DEFAULT-VALUE}).")
    int parallel;

    public Inventory load(CommandSpec spec) {
        if (parallel < 1 || parallel > 100) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--parallel must be from 1 to 100");
        }
        try {
            return InventoryLoader.load(inventory);
        } catch (InventoryException | UncheckedIOException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage(), e);
        }
    }

    /** The inventory, the selected hosts and the parallelism, as every fleet workflow takes them. */
    public FleetContext context(CommandSpec spec, List<String> hostsOrRoles) {
        Inventory inv = load(spec);
        return new FleetContext(inv, select(spec, inv, hostsOrRoles), parallel, spec.commandLine().getOut());
    }

    /**
     * Runs {@code prepare}, which checks what it was given before any server is contacted: what it refuses
     * ({@link IllegalArgumentException}, or a file it cannot read) is a usage error.
     */
    public static <T> T beforeAnyConnection(CommandSpec spec, java.util.function.Supplier<T> prepare) {
        try {
            return prepare.get();
        } catch (IllegalArgumentException | UncheckedIOException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
        }
    }

    /** The selected hosts; extra names (like {@code ops exec}'s target) may name hosts or roles. */
    public List<Host> select(CommandSpec spec, Inventory inv, List<String> hostsOrRoles) {
        List<String> names = new ArrayList<>(hosts);
        List<Role> wantedRoles = new ArrayList<>();
        for (String r : roles) {
            wantedRoles.add(Role.byId(r).orElseThrow(() -> new CommandLine.ParameterException(spec.commandLine(),
                    "unknown role \"" + r + "\"; roles are " + Role.ids())));
        }
        for (String t : hostsOrRoles) {
            if (inv.host(t).isPresent()) {
                names.add(t);
            } else if (Role.byId(t).isPresent()) {
                wantedRoles.add(Role.byId(t).get());
            } else {
                throw new CommandLine.ParameterException(spec.commandLine(), "\"" + t
                        + "\" is neither a host in " + inventory + " nor a role (" + Role.ids() + ")");
            }
        }
        try {
            List<Host> selected = inv.select(names, wantedRoles);
            if (selected.isEmpty()) {
                throw new CommandLine.ParameterException(spec.commandLine(), "no host matches the selection");
            }
            return selected;
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
        }
    }
}
