package dev.vigil.provisioning.task;

import dev.vigil.provisioning.remote.FileMeta;

import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * A file created with this content when it does not exist, and then left alone: for files the service itself
 * rewrites (HAProxy's server-state file, dumped before each reload), where a {@link ManagedFile} would undo the
 * service's work on every run.
 */
public record InitialFile(String path, String content, FileMeta meta) implements Task {

    public InitialFile {
        if (!path.startsWith("/")) {
            throw new IllegalArgumentException("file paths must be absolute: " + path);
        }
    }

    @Override
    public String name() {
        return "file " + path + " (created once)";
    }

    @Override
    public Plan plan(TaskContext context) {
        Optional<RemoteStat> stat = RemoteStat.of(context.host(), path);
        if (stat.isPresent()) {
            if (!stat.get().isFile()) {
                throw new IllegalStateException(path + " exists but is a " + stat.get().type() + ", not a file");
            }
            return Plan.none();
        }
        return Plan.of("created " + meta, () -> context.host().upload(path,
                content.getBytes(StandardCharsets.UTF_8), meta));
    }
}
