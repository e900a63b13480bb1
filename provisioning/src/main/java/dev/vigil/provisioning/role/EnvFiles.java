package dev.vigil.provisioning.role;

/** Quoting for the two kinds of environment files recipes write. */
final class EnvFiles {

    private EnvFiles() {
    }

    /** A value for a systemd {@code EnvironmentFile=}: double quotes, with backslash and quote escaped. */
    static String systemd(String value) {
        return "\"" + value.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

    /** A value for a file that {@code sh} sources: single quotes, with each quote closed, escaped, reopened. */
    static String shell(String value) {
        return "'" + value.replace("'", "'\\''") + "'";
    }
}
