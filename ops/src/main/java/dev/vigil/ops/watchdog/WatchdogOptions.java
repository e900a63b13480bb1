package dev.vigil.ops.watchdog;

import dev.vigil.provisioning.inventory.InventoryException;
import dev.vigil.provisioning.inventory.InventoryLoader;
import dev.vigil.watchdog.StateFile;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;

import java.io.UncheckedIOException;
import java.nio.file.Path;

/** The options every {@code ops watchdog} command shares. A bad inventory is a usage error (status 2). */
final class WatchdogOptions {

    static final String DEFAULT_STATE = "/var/lib/vigil-watchdog/state.json";

    @Option(names = "--inventory", paramLabel = "PATH", defaultValue = InventoryLoader.DEFAULT_FILE,
            description = "The inventory: balancers (role lb), domains, roles.watchdog (default: ${DEFAULT-VALUE}).")
    Path inventory;

    @Option(names = "--state", paramLabel = "FILE", defaultValue = DEFAULT_STATE,
            description = "Where the watchdog records the addresses it removed, so that a restart restores them "
                    + "(default: ${DEFAULT-VALUE}).")
    Path state;

    WatchdogSetup setup(CommandSpec spec) {
        try {
            return new WatchdogSetup(InventoryLoader.load(inventory));
        } catch (InventoryException | UncheckedIOException | IllegalArgumentException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage(), e);
        }
    }

    StateFile stateFile() {
        return new StateFile(state);
    }

    /** Settings that fail only when used (a missing secret, a bad CA file) are usage errors too. */
    static <T> T usage(CommandSpec spec, java.util.function.Supplier<T> make) {
        try {
            return make.get();
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
        }
    }
}
