package dev.vigil.app.db;

import java.util.regex.Pattern;

/** Helpers for showing JDBC URLs to people without leaking credentials. */
public final class JdbcUrls {

    private static final Pattern PASSWORD = Pattern.compile("(?i)(password=)[^&]*");

    private JdbcUrls() {
    }

    /** The URL with any {@code password=} parameter value replaced by stars. */
    public static String redact(String url) {
        return url == null ? "" : PASSWORD.matcher(url).replaceAll("$1***");
    }
}
