package dev.vigil.provisioning.config;

import java.util.regex.Pattern;

/** A sudoers drop-in that lets {@code user} run anything without a password. Checked with {@code visudo -c}. */
public record SudoersRule(String user) {

    /** Checks a sudoers file given on stdin with visudo. */
    public static final String CHECK = "f=$(mktemp) && cat > \"$f\" && visudo -cq -f \"$f\"; rc=$?; rm -f \"$f\"; "
            + "exit $rc";

    private static final Pattern USER = Pattern.compile("[a-z_][a-z0-9_-]{0,31}");

    public SudoersRule {
        if (!USER.matcher(user).matches()) {
            throw new IllegalArgumentException("not a user name: \"" + user + "\"");
        }
    }

    public String render() {
        return "# Written by 'ops provision'.\n" + user + " ALL=(ALL:ALL) NOPASSWD: ALL\n";
    }
}
