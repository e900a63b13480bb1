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
    public TaskResult apply(TaskContext context) {
        Optional<RemoteStat> stat = RemoteStat.of(context.host(), path);
        if (stat.isPresent() && !stat.get().isDirectory()) {
            return TaskResult.failed(this, path + " exists but is a " + stat.get().type() + ", not a directory");
        }
        String fix = "install -d -o " + Shell.quote(meta.owner()) + " -g " + Shell.quote(meta.group()) + " -m "
                + meta.octalMode() + " " + Shell.quote(path);
        if (stat.isEmpty()) {
            if (context.check()) {
                return TaskResult.changed(this, "would create " + meta);
            }
            context.host().check(fix);
            return TaskResult.changed(this, "created " + meta);
        }
        FileMeta now = stat.get().meta();
        if (now.equals(meta)) {
            return TaskResult.ok(this);
        }
        if (context.check()) {
            return TaskResult.changed(this, "would change " + now + " -> " + meta);
        }
        context.host().check(fix); // install -d on an existing directory fixes owner and mode
        return TaskResult.changed(this, now + " -> " + meta);
    }
}
