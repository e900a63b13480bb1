package dev.vigil.testsupport;

import com.github.difflib.DiffUtils;
import com.github.difflib.UnifiedDiffUtils;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * Golden files: rendered output compared byte for byte with files kept in the module's
 * {@code src/test/resources/golden/}, so that a change to a renderer shows in review as a diff of those files.
 * A mismatch fails with a unified diff. To write the files anew from the current output (then review the diff
 * with git), run the tests with {@code -Dvigil.golden.update=true} or with {@code VIGIL_GOLDEN_UPDATE=1} in the
 * environment.
 */
public final class GoldenFiles {

    public static final String UPDATE_PROPERTY = "vigil.golden.update";
    public static final String UPDATE_ENV = "VIGIL_GOLDEN_UPDATE";

    private final String name;
    private final Path folder;

    private GoldenFiles(String name, Path folder) {
        this.name = name;
        this.folder = folder;
    }

    /** The golden files under {@code src/test/resources/golden/<name>} of the module under test. */
    public static GoldenFiles in(String name) {
        // Surefire runs in the module's folder and says so in basedir
        Path module = Path.of(System.getProperty("basedir", System.getProperty("user.dir")));
        return new GoldenFiles(name, module.resolve("src/test/resources/golden").resolve(name));
    }

    /** The golden files in {@code folder}, named {@code name} in diffs. */
    static GoldenFiles at(String name, Path folder) {
        return new GoldenFiles(name, folder);
    }

    static boolean updating() {
        return Boolean.getBoolean(UPDATE_PROPERTY) || "1".equals(System.getenv(UPDATE_ENV))
                || "true".equals(System.getenv(UPDATE_ENV));
    }

    /** {@code actual} is exactly the golden file {@code name} (a path relative to this folder). */
    public void assertMatches(String name, String actual) {
        assertFolderMatches(Map.of(name, actual), false);
    }

    /**
     * The folder holds exactly these files (relative path to content): each byte for byte, and no other, so a
     * file that is no longer rendered shows as a removal.
     */
    public void assertFolderMatches(Map<String, String> files) {
        assertFolderMatches(files, true);
    }

    private void assertFolderMatches(Map<String, String> files, boolean whole) {
        try {
            if (updating()) {
                if (whole) {
                    for (String stale : existing()) {
                        if (!files.containsKey(stale)) {
                            Files.delete(folder.resolve(stale));
                        }
                    }
                }
                for (Map.Entry<String, String> f : files.entrySet()) {
                    Path p = folder.resolve(f.getKey());
                    Files.createDirectories(p.getParent());
                    Files.writeString(p, f.getValue(), StandardCharsets.UTF_8);
                }
                return;
            }
            List<String> problems = new ArrayList<>();
            for (Map.Entry<String, String> f : new java.util.TreeMap<>(files).entrySet()) {
                Path p = folder.resolve(f.getKey());
                if (!Files.exists(p)) {
                    problems.add("missing golden file " + p);
                    continue;
                }
                byte[] golden = Files.readAllBytes(p);
                byte[] actual = f.getValue().getBytes(StandardCharsets.UTF_8);
                if (!Arrays.equals(golden, actual)) {
                    problems.add(diff(f.getKey(), new String(golden, StandardCharsets.UTF_8), f.getValue()));
                }
            }
            if (whole) {
                existing().stream().filter(n -> !files.containsKey(n))
                        .forEach(n -> problems.add("golden file " + folder.resolve(n) + " is no longer rendered"));
            }
            if (!problems.isEmpty()) {
                throw new AssertionError(String.join("\n", problems) + "\n(if the change is wanted, run the tests "
                        + "with -D" + UPDATE_PROPERTY + "=true or " + UPDATE_ENV + "=1 and review the diff)");
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private TreeSet<String> existing() throws IOException {
        TreeSet<String> names = new TreeSet<>();
        if (Files.isDirectory(folder)) {
            try (Stream<Path> s = Files.walk(folder)) {
                s.filter(Files::isRegularFile).forEach(p -> names.add(folder.relativize(p).toString()));
            }
        }
        return names;
    }

    private String diff(String file, String golden, String actual) {
        List<String> a = golden.lines().toList();
        List<String> b = actual.lines().toList();
        String path = name + "/" + file;
        List<String> d = UnifiedDiffUtils.generateUnifiedDiff("golden/" + path, "rendered/" + path, a,
                DiffUtils.diff(a, b), 3);
        return d.isEmpty() ? path + ": same lines, different bytes (line ends or a final newline)\n"
                : String.join("\n", d) + "\n";
    }
}
