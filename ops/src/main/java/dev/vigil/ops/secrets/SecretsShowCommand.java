package dev.vigil.ops.secrets;

import dev.vigil.provisioning.inventory.Inventory;
import dev.vigil.provisioning.secrets.Secrets;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.util.concurrent.Callable;

/** {@code ops secrets show [KEY]}: print the secrets (all, one value, or only their names). */
@Command(name = "show", description = "Print the secrets as 'key = value' lines, or only KEY's value.")
public final class SecretsShowCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    SecretsOptions options;

    @Parameters(arity = "0..1", paramLabel = "KEY", description = "Print only this secret's value.")
    String key;

    @Option(names = "--names", description = "Print the names only, no values.")
    boolean names;

    @Override
    public Integer call() throws Exception {
        Inventory inv = options.load(spec);
        Secrets secrets = options.read(spec, inv);
        PrintWriter out = spec.commandLine().getOut();
        if (key != null) {
            String value = secrets.get(key).orElseThrow(() -> new SecretsException("no secret named " + key
                    + " in " + options.file(inv).path()));
            out.println(value);
        } else if (names) {
            secrets.keys().forEach(out::println);
        } else {
            out.print(secrets.render());
        }
        out.flush();
        return 0;
    }
}
