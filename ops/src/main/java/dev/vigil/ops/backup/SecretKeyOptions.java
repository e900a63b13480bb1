package dev.vigil.ops.backup;

import dev.vigil.backup.crypto.Decryptor;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;

import java.io.Console;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * The secret key that decrypts backups, and its passphrase. The passphrase is never an option value (it would
 * show in {@code ps} and shell history): it comes from an environment variable named by
 * {@code --passphrase-env}, the first line read from file descriptor {@code --passphrase-fd}, or a prompt on
 * the terminal.
 */
public final class SecretKeyOptions {

    @Option(names = "--secret-key", required = true, paramLabel = "FILE",
            description = "The secret key file (armored or binary, as gpg --export-secret-keys writes it).")
    Path secretKey;

    @Option(names = "--passphrase-env", paramLabel = "NAME",
            description = "Read the key's passphrase from environment variable NAME.")
    String passphraseEnv;

    @Option(names = "--passphrase-fd", paramLabel = "N",
            description = "Read the key's passphrase from the first line of file descriptor N (e.g. 3 with 3<file).")
    Integer passphraseFd;

    /** Checks the options (usage errors), reads the passphrase and opens the key. */
    Decryptor decryptor(CommandSpec spec, Map<String, String> env) {
        // not wiped afterwards: the Decryptor keeps the array and unlocks the key when it meets the backup
        return Decryptor.fromKeyFile(secretKey, passphrase(spec, env));
    }

    /** Validates the passphrase source without reading it, so that usage errors come before any work. */
    void check(CommandSpec spec, Map<String, String> env) {
        if (!Files.isReadable(secretKey)) {
            throw StorageOptions.usage(spec, "--secret-key " + secretKey + " is not a readable file");
        }
        if (passphraseEnv != null && passphraseFd != null) {
            throw StorageOptions.usage(spec, "give either --passphrase-env or --passphrase-fd, not both");
        }
        if (passphraseEnv != null && env.get(passphraseEnv) == null) {
            throw StorageOptions.usage(spec, "--passphrase-env: environment variable " + passphraseEnv
                    + " is not set");
        }
        if (passphraseFd != null && passphraseFd < 0) {
            throw StorageOptions.usage(spec, "--passphrase-fd must be a file descriptor number, not " + passphraseFd);
        }
        if (passphraseEnv == null && passphraseFd == null && System.console() == null) {
            throw StorageOptions.usage(spec, "no terminal to ask for the passphrase: give --passphrase-env NAME "
                    + "or --passphrase-fd N");
        }
    }

    private char[] passphrase(CommandSpec spec, Map<String, String> env) {
        check(spec, env);
        if (passphraseEnv != null) {
            return env.get(passphraseEnv).toCharArray();
        }
        if (passphraseFd != null) {
            Path fd = Path.of("/dev/fd/" + passphraseFd);
            try {
                String text = new String(Files.readAllBytes(fd), StandardCharsets.UTF_8);
                int end = text.indexOf('\n');
                String line = end < 0 ? text : text.substring(0, end);
                return (line.endsWith("\r") ? line.substring(0, line.length() - 1) : line).toCharArray();
            } catch (IOException e) {
                throw StorageOptions.usage(spec, "--passphrase-fd " + passphraseFd + ": cannot read: "
                        + e.getMessage());
            }
        }
        Console console = System.console();
        char[] typed = console.readPassword("Passphrase for the secret key: ");
        if (typed == null) {
            throw StorageOptions.usage(spec, "no passphrase given (end of input at the prompt)");
        }
        return typed;
    }
}
