package dev.vigil.app.api;

/**
 * A request the API refuses, with the HTTP status and the message of the {@code {"error": ...}} body. The message
 * is meant for the client: it names the problem and never carries internal detail.
 */
public final class ApiException extends RuntimeException {

    private final int status;
    private final boolean plainText;
    private final String field;

    private ApiException(int status, String message, boolean plainText) {
        this(status, message, plainText, null);
    }

    private ApiException(int status, String message, boolean plainText, String field) {
        super(message, null, false, false);
        this.status = status;
        this.plainText = plainText;
        this.field = field;
    }

    public static ApiException badRequest(String message) {
        return new ApiException(400, message, false);
    }

    /** A body that breaks a field's rule, worded as Healthchecks words it: "json validation error: ...". */
    public static ApiException invalid(String field, String problem) {
        return new ApiException(400, "json validation error: " + field + " " + problem, false, field);
    }

    public static ApiException unauthorized(String message) {
        return new ApiException(401, message, false);
    }

    public static ApiException forbidden(String message) {
        return new ApiException(403, message, false);
    }

    public static ApiException notFound() {
        return new ApiException(404, "not found", false);
    }

    public static ApiException tooLarge(String message) {
        return new ApiException(413, message, false);
    }

    /** Healthchecks answers some conflicts in plain text (resuming a check that is not paused). */
    public static ApiException conflictText(String message) {
        return new ApiException(409, message, true);
    }

    public static ApiException status(int status, String message) {
        return new ApiException(status, message, false);
    }

    public int status() {
        return status;
    }

    public boolean plainText() {
        return plainText;
    }

    /** The body field an {@link #invalid} names (a form shows the message next to it), else null. */
    public String field() {
        return field;
    }
}
