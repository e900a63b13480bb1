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

    private OpsTool() {
    }

    static List<Task> tasks(Path jar) {
        return List.of(PackagesInstalled.of(JAVA),
                new ManagedDirectory("/opt/vigil", FileMeta.rootOwned(0755)),
                new CopiedFile(JAR, jar, FileMeta.rootOwned(0644)),
                ManagedFile.text("/usr/local/bin/ops", "#!/bin/sh\n# Written by 'ops provision'.\nexec java "
                        + "$OPS_JAVA_OPTS -jar " + JAR + " \"$@\"\n", FileMeta.rootOwned(0755)));
    }
}
