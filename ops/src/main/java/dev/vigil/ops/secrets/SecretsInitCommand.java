package dev.vigil.ops.secrets;

import dev.vigil.provisioning.inventory.Inventory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

import java.util.concurrent.Callable;

/** {@code ops secrets init}: an empty secrets file, encrypted to the inventory's recipients. */
@Command(name = "init", description = "Create an empty secrets file encrypted to secrets.recipients.")
public final class SecretsInitCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    SecretsOptions options;

    @Override
    public Integer call() throws Exception {
        Inventory inv = options.load(spec);
        SecretsFile file = options.file(inv);
        file.create(inv.secrets().recipients());
        spec.commandLine().getOut().println("created " + file.path() + " for " + inv.secrets().recipients().size()
                + " recipient(s)");
        return 0;
    }
}
