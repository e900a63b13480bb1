package dev.vigil.app.checks;

import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Slugs derived from check names, the same way Healthchecks (Django's slugify) derives them, so that a check moved
 * between the two keeps its slug URL: accents folded to ASCII, other non-ASCII dropped, lower case, characters other
 * than letters, digits, underscore, hyphen and white space dropped, runs of white space and hyphens made one hyphen,
 * and hyphens and underscores trimmed from both ends. "Nightly DB backup (prod)" becomes "nightly-db-backup-prod".
 */
public final class Slugs {

    private static final Pattern DROPPED = Pattern.compile("[^a-z0-9_\\s-]");
    private static final Pattern SEPARATORS = Pattern.compile("[-\\s]+");
    private static final Pattern VALID = Pattern.compile("[a-z0-9_-]*");

    private Slugs() {
    }

    public static String slugify(String name) {
        String ascii = Normalizer.normalize(name, Normalizer.Form.NFKD).replaceAll("[^\\p{ASCII}]", "");
        String kept = DROPPED.matcher(ascii.toLowerCase(Locale.ROOT)).replaceAll("").strip();
        String joined = SEPARATORS.matcher(kept).replaceAll("-");
        int start = 0;
        int end = joined.length();
        while (start < end && (joined.charAt(start) == '-' || joined.charAt(start) == '_')) {
            start++;
        }
        while (end > start && (joined.charAt(end - 1) == '-' || joined.charAt(end - 1) == '_')) {
            end--;
        }
        return joined.substring(start, end);
    }

    /** Whether {@code slug} may be stored as a check's slug (the API's rule). */
    public static boolean isValid(String slug) {
        return slug.length() <= 100 && VALID.matcher(slug).matches();
    }
}
