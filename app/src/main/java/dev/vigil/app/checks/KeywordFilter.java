package dev.vigil.app.checks;

import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * A check's keyword filtering, as Healthchecks does it: a ping's text (an HTTP body, or an email's subject and body)
 * is searched for the failure keywords, then the success keywords, then the start keywords; the first list with a
 * match decides what the ping is. When none matches, the ping is a failure if {@code filterDefaultFail} is set, and
 * otherwise ignored (recorded as {@code ign}, with no change of state). Keyword lists are comma-separated; each
 * keyword is trimmed, empty ones are skipped, and a keyword matches as a case-sensitive substring.
 *
 * @param filterSubject    classify email pings by their subject
 * @param filterBody       classify email pings by their body (the plain-text part, and the HTML part as text)
 * @param filterHttpBody   classify HTTP pings by their body (the part of it that is kept)
 * @param filterDefaultFail a ping that matches no keyword is a failure rather than ignored
 */
public record KeywordFilter(boolean filterSubject, boolean filterBody, boolean filterHttpBody,
        boolean filterDefaultFail, String startKw, String successKw, String failureKw) {

    /** No filtering: Healthchecks' defaults, and what nearly every check has (shared, so reading it costs nothing). */
    public static final KeywordFilter NONE = new KeywordFilter(false, false, false, false, "", "", "");

    /** Healthchecks' limit on each keyword list. */
    public static final int MAX_KEYWORDS_LENGTH = 200;

    public KeywordFilter {
        Objects.requireNonNull(startKw, "startKw");
        Objects.requireNonNull(successKw, "successKw");
        Objects.requireNonNull(failureKw, "failureKw");
    }

    /** The shared {@link #NONE} when nothing is set, else a new filter. */
    public static KeywordFilter of(boolean filterSubject, boolean filterBody, boolean filterHttpBody,
            boolean filterDefaultFail, String startKw, String successKw, String failureKw) {
        KeywordFilter f = new KeywordFilter(filterSubject, filterBody, filterHttpBody, filterDefaultFail, startKw,
                successKw, failureKw);
        return NONE.equals(f) ? NONE : f;
    }

    /** Whether email pings are classified by keywords (else every email is a success). */
    public boolean filtersMail() {
        return filterSubject || filterBody;
    }

    /**
     * What an HTTP ping is: the URL's kind when HTTP bodies are not filtered, else what the body says. The body is
     * decoded as UTF-8 with malformed bytes replaced (a body cut inside a character still matches before the cut).
     */
    public PingKind forHttp(PingKind fromUrl, byte[] body) {
        if (!filterHttpBody) {
            return fromUrl;
        }
        return classify(new String(body, StandardCharsets.UTF_8));
    }

    /**
     * What an email ping is: a success when mail is not filtered, else what the subject and/or body say (each only
     * when its flag is set).
     */
    public PingKind forMail(String subject, String body) {
        if (!filtersMail()) {
            return PingKind.SUCCESS;
        }
        StringBuilder text = new StringBuilder();
        if (filterSubject) {
            text.append(subject);
        }
        if (filterBody) {
            if (filterSubject) {
                text.append('\n');
            }
            text.append(body);
        }
        return classify(text.toString());
    }

    /** The rule itself: failure, then success, then start; no match is a failure or ignored. */
    PingKind classify(String text) {
        if (matches(text, failureKw)) {
            return PingKind.FAIL;
        }
        if (matches(text, successKw)) {
            return PingKind.SUCCESS;
        }
        if (matches(text, startKw)) {
            return PingKind.START;
        }
        return filterDefaultFail ? PingKind.FAIL : PingKind.IGN;
    }

    static boolean matches(String text, String keywords) {
        if (keywords.isEmpty()) {
            return false;
        }
        for (String keyword : keywords.split(",")) {
            String k = keyword.strip();
            if (!k.isEmpty() && text.contains(k)) {
                return true;
            }
        }
        return false;
    }
}
