package dev.vigil.provisioning.task;

import dev.vigil.provisioning.remote.FileMeta;
import dev.vigil.provisioning.remote.Shell;

import java.util.Optional;

/** A directory with this owner, group and mode (parents are created as root-owned 0755 when missing). */
public record ManagedDirectory(String path, FileMeta meta) implements Task {

    public ManagedDirectory {
        if (!path.startsWith("/")) {
            throw new IllegalArgumentException("directory paths must be absolute: " + path);
        }
    }

    @Override
    public String name() {
        return "directory " + path;
    }

    @Override
    public Plan plan(TaskContext context) {
        Optional<RemoteStat> stat = RemoteStat.of(context.host(), path);
        if (stat.isPresent() && !stat.get().isDirectory()) {
            throw new IllegalStateException(path + " exists but is a " + stat.get().type() + ", not a directory");
        }
        // install -d also fixes the owner and mode of an existing directory
        Change.Action fix = () -> context.host().check("install -d -o " + Shell.quote(meta.owner()) + " -g "
                + Shell.quote(meta.group()) + " -m " + meta.octalMode() + " " + Shell.quote(path));
        if (stat.isEmpty()) {
            return Plan.of("created " + meta, fix);
        }
        FileMeta now = stat.get().meta();
        return now.equals(meta) ? Plan.none() : Plan.of(now + " -> " + meta, fix);
    }
}
