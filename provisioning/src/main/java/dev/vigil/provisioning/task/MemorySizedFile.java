package dev.vigil.provisioning.task;

import dev.vigil.provisioning.remote.FileMeta;
import dev.vigil.provisioning.remote.RemoteCommandException;

import java.util.function.LongFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A managed file whose content depends on the host's memory (a database tuned to the machine it runs on): reads
 * {@code MemTotal} from {@code /proc/meminfo}, renders the content for that many MiB, then behaves exactly like
 * {@link ManagedFile} (a diff in the plan, a change only when the content differs).
 */
public final class MemorySizedFile implements Task {

    private static final Pattern MEM_TOTAL = Pattern.compile("(?m)^MemTotal:\\s+(\\d+) kB$");

    private final String path;
    private final LongFunction<String> contentForMib;
    private final FileMeta meta;

    public MemorySizedFile(String path, LongFunction<String> contentForMib, FileMeta meta) {
        this.path = path;
        this.contentForMib = contentForMib;
        this.meta = meta;
    }

    public String path() {
        return path;
    }

    @Override
    public String name() {
        return "file " + path;
    }

    /** The content for a host with {@code mib} MiB of memory. */
    public String content(long mib) {
        return contentForMib.apply(mib);
    }

    @Override
    public Plan plan(TaskContext context) {
        String meminfo = context.host().check("cat /proc/meminfo");
        Matcher m = MEM_TOTAL.matcher(meminfo);
        if (!m.find()) {
            throw new RemoteCommandException(context.host().name() + ": no MemTotal line in /proc/meminfo");
        }
        long mib = Long.parseLong(m.group(1)) / 1024;
        return ManagedFile.text(path, content(mib), meta).plan(context);
    }
}
