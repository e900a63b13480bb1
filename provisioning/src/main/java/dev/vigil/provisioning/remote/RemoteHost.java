package dev.vigil.provisioning.remote;

import java.time.Duration;
import java.util.Optional;

/**
 * A server that commands run on, as root. The one port between provisioning logic and SSH: tasks and workflows
 * talk to this, the SSH adapter implements it. Commands are {@code sh -c} scripts; the adapter adds sudo when
 * the login is not root.
 */
public interface RemoteHost {

    /** The inventory name, for reports. */
    String name();

    /** Connects now (rather than on the first command), so an unreachable host is reported as such. */
    default void open() {
    }

    /** Runs {@code script}, feeding {@code stdin} (may be empty); fails only when the command could not run. */
    CommandResult run(String script, byte[] stdin, Duration timeout);

    default CommandResult run(String script) {
        return run(script, new byte[0], defaultTimeout());
    }

    /** Runs {@code script} and returns its stdout; a non-zero exit status is a {@link RemoteCommandException}. */
    default String check(String script) {
        CommandResult r = run(script);
        if (!r.ok()) {
            throw new RemoteCommandException(name() + ": command failed (" + r.summary() + "): " + script);
        }
        return r.out();
    }

    /** The file's bytes, or empty when it does not exist. */
    default Optional<byte[]> read(String path) {
        CommandResult r = run("if [ -e " + Shell.quote(path) + " ]; then cat -- " + Shell.quote(path)
                + "; else exit 3; fi");
        if (r.exitStatus() == 3) {
            return Optional.empty();
        }
        if (!r.ok()) {
            throw new RemoteCommandException(name() + ": cannot read " + path + " (" + r.summary() + ")");
        }
        return Optional.of(r.stdout());
    }

    /**
     * Writes {@code content} to {@code path} atomically: a temporary file in the same folder gets the content,
     * owner and mode, then is renamed over the target, so readers never see half a file.
     */
    default void upload(String path, byte[] content, FileMeta meta) {
        String dir = path.substring(0, Math.max(1, path.lastIndexOf('/')));
        String base = path.substring(path.lastIndexOf('/') + 1);
        String script = "set -e; umask 077; t=$(mktemp " + Shell.quote(dir + "/." + base + ".vigil-XXXXXX") + ")"
                + "; trap 'rm -f \"$t\"' EXIT; cat > \"$t\""
                + "; chown " + Shell.quote(meta.owner() + ":" + meta.group()) + " \"$t\""
                + "; chmod " + meta.octalMode() + " \"$t\""
                + "; mv -f \"$t\" " + Shell.quote(path) + "; trap - EXIT";
        CommandResult r = run(script, content, defaultTimeout());
        if (!r.ok()) {
            throw new RemoteCommandException(name() + ": cannot write " + path + " (" + r.summary() + ")");
        }
    }

    Duration defaultTimeout();
}
