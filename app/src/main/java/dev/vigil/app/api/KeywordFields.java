package dev.vigil.app.api;

import dev.vigil.app.checks.KeywordFilter;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;

/**
 * The keyword-filtering fields of a create or update request, by Healthchecks' rules: {@code start_kw},
 * {@code success_kw}, {@code failure_kw} (strings of at most 200 characters), the four {@code filter_*} flags, and the
 * deprecated {@code subject} / {@code subject_fail}, which set {@code success_kw} / {@code failure_kw} and turn
 * {@code filter_subject} on when either list is then non-empty (off when both are empty). Null means "not in the
 * request".
 */
public record KeywordFields(String startKw, String successKw, String failureKw, Boolean filterSubject,
        Boolean filterBody, Boolean filterHttpBody, Boolean filterDefaultFail, String subject, String subjectFail) {

    public static final KeywordFields ABSENT = new KeywordFields(null, null, null, null, null, null, null, null, null);

    static KeywordFields parse(JsonObject body) {
        return new KeywordFields(keywords(body, "start_kw"), keywords(body, "success_kw"),
                keywords(body, "failure_kw"), flag(body, "filter_subject"), flag(body, "filter_body"),
                flag(body, "filter_http_body"), flag(body, "filter_default_fail"), keywords(body, "subject"),
                keywords(body, "subject_fail"));
    }

    /** The check's filter with the fields present applied, in Healthchecks' order (the deprecated fields first). */
    public KeywordFilter applyTo(KeywordFilter f) {
        String success = f.successKw();
        String failure = f.failureKw();
        boolean bySubject = f.filterSubject();
        if (subject != null) {
            success = subject;
            bySubject = !success.isEmpty() || !failure.isEmpty();
        }
        if (subjectFail != null) {
            failure = subjectFail;
            bySubject = !success.isEmpty() || !failure.isEmpty();
        }
        return KeywordFilter.of(or(filterSubject, bySubject), or(filterBody, f.filterBody()),
                or(filterHttpBody, f.filterHttpBody()), or(filterDefaultFail, f.filterDefaultFail()),
                or(startKw, f.startKw()), or(successKw, success), or(failureKw, failure));
    }

    private static String keywords(JsonObject body, String field) {
        JsonValue value = body.get(field);
        if (value == null) {
            return null;
        }
        if (!(value instanceof JsonString s)) {
            throw ApiException.invalid(field, "is not a string");
        }
        if (s.getString().length() > KeywordFilter.MAX_KEYWORDS_LENGTH) {
            throw ApiException.invalid(field, "is too long (at most " + KeywordFilter.MAX_KEYWORDS_LENGTH
                    + " characters)");
        }
        return s.getString();
    }

    private static Boolean flag(JsonObject body, String field) {
        JsonValue value = body.get(field);
        if (value == null) {
            return null;
        }
        if (value.getValueType() == JsonValue.ValueType.TRUE || value.getValueType() == JsonValue.ValueType.FALSE) {
            return value.getValueType() == JsonValue.ValueType.TRUE;
        }
        throw ApiException.invalid(field, "is not a boolean");
    }

    private static <T> T or(T value, T fallback) {
        return value != null ? value : fallback;
    }
}
