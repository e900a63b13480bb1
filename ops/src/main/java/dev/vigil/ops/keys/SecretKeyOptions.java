package dev.vigil.ops.keys;

import dev.vigil.openpgp.Decryptor;
import dev.vigil.openpgp.OpenPgpException;
import dev.vigil.openpgp.SecretKey;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;

import java.io.Console;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * An OpenPGP secret key and its passphrase, for every command that decrypts (backups, the secrets file). The one
 * rule for the passphrase: it is never an option value (it would show in {@code ps} and shell history); it comes
 * from file descriptor {@code --passphrase-fd N}, or the environment variable {@code --passphrase-env NAME}
 * names, or the command's own variable where it has one ({@code VIGIL_SECRETS_PASSPHRASE} for the secrets file),
 * or else a prompt on the terminal. A key stored without a passphrase needs none of them.
 *
 * <p>Every problem with these options, the key file included, is a usage error (status 2) found before any work.
 */
public final class SecretKeyOptions {

    /** The longest passphrase line read from a file descriptor. */
    private static final int MAX_PASSPHRASE = 4096;

    @Option(names = "--secret-key", paramLabel = "FILE",
            description = "Your OpenPGP secret key file (armored or binary, as gpg --export-secret-keys writes it); "
                    + "ops secrets and ops provision take $VIGIL_SECRETS_KEY when it is left out.")
    Path secretKey;

    @Option(names = "--passphrase-env", paramLabel = "NAME",
            description = "Read the key's passphrase from environment variable NAME.")
    String passphraseEnv;

    @Option(names = "--passphrase-fd", paramLabel = "N",
            description = "Read the key's passphrase from the first line of file descriptor N (e.g. 3 with 3<file). "
                    + "Without either option the passphrase is asked for at the terminal "
                    + "(ops secrets and ops provision read $VIGIL_SECRETS_PASSPHRASE first).")
    Integer passphraseFd;

    private final String keyVariable;
    private final String passphraseVariable;
    private final String missing;

    /** For picocli: the key must be given as {@code --secret-key}, and there is no passphrase variable. */
    public SecretKeyOptions() {
        this(null, null, "no secret key");
    }

    /**
     * {@code keyVariable} names the key file when {@code --secret-key} is left out; {@code passphraseVariable}
     * holds the passphrase when neither passphrase option is given and it is set. Either may be null.
     * {@code missing} says, when no key is given, what needs one (e.g. "the secrets need your OpenPGP secret key").
     */
    public SecretKeyOptions(String keyVariable, String passphraseVariable, String missing) {
        this.keyVariable = keyVariable;
        this.passphraseVariable = passphraseVariable;
        this.missing = missing;
    }

    /** Checks the options and reads the key, without asking for the passphrase: usage errors before any work. */
    public void check(CommandSpec spec, Map<String, String> env) {
        key(spec, env);
    }

    /**
     * Reads the key and, when it has one, its passphrase. The decryptor keeps the passphrase until it is closed,
     * for it unlocks the key only when it meets the message.
     */
    public Decryptor decryptor(CommandSpec spec, Map<String, String> env) {
        SecretKey key = key(spec, env);
        return key.decryptor(key.needsPassphrase() ? passphrase(spec, env) : null);
    }

    private SecretKey key(CommandSpec spec, Map<String, String> env) {
        Path file = keyFile(spec, env);
        if (passphraseEnv != null && passphraseFd != null) {
            throw usage(spec, "give either --passphrase-env or --passphrase-fd, not both");
        }
        if (passphraseEnv != null && env.get(passphraseEnv) == null) {
            throw usage(spec, "--passphrase-env: environment variable " + passphraseEnv + " is not set");
        }
        if (passphraseFd != null && passphraseFd < 0) {
            throw usage(spec, "--passphrase-fd must be a file descriptor number, not " + passphraseFd);
        }
        SecretKey key;
        try {
            key = SecretKey.read(file);
        } catch (OpenPgpException e) {
            throw usage(spec, (secretKey == null ? keyVariable + "=" : "--secret-key ") + file + ": " + e.getMessage());
        }
        if (key.needsPassphrase() && passphraseEnv == null && passphraseFd == null && !fromVariable(env)
                && System.console() == null) {
            throw usage(spec, "no terminal to ask for the passphrase of " + file + ": give --passphrase-env NAME or "
                    + "--passphrase-fd N" + (passphraseVariable == null ? "" : ", or set " + passphraseVariable));
        }
        return key;
    }

    private Path keyFile(CommandSpec spec, Map<String, String> env) {
        Path file = secretKey;
        String fromEnv = keyVariable == null ? null : env.get(keyVariable);
        if (file == null && fromEnv != null && !fromEnv.isBlank()) {
            file = Path.of(fromEnv);
        }
        if (file == null) {
            throw usage(spec, missing + ": give --secret-key FILE" + (keyVariable == null ? ""
                    : " or set " + keyVariable));
        }
        if (!Files.isReadable(file) || Files.isDirectory(file)) {
            throw usage(spec, "--secret-key " + file + " is not a readable file");
        }
        return file;
    }

    private boolean fromVariable(Map<String, String> env) {
        return passphraseVariable != null && env.get(passphraseVariable) != null;
    }

    private char[] passphrase(CommandSpec spec, Map<String, String> env) {
        if (passphraseEnv != null) {
            return env.get(passphraseEnv).toCharArray();
        }
        if (passphraseFd != null) {
            return firstLine(spec, Path.of("/dev/fd/" + passphraseFd));
        }
        if (fromVariable(env)) {
            return env.get(passphraseVariable).toCharArray();
        }
        Console console = System.console();
        char[] typed = console.readPassword("Passphrase for %s: ", keyFile(spec, env));
        if (typed == null) {
            throw usage(spec, "no passphrase given (end of input at the prompt)");
        }
        return typed;
    }

    private char[] firstLine(CommandSpec spec, Path fd) {
        try (InputStream in = Files.newInputStream(fd)) {
            String text = new String(in.readNBytes(MAX_PASSPHRASE), StandardCharsets.UTF_8);
            int end = text.indexOf('\n');
            String line = end < 0 ? text : text.substring(0, end);
            return (line.endsWith("\r") ? line.substring(0, line.length() - 1) : line).toCharArray();
        } catch (IOException e) {
            throw usage(spec, "--passphrase-fd " + passphraseFd + ": cannot read: " + e.getMessage());
        }
    }

    private static CommandLine.ParameterException usage(CommandSpec spec, String message) {
        return new CommandLine.ParameterException(spec.commandLine(), message);
    }
}
