package dev.vigil.provisioning.task;

import dev.vigil.provisioning.remote.CommandResult;
import dev.vigil.provisioning.remote.FileMeta;
import dev.vigil.provisioning.remote.Shell;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * A file with exactly this content, owner, group and mode. Content is written atomically (temp file + rename);
 * owner or mode alone are fixed in place. The plan shows a unified diff.
 *
 * @param secret    when true, diffs are withheld (the file holds credentials that must not reach a terminal or log)
 * @param validator a shell command that reads the candidate content on stdin and exits non-zero when the real
 *                  tool rejects it ({@code nft -c -f /dev/stdin}, {@code sshd -t -f /dev/stdin}); run before
 *                  anything is written, in a dry run too, so a broken file never lands
 */
public record ManagedFile(String path, byte[] content, FileMeta meta, boolean secret, Optional<String> validator)
        implements Task {

    public ManagedFile(String path, byte[] content, FileMeta meta, boolean secret) {
        this(path, content, meta, secret, Optional.empty());
    }

    public ManagedFile {
        if (!path.startsWith("/")) {
            throw new IllegalArgumentException("file paths must be absolute: " + path);
        }
        content = content.clone();
    }

    public static ManagedFile text(String path, String content, FileMeta meta) {
        return new ManagedFile(path, content.getBytes(StandardCharsets.UTF_8), meta, false);
    }

    /** The same file, checked by {@code command} (content on its stdin) before it is written. */
    public ManagedFile validatedBy(String command) {
        return new ManagedFile(path, content, meta, secret, Optional.of(command));
    }

    @Override
    public String name() {
        return "file " + path;
    }

    @Override
    public byte[] content() {
        return content.clone();
    }

    @Override
    public Plan plan(TaskContext context) {
        Optional<RemoteStat> stat = RemoteStat.of(context.host(), path);
        if (stat.isPresent() && !stat.get().isFile()) {
            throw new IllegalStateException(path + " exists but is a " + stat.get().type() + ", not a file");
        }
        byte[] current = stat.isPresent() ? context.host().read(path).orElse(new byte[0]) : null;
        boolean contentDiffers = current == null || !Arrays.equals(current, content);
        List<String> what = new ArrayList<>();
        if (current == null) {
            what.add("created " + meta);
        } else {
            if (contentDiffers) {
                what.add("content");
            }
            FileMeta now = stat.get().meta();
            if (!now.owner().equals(meta.owner()) || !now.group().equals(meta.group())) {
                what.add("owner " + now.owner() + ":" + now.group() + " -> " + meta.owner() + ":" + meta.group());
            }
            if (now.mode() != meta.mode()) {
                what.add("mode " + now.octalMode() + " -> " + meta.octalMode());
            }
        }
        if (what.isEmpty()) {
            return Plan.none();
        }
        Plan plan = Plan.of(String.join(", ", what), contentDiffers
                ? () -> context.host().upload(path, content, meta)
                : () -> context.host().check("chown " + Shell.quote(meta.owner() + ":" + meta.group()) + " "
                        + Shell.quote(path) + " && chmod " + meta.octalMode() + " " + Shell.quote(path)))
                .withDiff(contentDiffers ? diff(current) : "");
        if (contentDiffers && validator.isPresent()) {
            CommandResult v = context.host().run(validator.get(), content, context.host().defaultTimeout());
            if (!v.ok()) {
                plan = plan.blockedBy("rejected by '" + validator.get() + "' (" + v.summary() + ")");
            }
        }
        return plan;
    }

    private String diff(byte[] current) {
        if (secret) {
            return "(content of " + path + " differs; not shown: it holds secrets)\n";
        }
        String before = current == null ? "" : new String(current, StandardCharsets.UTF_8);
        String after = new String(content, StandardCharsets.UTF_8);
        if (before.indexOf('\0') >= 0 || after.indexOf('\0') >= 0) {
            return "Binary files differ: " + path + "\n";
        }
        return TextDiff.unified(current == null ? "/dev/null" : path + " (on server)", path + " (wanted)",
                before, after);
    }
}
