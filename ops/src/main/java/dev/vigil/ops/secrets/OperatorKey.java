package dev.vigil.ops.secrets;

import dev.vigil.provisioning.inventory.Inventory;
import dev.vigil.provisioning.secrets.Secrets;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;

import java.io.Console;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * The operator's OpenPGP key that opens the secrets file. Its passphrase is never an option (it would show in
 * {@code ps} and shell history): it comes from {@code VIGIL_SECRETS_PASSPHRASE} or, on a terminal, a prompt.
 */
public final class OperatorKey {

    public static final String KEY_ENV = "VIGIL_SECRETS_KEY";
    public static final String PASSPHRASE_ENV = "VIGIL_SECRETS_PASSPHRASE";

    @Option(names = "--secret-key", paramLabel = "FILE", defaultValue = "${env:" + KEY_ENV + "}",
            description = "Your OpenPGP secret key file (gpg --export-secret-keys); default: $" + KEY_ENV + ". "
                    + "Its passphrase comes from $" + PASSPHRASE_ENV + " or a prompt.")
    Path secretKey;

    /** Decrypts the inventory's secrets file with the operator's key. */
    public Secrets read(CommandSpec spec, Inventory inv) {
        SecretsFile file = new SecretsFile(inv.secrets().file());
        if (!file.exists()) {
            throw new SecretsException("no secrets file " + file.path() + "; create it with 'ops secrets init'");
        }
        if (secretKey == null) {
            throw new CommandLine.ParameterException(spec.commandLine(), "the secrets need your OpenPGP secret key: "
                    + "give --secret-key FILE or set " + KEY_ENV);
        }
        if (!Files.isReadable(secretKey)) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--secret-key " + secretKey
                    + " is not a readable file");
        }
        char[] passphrase = passphrase(spec);
        try {
            return file.read(secretKey, passphrase);
        } finally {
            Arrays.fill(passphrase, '\0');
        }
    }

    private char[] passphrase(CommandSpec spec) {
        String fromEnv = System.getenv(PASSPHRASE_ENV);
        if (fromEnv != null) {
            return fromEnv.toCharArray();
        }
        Console console = System.console();
        if (console == null) {
            throw new CommandLine.ParameterException(spec.commandLine(), "no terminal to ask for the passphrase of "
                    + secretKey + ": set " + PASSPHRASE_ENV);
        }
        char[] typed = console.readPassword("Passphrase for %s: ", secretKey);
        if (typed == null) {
            throw new CommandLine.ParameterException(spec.commandLine(), "no passphrase given");
        }
        return typed;
    }
}
