package dev.vigil.ops.secrets;

import java.io.Console;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Where a secret's value comes from: typed twice at the terminal (not echoed), else one line of standard input.
 * Never an argument, where {@code ps} and the shell history would keep it.
 */
final class SecretInput {

    private SecretInput() {
    }

    /** The value of secret {@code key}: from {@code console} when there is one, else from {@code in}. */
    static String read(String key, Console console, InputStream in) {
        return console != null ? typedTwice(key, console) : oneLine(in);
    }

    private static String typedTwice(String key, Console console) {
        char[] first = console.readPassword("Value of %s: ", key);
        char[] again = console.readPassword("Again: ");
        try {
            if (first == null || again == null || !Arrays.equals(first, again)) {
                throw new SecretsException("the two values differ; nothing changed");
            }
            return new String(first);
        } finally {
            Arrays.fill(first == null ? new char[0] : first, '\0');
            Arrays.fill(again == null ? new char[0] : again, '\0');
        }
    }

    /** Standard input without its final line break; bounded, so a wrong pipe cannot fill the heap. */
    static String oneLine(InputStream in) {
        byte[] bytes;
        try {
            bytes = in.readNBytes(SecretsFile.MAX_BYTES + 1);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read standard input: " + e.getMessage(), e);
        }
        if (bytes.length > SecretsFile.MAX_BYTES) {
            throw new SecretsException("standard input is too long for a secret");
        }
        String text = new String(bytes, StandardCharsets.UTF_8);
        if (text.endsWith("\n")) {
            text = text.substring(0, text.length() - 1);
        }
        if (text.endsWith("\r")) {
            text = text.substring(0, text.length() - 1);
        }
        if (text.isEmpty()) {
            throw new SecretsException("no value on standard input; nothing changed");
        }
        return text;
    }
}
