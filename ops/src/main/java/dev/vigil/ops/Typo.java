package dev.vigil.ops;

/**
 * Whether a word is a plausible typo of a command name. picocli ranks every subcommand by similarity but keeps
 * even poor matches ({@code frobnicate} would get "did you mean cron?"); only names within a few edits of what
 * was typed are offered. Levenshtein distance, written here because it is ten lines and no library is worth it.
 */
final class Typo {

    private Typo() {
    }

    /** At most one edit for short words, then one more per four letters. */
    static boolean near(String typed, String name) {
        return distance(typed, name) <= 1 + Math.max(typed.length(), name.length()) / 4;
    }

    static int distance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int substitution = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                current[j] = Math.min(substitution, Math.min(previous[j], current[j - 1]) + 1);
            }
            int[] t = previous;
            previous = current;
            current = t;
        }
        return previous[b.length()];
    }
}
