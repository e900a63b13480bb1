package dev.vigil.haproxy;

import dev.vigil.provisioning.remote.CommandResult;
import dev.vigil.provisioning.remote.RemoteHost;
import dev.vigil.provisioning.remote.Shell;

import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * The runtime API of a balancer reached over SSH: {@code socat} on the host connects to the admin socket, the
 * command goes on its stdin and HAProxy's answer comes back on its stdout. Nothing of the command is on a command
 * line or in an error message (a map value may be an ACME key authorization); only socat's own complaint is.
 */
final class SshChannel implements RuntimeApi.Channel {

    /** HAProxy answers at once; {@code -t} is how long socat waits for the rest once stdin has ended. */
    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private final RemoteHost host;
    private final String socket;

    SshChannel(RemoteHost host, String socket) {
        if (!socket.matches("/[A-Za-z0-9_./-]+")) {
            throw new IllegalArgumentException("not an admin socket path: " + socket);
        }
        this.host = host;
        this.socket = socket;
    }

    @Override
    public String send(String commandLine) {
        CommandResult r = host.run("exec socat -t 10 stdio " + Shell.quote("UNIX-CONNECT:" + socket),
                (commandLine + "\n").getBytes(StandardCharsets.US_ASCII), TIMEOUT);
        if (r.exitStatus() == 127) {
            throw new IllegalStateException(host.name() + ": socat is not installed there, and the runtime API is "
                    + "reached through it (the lb recipe installs it: ops provision, or ops lb apply)");
        }
        if (!r.ok()) {
            throw new IllegalStateException(host.name() + ": HAProxy runtime API at " + socket + ": " + r.summary());
        }
        if (r.stdout().length > RuntimeApi.MAX_ANSWER) {
            throw new IllegalStateException(host.name() + ": runtime API answer larger than " + RuntimeApi.MAX_ANSWER
                    + " bytes");
        }
        return r.out();
    }
}
