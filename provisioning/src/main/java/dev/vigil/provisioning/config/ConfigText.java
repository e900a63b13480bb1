package dev.vigil.provisioning.config;

import java.util.regex.Pattern;

/** Checks shared by the models: a value that would break out of its line or its quotes is refused at once. */
final class ConfigText {

    private static final Pattern NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

    private ConfigText() {
    }

    static String oneLine(String what, String value) {
        if (value.indexOf('\n') >= 0 || value.indexOf('\r') >= 0 || value.indexOf('\0') >= 0) {
            throw new IllegalArgumentException(what + " must be one line: \"" + value.strip() + "\"");
        }
        return value;
    }

    static String name(String what, String value) {
        if (!NAME.matcher(value).matches()) {
            throw new IllegalArgumentException("not " + what + ": \"" + value + "\"");
        }
        return value;
    }
}
