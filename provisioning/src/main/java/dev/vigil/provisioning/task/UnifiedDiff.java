package dev.vigil.provisioning.task;

import java.util.ArrayList;
import java.util.List;

/**
 * A unified diff ({@code diff -u} style, three lines of context) between two texts, for {@code --check} output.
 * Uses a longest-common-subsequence table: configuration files are small, and beyond a size limit the diff
 * degrades to "replace everything", which is still correct.
 */
public final class UnifiedDiff {

    private static final int CONTEXT = 3;
    private static final long MAX_CELLS = 4_000_000;

    private UnifiedDiff() {
    }

    private record Edit(char op, String line, int oldLine, int newLine) {
    }

    /** The diff, or an empty string when the texts are equal. */
    public static String diff(String oldName, String newName, String oldText, String newText) {
        if (oldText.equals(newText)) {
            return "";
        }
        List<String> a = lines(oldText);
        List<String> b = lines(newText);
        List<Edit> edits = edits(a, b);
        StringBuilder out = new StringBuilder("--- " + oldName + "\n+++ " + newName + "\n");
        int i = 0;
        while (i < edits.size()) {
            if (edits.get(i).op() == ' ') {
                i++;
                continue;
            }
            int start = Math.max(0, i - CONTEXT);
            int end = i;
            // extend the hunk while the next change is within 2 * CONTEXT unchanged lines
            int j = i;
            while (j < edits.size()) {
                if (edits.get(j).op() != ' ') {
                    end = j;
                    j++;
                    continue;
                }
                int k = j;
                while (k < edits.size() && edits.get(k).op() == ' ') {
                    k++;
                }
                if (k < edits.size() && k - j <= 2 * CONTEXT) {
                    j = k;
                } else {
                    break;
                }
            }
            int stop = Math.min(edits.size(), end + 1 + CONTEXT);
            hunk(out, edits.subList(start, stop));
            i = stop;
        }
        if (!oldText.isEmpty() && !oldText.endsWith("\n") || !newText.isEmpty() && !newText.endsWith("\n")) {
            out.append("\\ No newline at end of file (one side)\n");
        }
        return out.toString();
    }

    private static void hunk(StringBuilder out, List<Edit> h) {
        int oldStart = 0;
        int newStart = 0;
        int oldCount = 0;
        int newCount = 0;
        for (Edit e : h) {
            if (e.op() != '+') {
                if (oldCount++ == 0) {
                    oldStart = e.oldLine();
                }
            }
            if (e.op() != '-') {
                if (newCount++ == 0) {
                    newStart = e.newLine();
                }
            }
        }
        if (oldCount == 0) {
            oldStart = h.get(0).oldLine() - 1;
        }
        if (newCount == 0) {
            newStart = h.get(0).newLine() - 1;
        }
        out.append("@@ -").append(range(oldStart, oldCount)).append(" +").append(range(newStart, newCount))
                .append(" @@\n");
        for (Edit e : h) {
            out.append(e.op()).append(e.line()).append('\n');
        }
    }

    private static String range(int start, int count) {
        return count == 1 ? String.valueOf(start) : start + "," + count;
    }

    private static List<Edit> edits(List<String> a, List<String> b) {
        int n = a.size();
        int m = b.size();
        List<Edit> out = new ArrayList<>();
        if ((long) n * m > MAX_CELLS) {
            for (int i = 0; i < n; i++) {
                out.add(new Edit('-', a.get(i), i + 1, 1));
            }
            for (int j = 0; j < m; j++) {
                out.add(new Edit('+', b.get(j), n + 1, j + 1));
            }
            return out;
        }
        int[][] lcs = new int[n + 1][m + 1];
        for (int i = n - 1; i >= 0; i--) {
            for (int j = m - 1; j >= 0; j--) {
                lcs[i][j] = a.get(i).equals(b.get(j)) ? lcs[i + 1][j + 1] + 1 : Math.max(lcs[i + 1][j], lcs[i][j + 1]);
            }
        }
        int i = 0;
        int j = 0;
        while (i < n || j < m) {
            if (i < n && j < m && a.get(i).equals(b.get(j))) {
                out.add(new Edit(' ', a.get(i), i + 1, j + 1));
                i++;
                j++;
            } else if (i < n && (j == m || lcs[i + 1][j] >= lcs[i][j + 1])) {
                out.add(new Edit('-', a.get(i), i + 1, j + 1)); // removals first, as diff -u prints them
                i++;
            } else {
                out.add(new Edit('+', b.get(j), i + 1, j + 1));
                j++;
            }
        }
        return out;
    }

    private static List<String> lines(String text) {
        if (text.isEmpty()) {
            return List.of();
        }
        String body = text.endsWith("\n") ? text.substring(0, text.length() - 1) : text;
        return List.of(body.split("\n", -1));
    }
}
