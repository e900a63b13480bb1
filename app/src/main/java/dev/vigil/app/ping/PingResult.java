package dev.vigil.app.ping;

/** The answer to one ping, as the Healthchecks ping API gives it. */
public enum PingResult {
    OK(200, "OK"),
    CREATED(201, "Created"),
    NOT_FOUND(404, "not found"),
    AMBIGUOUS_SLUG(409, "ambiguous slug"),
    UNAVAILABLE(503, "service unavailable, please retry");

    private final int status;
    private final String body;

    PingResult(int status, String body) {
        this.status = status;
        this.body = body;
    }

    public int status() {
        return status;
    }

    public String body() {
        return body;
    }
}
