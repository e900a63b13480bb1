package dev.vigil.provisioning.ssh;

import com.jcraft.jsch.AgentIdentityRepository;
import com.jcraft.jsch.AgentProxyException;
import com.jcraft.jsch.ChannelExec;
import com.jcraft.jsch.IdentityRepository;
import com.jcraft.jsch.JSch;
import com.jcraft.jsch.JSchException;
import com.jcraft.jsch.SSHAgentConnector;
import com.jcraft.jsch.Session;
import com.jcraft.jsch.UnixDomainSocketFactory;
import dev.vigil.provisioning.remote.CommandResult;
import dev.vigil.provisioning.remote.RemoteCommandException;
import dev.vigil.provisioning.remote.RemoteHost;
import dev.vigil.provisioning.remote.Shell;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A {@link RemoteHost} over one JSch session, opened on first use and reused for every command of a run (each
 * command is its own exec channel on it). Host keys are checked strictly against the known_hosts file; a missing
 * or changed key refuses the connection with both fingerprints in the message.
 */
public final class SshRemoteHost implements RemoteHost, AutoCloseable {

    private static final Duration POLL = Duration.ofMillis(10);

    private final SshTarget target;
    private Session session;

    public SshRemoteHost(SshTarget target) {
        this.target = target;
    }

    @Override
    public String name() {
        return target.name();
    }

    public SshTarget target() {
        return target;
    }

    @Override
    public Duration defaultTimeout() {
        return target.commandTimeout();
    }

    @Override
    public CommandResult run(String script, byte[] stdin, Duration timeout) {
        Session s = session();
        ChannelExec channel;
        try {
            channel = (ChannelExec) s.openChannel("exec");
        } catch (JSchException e) {
            throw new RemoteCommandException(target.name() + ": cannot open a channel: " + e.getMessage(), e);
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        try {
            channel.setCommand(wrap(script));
            // No setInputStream: with one, ChannelExec.start() assigns its pump thread to a field that the
            // session's reader thread nulls when a fast command's CHANNEL_CLOSE arrives first, and start() then
            // fails with a NullPointerException after the command has already run. We feed stdin ourselves.
            channel.setOutputStream(out, true);
            channel.setErrStream(err, true);
            channel.connect((int) target.connectTimeout().toMillis());
            Thread feeder = feed(channel, stdin);
            long deadline = System.nanoTime() + timeout.toNanos();
            while (!channel.isClosed()) {
                if (System.nanoTime() > deadline) {
                    throw new RemoteCommandException(target.name() + ": command timed out after "
                            + timeout.toMillis() / 1000.0 + " s: " + firstLine(script));
                }
                if (!s.isConnected()) {
                    throw new RemoteCommandException(target.name() + ": connection lost while running: "
                            + firstLine(script));
                }
                Thread.sleep(POLL.toMillis());
            }
            feeder.join(); // the channel is closed, so a blocked write has failed and the thread is ending
            return new CommandResult(channel.getExitStatus(), out.toByteArray(), err.toByteArray());
        } catch (JSchException e) {
            throw new RemoteCommandException(target.name() + ": cannot run command: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RemoteCommandException(target.name() + ": interrupted", e);
        } finally {
            channel.disconnect();
        }
    }

    /**
     * Writes {@code stdin} to the started command, then EOF, on a thread of our own (a command that does not read
     * stdin must not block the caller past its timeout). A command that exits without reading all of it closes
     * the channel, which ends the write: like a shell pipe's EPIPE, that is the command's business, not an error.
     */
    private Thread feed(ChannelExec channel, byte[] stdin) {
        Thread feeder = new Thread(() -> {
            try (OutputStream in = channel.getOutputStream()) {
                in.write(stdin);
            } catch (IOException e) {
                // the channel closed before all of stdin was taken; the exit status tells the rest
            }
        }, "ssh-stdin " + target.name());
        feeder.setDaemon(true);
        feeder.start();
        return feeder;
    }

    /** Root runs the script as is; anyone else through non-interactive sudo (a password prompt would hang). */
    private String wrap(String script) {
        String sh = "env LC_ALL=C.UTF-8 DEBIAN_FRONTEND=noninteractive sh -c " + Shell.quote(script);
        return "root".equals(target.user()) ? sh : "sudo -n -H -- " + sh;
    }

    private static String firstLine(String script) {
        String line = script.lines().findFirst().orElse("");
        return line.length() > 120 ? line.substring(0, 117) + "..." : line;
    }

    @Override
    public void open() {
        session();
    }

    /** The connected session, connecting (again) when needed. */
    public synchronized Session session() {
        if (session != null && session.isConnected()) {
            return session;
        }
        session = connect(target, KnownHostsFile.read(target.knownHosts()));
        return session;
    }

    static Session connect(SshTarget target, KnownHostsFile knownHosts) {
        JSch jsch = new JSch();
        jsch.setHostKeyRepository(knownHosts);
        List<Path> keys = target.identities().stream().filter(Files::isReadable).toList();
        Optional<IdentityRepository> agent = target.agentSocket().flatMap(SshRemoteHost::agent);
        if (keys.isEmpty() && agent.isEmpty()) {
            throw new RemoteCommandException(target.name() + ": no readable SSH key among "
                    + target.identities() + " and no ssh-agent (set ssh.identities in the inventory)");
        }
        try {
            JSch files = new JSch(); // only loads the key files into its identity repository
            for (Path key : keys) {
                files.addIdentity(key.toString());
            }
            List<IdentityRepository> sources = new ArrayList<>();
            agent.ifPresent(sources::add);
            sources.add(files.getIdentityRepository());
            jsch.setIdentityRepository(new IdentitySources(sources));
            Session s = jsch.getSession(target.user(), target.address(), target.port());
            s.setConfig("StrictHostKeyChecking", "yes");
            s.setConfig("PreferredAuthentications", "publickey");
            s.setServerAliveInterval(15_000);
            s.setServerAliveCountMax(4);
            s.connect((int) target.connectTimeout().toMillis());
            return s;
        } catch (JSchException e) {
            throw translate(target, knownHosts, e);
        }
    }

    /** The agent at {@code socket}, or empty when none answers there (then only key files are used). */
    private static Optional<IdentityRepository> agent(Path socket) {
        try {
            SSHAgentConnector connector = new SSHAgentConnector(new UnixDomainSocketFactory(), socket);
            return connector.isAvailable() ? Optional.of(new AgentIdentityRepository(connector)) : Optional.empty();
        } catch (AgentProxyException | RuntimeException e) {
            return Optional.empty();
        }
    }

    /** A host key problem becomes a {@link HostKeyException} naming the host and the fingerprints. */
    private static RemoteCommandException translate(SshTarget target, KnownHostsFile knownHosts, JSchException e) {
        KnownHostsFile.Presented p = knownHosts.lastPresented().orElse(null);
        if (p != null && p.verdict() != com.jcraft.jsch.HostKeyRepository.OK) {
            List<String> known = knownHosts.knownFingerprints(p.host(), p.type());
            if (p.verdict() == com.jcraft.jsch.HostKeyRepository.CHANGED) {
                return new HostKeyException(HostKeyException.Reason.CHANGED, "HOST KEY CHANGED for " + target
                        + ": known_hosts (" + target.knownHosts() + ") has " + p.type() + " " + String.join(", ", known)
                        + " but the server presented " + p.fingerprint() + ". Refusing to connect. If the server"
                        + " was rebuilt, remove the old line and run 'ops hosts trust " + target.name() + "'.",
                        p.fingerprint());
            }
            if (p.verdict() == -1) {
                return new HostKeyException(HostKeyException.Reason.REVOKED, target + " presented a revoked key "
                        + p.fingerprint(), p.fingerprint());
            }
            return new HostKeyException(HostKeyException.Reason.UNKNOWN, target + " is not in "
                    + target.knownHosts() + " yet; it presented " + p.type() + " " + p.fingerprint()
                    + ". Check that fingerprint on the server's console, then run 'ops hosts trust "
                    + target.name() + "'.", p.fingerprint());
        }
        String why = e.getMessage() == null ? e.toString() : e.getMessage();
        if (why.contains("Auth fail") || why.contains("USERAUTH fail")) {
            why = "authentication failed for user " + target.user() + " with " + target.identities()
                    + target.agentSocket().map(a -> " and the ssh-agent at " + a).orElse("")
                    + ("root".equals(target.user()) ? "" : ". On a new server " + target.user() + " does not exist"
                    + " until the first provisioning, which logs in as root: ops provision --ssh-user root");
        }
        return new RemoteCommandException("cannot connect to " + target + ": " + why, e);
    }

    @Override
    public synchronized void close() {
        if (session != null) {
            session.disconnect();
            session = null;
        }
    }
}
