package dev.vigil.ops.secrets;

import dev.vigil.provisioning.inventory.Inventory;
import dev.vigil.provisioning.secrets.Secrets;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.util.concurrent.Callable;

/**
 * {@code ops secrets set KEY}: the value is typed at a prompt (twice, not echoed) or read from standard input,
 * never given as an argument, where {@code ps} and the shell history would keep it.
 */
@Command(name = "set", description = "Set one secret; the value is asked for on a terminal, else read from "
        + "standard input (one line).", footer = {"", "Example: ops secrets set database.password",
        "         pwgen -s 32 1 | ops secrets set database.password"})
public final class SecretsSetCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    SecretsOptions options;

    @Parameters(paramLabel = "KEY", description = "The secret's name, like database.password.")
    String key;

    @Override
    public Integer call() throws Exception {
        Inventory inv = options.load(spec);
        try {
            Secrets.none().with(key, "x"); // a bad name is a usage error, before any passphrase
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
        }
        Secrets secrets = options.read(spec, inv);
        String value = SecretInput.read(key, System.console(), System.in);
        Secrets changed;
        try {
            changed = secrets.with(key, value);
        } catch (IllegalArgumentException e) {
            throw new SecretsException(e.getMessage());
        }
        options.file(inv).write(inv.secrets().recipients(), changed);
        spec.commandLine().getOut().println((secrets.get(key).isPresent() ? "changed " : "added ") + key + " in "
                + options.file(inv).path());
        return 0;
    }
}
