package dev.vigil.provisioning.role;

import dev.vigil.provisioning.remote.FileMeta;
import dev.vigil.provisioning.task.CopiedFile;
import dev.vigil.provisioning.task.ManagedDirectory;
import dev.vigil.provisioning.task.ManagedFile;
import dev.vigil.provisioning.task.PackagesInstalled;
import dev.vigil.provisioning.task.Task;

import java.nio.file.Path;
import java.util.List;

/** The ops command on a server: Java, the jar at /opt/vigil/ops.jar and {@code ops} on the PATH. */
final class OpsTool {

    static final String JAR = "/opt/vigil/ops.jar";
    static final String JAVA = "openjdk-17-jre-headless";
    /** The bound on the backup's memory (docs/backups.md), as in bin/ops; $OPS_JAVA_OPTS after them overrides. */
    static final String JVM_FLAGS = "-XX:+UseSerialGC -Xmx128m";

    private OpsTool() {
    }

    static List<Task> tasks(Path jar) {
        return List.of(PackagesInstalled.of(JAVA),
                new ManagedDirectory("/opt/vigil", FileMeta.rootOwned(0755)),
                new CopiedFile(JAR, jar, FileMeta.rootOwned(0644)),
                ManagedFile.text("/usr/local/bin/ops", "#!/bin/sh\n# Written by 'ops provision'.\nexec java "
                        + JVM_FLAGS + " $OPS_JAVA_OPTS -jar " + JAR + " \"$@\"\n", FileMeta.rootOwned(0755)));
    }
}
