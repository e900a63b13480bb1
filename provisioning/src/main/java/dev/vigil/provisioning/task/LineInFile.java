package dev.vigil.provisioning.task;

import dev.vigil.provisioning.remote.FileMeta;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * One line present in a file that is otherwise not ours (like {@code /etc/ssh/sshd_config}): the first line
 * matching {@code replacing} is replaced by {@code line}, else {@code line} is appended. The rest of the file is
 * left alone. A missing file is created with {@code metaIfCreated}.
 */
public record LineInFile(String path, String line, Optional<Pattern> replacing, FileMeta metaIfCreated)
        implements Task {

    public LineInFile {
        if (line.contains("\n")) {
            throw new IllegalArgumentException("one line only: " + line);
        }
    }

    public static LineInFile of(String path, String line) {
        return new LineInFile(path, line, Optional.empty(), FileMeta.rootOwned(0644));
    }

    public static LineInFile replacing(String path, String regex, String line) {
        return new LineInFile(path, line, Optional.of(Pattern.compile(regex)), FileMeta.rootOwned(0644));
    }

    @Override
    public String name() {
        return "line in " + path + ": " + line;
    }

    @Override
    public Plan plan(TaskContext context) {
        Optional<RemoteStat> stat = RemoteStat.of(context.host(), path);
        String before = stat.isEmpty() ? "" : new String(context.host().read(path).orElse(new byte[0]),
                StandardCharsets.UTF_8);
        List<String> lines = new ArrayList<>(before.isEmpty() ? List.of() : List.of(before.split("\n", -1)));
        if (!lines.isEmpty() && lines.get(lines.size() - 1).isEmpty()) {
            lines.remove(lines.size() - 1); // the final newline
        }
        if (lines.contains(line)) {
            return Plan.none();
        }
        int at = -1;
        if (replacing.isPresent()) {
            for (int i = 0; i < lines.size() && at < 0; i++) {
                if (replacing.get().matcher(lines.get(i)).find()) {
                    at = i;
                }
            }
        }
        if (at >= 0) {
            lines.set(at, line);
        } else {
            lines.add(line);
        }
        String after = String.join("\n", lines) + "\n";
        FileMeta meta = stat.map(RemoteStat::meta).orElse(metaIfCreated);
        return Plan.of(at >= 0 ? "replaced line " + (at + 1) : "appended",
                        () -> context.host().upload(path, after.getBytes(StandardCharsets.UTF_8), meta))
                .withDiff(TextDiff.unified(stat.isEmpty() ? "/dev/null" : path + " (on server)", path + " (wanted)",
                        before, after));
    }
}
