package dev.vigil.provisioning.task;

import com.github.difflib.DiffUtils;
import com.github.difflib.UnifiedDiffUtils;

import java.util.List;

/** The unified diff ({@code diff -u} style, three lines of context) between two texts, by java-diff-utils. */
public final class TextDiff {

    private static final int CONTEXT = 3;

    private TextDiff() {
    }

    /** The diff, or an empty string when the texts are equal. */
    public static String unified(String oldName, String newName, String oldText, String newText) {
        if (oldText.equals(newText)) {
            return "";
        }
        List<String> a = lines(oldText);
        List<String> b = lines(newText);
        StringBuilder out = new StringBuilder();
        UnifiedDiffUtils.generateUnifiedDiff(oldName, newName, a, DiffUtils.diff(a, b), CONTEXT)
                .forEach(l -> out.append(l).append('\n'));
        if (!oldText.isEmpty() && !oldText.endsWith("\n") || !newText.isEmpty() && !newText.endsWith("\n")) {
            out.append("\\ No newline at end of file (one side)\n");
        }
        return out.toString();
    }

    private static List<String> lines(String text) {
        if (text.isEmpty()) {
            return List.of();
        }
        String body = text.endsWith("\n") ? text.substring(0, text.length() - 1) : text;
        return List.of(body.split("\n", -1));
    }
}
