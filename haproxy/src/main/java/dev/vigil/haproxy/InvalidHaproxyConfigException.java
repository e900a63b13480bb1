package dev.vigil.haproxy;

/** {@code haproxy -c} refused a rendered configuration; the message holds its output. */
public final class InvalidHaproxyConfigException extends RuntimeException {

    public InvalidHaproxyConfigException(String message) {
        super(message);
    }
}
