package dev.vigil.provisioning.task;

import dev.vigil.provisioning.remote.FileMeta;
import dev.vigil.provisioning.remote.RemoteCommandException;

import java.math.BigInteger;
import java.util.function.LongFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A managed file whose content depends on the host's memory (a database tuned to the machine it runs on): the
 * smaller of {@code MemTotal} in {@code /proc/meminfo} and the memory limit of the host's root cgroup when it has
 * one (a container's: cgroup v2 {@code /sys/fs/cgroup/memory.max}, cgroup v1
 * {@code /sys/fs/cgroup/memory/memory.limit_in_bytes}; "max" or a huge v1 value means none). It renders the content
 * for that many MiB, then behaves exactly like {@link ManagedFile} (a diff in the plan, a change only when the
 * content differs).
 */
public final class MemorySizedFile implements Task {

    private static final Pattern MEM_TOTAL = Pattern.compile("(?m)^MemTotal:\\s+(\\d+) kB$");
    private static final Pattern LIMIT = Pattern.compile("(?m)^limit (\\d+)$");
    static final String READ_MEMORY = "grep '^MemTotal:' /proc/meminfo; for f in /sys/fs/cgroup/memory.max"
            + " /sys/fs/cgroup/memory/memory.limit_in_bytes; do [ -r \"$f\" ] && echo \"limit $(cat \"$f\")\"; done; true";

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
        long mib = mib(context.host().name(), context.host().check(READ_MEMORY));
        return ManagedFile.text(path, content(mib), meta).plan(context);
    }

    /** The MiB to size for, from {@link #READ_MEMORY}'s output. */
    static long mib(String host, String memory) {
        Matcher m = MEM_TOTAL.matcher(memory);
        if (!m.find()) {
            throw new RemoteCommandException(host + ": no MemTotal line in /proc/meminfo");
        }
        long bytes = Long.parseLong(m.group(1)) * 1024;
        Matcher limit = LIMIT.matcher(memory);
        while (limit.find()) {
            bytes = new BigInteger(limit.group(1)).min(BigInteger.valueOf(bytes)).longValueExact();
        }
        return bytes / (1024 * 1024);
    }
}
