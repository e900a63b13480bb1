package dev.vigil.ops.secrets;

import dev.vigil.provisioning.inventory.Inventory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

import java.util.concurrent.Callable;

/** {@code ops secrets rekey}: encrypt again to the inventory's current recipients (after adding or removing one). */
@Command(name = "rekey", description = "Encrypt the secrets again to the current secrets.recipients.")
public final class SecretsRekeyCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    SecretsOptions options;

    @Override
    public Integer call() throws Exception {
        Inventory inv = options.load(spec);
        options.file(inv).write(inv.secrets().recipients(), options.read(spec, inv));
        spec.commandLine().getOut().println("encrypted " + options.file(inv).path() + " to "
                + inv.secrets().recipients().size() + " recipient(s)");
        return 0;
    }
}
