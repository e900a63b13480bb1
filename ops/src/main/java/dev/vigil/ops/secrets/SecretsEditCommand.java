package dev.vigil.ops.secrets;

import dev.vigil.provisioning.inventory.Inventory;
import dev.vigil.provisioning.secrets.Secrets;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

import java.util.Optional;
import java.util.concurrent.Callable;

/** {@code ops secrets edit}: change the secrets in $VISUAL or $EDITOR (vi by default). */
@Command(name = "edit", description = "Edit the secrets in $VISUAL or $EDITOR (default vi); the plaintext lives "
        + "in a private temporary file that is removed afterwards.")
public final class SecretsEditCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    SecretsOptions options;

    @Override
    public Integer call() throws Exception {
        Inventory inv = options.load(spec);
        Secrets secrets = options.read(spec, inv);
        Optional<Secrets> edited = SecretsEditor.chosenBy(System.getenv()).edit(secrets);
        if (edited.isEmpty() || edited.get().equals(secrets)) {
            spec.commandLine().getOut().println("no change; " + options.file(inv).path() + " left as it was");
            return 0;
        }
        options.file(inv).write(inv.secrets().recipients(), edited.get());
        spec.commandLine().getOut().println("saved " + edited.get().keys().size() + " secret(s) to "
                + options.file(inv).path());
        return 0;
    }
}
