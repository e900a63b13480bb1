package dev.vigil.provisioning.task;

import dev.vigil.provisioning.remote.CommandResult;
import dev.vigil.provisioning.remote.FileMeta;
import dev.vigil.provisioning.remote.RemoteCommandException;
import dev.vigil.provisioning.remote.RemoteHost;
import dev.vigil.provisioning.remote.Shell;

import java.util.Optional;

/** {@code stat} of a remote path without following symlinks: its type, owner, group and mode. */
record RemoteStat(String type, FileMeta meta) {

    static Optional<RemoteStat> of(RemoteHost host, String path) {
        CommandResult r = host.run("if [ -e " + Shell.quote(path) + " ] || [ -L " + Shell.quote(path)
                + " ]; then stat -c '%F|%U|%G|%a' -- " + Shell.quote(path) + "; else exit 3; fi");
        if (r.exitStatus() == 3) {
            return Optional.empty();
        }
        if (!r.ok()) {
            throw new RemoteCommandException(host.name() + ": cannot stat " + path + " (" + r.summary() + ")");
        }
        String[] f = r.out().strip().split("\\|");
        return Optional.of(new RemoteStat(f[0], new FileMeta(f[1], f[2], Integer.parseInt(f[3], 8))));
    }

    boolean isFile() {
        return type.startsWith("regular");
    }

    boolean isDirectory() {
        return type.equals("directory");
    }

    boolean isSymlink() {
        return type.equals("symbolic link");
    }
}
