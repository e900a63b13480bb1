package dev.vigil.provisioning.task;

import dev.vigil.provisioning.remote.Shell;

import java.util.Optional;

/** {@code path} is a symbolic link to {@code target}; replaced atomically (rename over) when it points elsewhere. */
public record Symlink(String path, String target) implements Task {

    @Override
    public String name() {
        return "symlink " + path + " -> " + target;
    }

    @Override
    public Plan plan(TaskContext context) {
        Optional<RemoteStat> stat = RemoteStat.of(context.host(), path);
        if (stat.isPresent() && !stat.get().isSymlink()) {
            throw new IllegalStateException(path + " exists and is a " + stat.get().type() + ", not a symlink");
        }
        String now = stat.isEmpty() ? null : context.host().check("readlink -- " + Shell.quote(path)).strip();
        if (target.equals(now)) {
            return Plan.none();
        }
        String tmp = path + ".vigil-new";
        return Plan.of(now == null ? "created" : "was -> " + now, () -> context.host().check("ln -sfn -- "
                + Shell.quote(target) + " " + Shell.quote(tmp) + " && mv -Tf -- " + Shell.quote(tmp) + " "
                + Shell.quote(path)));
    }
}
