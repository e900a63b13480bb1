package dev.vigil.provisioning.config;

/**
 * The sshd drop-in every server gets: logins with keys only (no passwords, no keyboard-interactive), no X11
 * forwarding, and root allowed in with a key or not at all. Checked on the host with {@code sshd -t}.
 */
public record SshdConfig(boolean rootLogin) {

    /** Checks a configuration given on stdin with sshd's own parser (and the host's keys). */
    public static final String CHECK = "f=$(mktemp) && cat > \"$f\" && /usr/sbin/sshd -t -f \"$f\"; rc=$?; "
            + "rm -f \"$f\"; exit $rc";

    public String render() {
        return "# Written by 'ops provision' from the inventory; edits here are overwritten.\n"
                + "PasswordAuthentication no\n"
                + "KbdInteractiveAuthentication no\n"
                + "PermitRootLogin " + (rootLogin ? "prohibit-password" : "no") + "\n"
                + "PubkeyAuthentication yes\n"
                + "X11Forwarding no\n";
    }
}
