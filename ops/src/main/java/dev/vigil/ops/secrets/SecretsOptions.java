package dev.vigil.ops.secrets;

import dev.vigil.provisioning.inventory.Inventory;
import dev.vigil.provisioning.inventory.InventoryException;
import dev.vigil.provisioning.inventory.InventoryLoader;
import dev.vigil.provisioning.secrets.Secrets;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.io.UncheckedIOException;
import java.nio.file.Path;

/** Which secrets file (the one the inventory names) and the operator's key that opens it. */
public final class SecretsOptions {

    @Option(names = "--inventory", paramLabel = "PATH", defaultValue = InventoryLoader.DEFAULT_FILE,
            description = "The inventory file (default: ${DEFAULT-VALUE}); it names the secrets file and its "
                    + "recipients.")
    Path inventory;

    @Mixin
    OperatorKey key;

    public Inventory load(CommandSpec spec) {
        try {
            return InventoryLoader.load(inventory);
        } catch (InventoryException | UncheckedIOException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage(), e);
        }
    }

    public SecretsFile file(Inventory inv) {
        return new SecretsFile(inv.secrets().file());
    }

    public Secrets read(CommandSpec spec, Inventory inv) {
        return key.read(spec, inv);
    }
}
