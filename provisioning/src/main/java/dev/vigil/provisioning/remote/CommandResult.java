package dev.vigil.provisioning.remote;

import java.nio.charset.StandardCharsets;

/** What a remote command did: its exit status and both outputs. */
public record CommandResult(int exitStatus, byte[] stdout, byte[] stderr) {

    public boolean ok() {
        return exitStatus == 0;
    }

    public String out() {
        return new String(stdout, StandardCharsets.UTF_8);
    }

    public String err() {
        return new String(stderr, StandardCharsets.UTF_8);
    }

    /** A short account for failure messages: status and the last lines of stderr (or stdout). */
    public String summary() {
        String text = err().isBlank() ? out() : err();
        String[] lines = text.strip().split("\n");
        int from = Math.max(0, lines.length - 5);
        return "exit status " + exitStatus + (text.isBlank() ? "" : ": "
                + String.join(" | ", java.util.Arrays.copyOfRange(lines, from, lines.length)).strip());
    }
}
