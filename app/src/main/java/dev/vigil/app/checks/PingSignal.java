package dev.vigil.app.checks;

import java.util.UUID;

/**
 * One ping as the client sent it.
 *
 * @param kind       from the URL: success, start, fail or log (an exit status above 0 is already a fail)
 * @param exitStatus the exit status from the URL, or null
 * @param method     HTTP method
 * @param rid        run id from {@code ?rid=}, or null
 */
public record PingSignal(PingKind kind, Integer exitStatus, String method, UUID rid) {

    public static PingKind kindOfExitStatus(int status) {
        return status == 0 ? PingKind.SUCCESS : PingKind.FAIL;
    }
}
