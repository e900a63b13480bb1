package dev.vigil.haproxy;

/** The inventory does not say enough to configure a load balancer; the message names the host and the field. */
public final class LbConfigException extends RuntimeException {

    public LbConfigException(String message) {
        super(message);
    }
}
