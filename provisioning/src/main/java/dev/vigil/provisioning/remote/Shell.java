package dev.vigil.provisioning.remote;

import java.util.Collection;
import java.util.stream.Collectors;

/** POSIX shell quoting, so that names and contents never become code on the server. */
public final class Shell {

    private Shell() {
    }

    /** {@code it's} becomes {@code 'it'\''s'}; plain words stay readable. */
    public static String quote(String word) {
        if (!word.isEmpty() && word.matches("[A-Za-z0-9_@%+=:,./-]+")) {
            return word;
        }
        return "'" + word.replace("'", "'\\''") + "'";
    }

    public static String quoteAll(Collection<String> words) {
        return words.stream().map(Shell::quote).collect(Collectors.joining(" "));
    }
}
