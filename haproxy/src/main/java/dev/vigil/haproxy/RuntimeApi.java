package dev.vigil.haproxy;

import dev.vigil.provisioning.remote.RemoteHost;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * HAProxy's runtime API on its admin socket ({@code stats socket ... level admin}): one command per connection,
 * HAProxy answers and closes. Server states change here, never in the configuration file, the way HAProxy's
 * Data Plane API keeps runtime changes and file changes apart. The socket is reached directly when it is on this
 * machine, or over SSH ({@link #overSsh}) on a fleet's balancer; either way answers are parsed here, and an
 * answer that is not what HAProxy says is an error quoting (the start of) it.
 */
public final class RuntimeApi implements LoadBalancer {

    /** Answers are small (a few lines per server); anything larger is not HAProxy talking. */
    static final int MAX_ANSWER = 16 << 20;

    /** Sends one command line to the admin socket and returns the whole answer. */
    @FunctionalInterface
    interface Channel {
        String send(String commandLine);
    }

    private final String name;
    private final Channel channel;

    /** The admin socket {@code socket} of load balancer {@code name}, on this machine. */
    public RuntimeApi(String name, Path socket) {
        this(name, line -> local(socket, line));
    }

    RuntimeApi(String name, Channel channel) {
        this.name = name;
        this.channel = channel;
    }

    /**
     * The admin socket {@code socket} on {@code host}, over its SSH connection: each command goes on the stdin of
     * {@code socat} there (never on a command line, where {@code ps} would show map values), as root.
     */
    public static RuntimeApi overSsh(RemoteHost host, String socket) {
        return new RuntimeApi(host.name(), new SshChannel(host, socket));
    }

    @Override
    public String name() {
        return name;
    }

    /** Sends {@code command} and returns HAProxy's whole answer. */
    public String command(String command) {
        if (command.indexOf('\n') >= 0 || command.indexOf('\r') >= 0 || command.indexOf(';') >= 0) {
            throw new IllegalArgumentException("one runtime API command at a time, without ';' or newlines");
        }
        return channel.send(command);
    }

    private static String local(Path socket, String command) {
        try (SocketChannel ch = SocketChannel.open(StandardProtocolFamily.UNIX)) {
            ch.connect(UnixDomainSocketAddress.of(socket));
            ch.write(ByteBuffer.wrap((command + "\n").getBytes(StandardCharsets.US_ASCII)));
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ByteBuffer buf = ByteBuffer.allocate(8192);
            while (ch.read(buf) >= 0) {
                out.write(buf.array(), 0, buf.position());
                buf.clear();
                if (out.size() > MAX_ANSWER) {
                    throw new IOException("answer larger than " + MAX_ANSWER + " bytes");
                }
            }
            return out.toString(StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("HAProxy runtime API at " + socket + ": " + e.getMessage(), e);
        }
    }

    /** Every server of every backend: its state (UP, DOWN, NOLB, DRAIN, MAINT...) and current sessions. */
    @Override
    public List<ServerStatus> servers() {
        String answer = command("show stat");
        String[] lines = answer.split("\n");
        if (!lines[0].startsWith("# ")) {
            throw unexpected("show stat", answer);
        }
        List<String> header = Arrays.asList(lines[0].substring(2).split(","));
        int px = header.indexOf("pxname");
        int sv = header.indexOf("svname");
        int scur = header.indexOf("scur");
        int status = header.indexOf("status");
        if (Math.min(Math.min(px, sv), Math.min(scur, status)) < 0) {
            throw unexpected("show stat (no pxname, svname, scur or status column)", answer);
        }
        int width = Math.max(Math.max(px, sv), Math.max(scur, status));
        List<ServerStatus> out = new ArrayList<>();
        for (int i = 1; i < lines.length; i++) {
            if (lines[i].isBlank()) {
                continue;
            }
            String[] f = lines[i].split(",", -1);
            if (f.length <= width) {
                throw unexpected("show stat (a line with too few columns)", lines[i]);
            }
            if (f[sv].equals("FRONTEND") || f[sv].equals("BACKEND")) {
                continue;
            }
            if (!f[scur].matches("\\d{0,9}") || f[status].isEmpty()) {
                throw unexpected("show stat (a server line without a state or session count)", lines[i]);
            }
            out.add(new ServerStatus(f[px], f[sv], ServerStatus.state(f[status]),
                    f[scur].isEmpty() ? 0 : Integer.parseInt(f[scur])));
        }
        return out;
    }

    /** {@code show servers state}: what {@code server-state-file} holds, for the next process to load. */
    public String serversState() {
        String answer = command("show servers state");
        if (!answer.startsWith("1\n")) {
            throw unexpected("show servers state (format version 1 expected)", answer);
        }
        return answer;
    }

    /** An error quoting the first line of an answer, shortened and with control characters shown as '?'. */
    private IllegalStateException unexpected(String what, String answer) {
        String first = answer.strip().lines().findFirst().orElse("(nothing)");
        if (first.length() > 200) {
            first = first.substring(0, 200) + "...";
        }
        return new IllegalStateException(name + ": unexpected answer to " + what + ": " + first.replaceAll("\\p{Cntrl}", "?"));
    }

    /** Puts a server in {@code ready}, {@code drain} or {@code maint} state. */
    @Override
    public void setState(String backend, String server, String state) {
        if (!List.of("ready", "drain", "maint").contains(state)) {
            throw new IllegalArgumentException("server states are ready, drain and maint, not " + state);
        }
        requireName(backend);
        requireName(server);
        String answer = command("set server " + backend + "/" + server + " state " + state).strip();
        if (!answer.isEmpty()) {
            throw new IllegalStateException(name + ": HAProxy refused to set " + backend + "/" + server + " " + state + ": "
                    + answer.lines().findFirst().orElse("").replaceAll("\\p{Cntrl}", "?"));
        }
    }

    @Override
    public void addMapEntry(String map, String key, String value) {
        requireWord(key);
        requireWord(value);
        String answer = command("add map " + map + " " + key + " " + value).strip();
        if (!answer.isEmpty()) {
            throw new IllegalStateException(name + ": HAProxy refused to add " + key + " to map " + map + ": " + answer);
        }
    }

    @Override
    public void deleteMapEntry(String map, String key) {
        requireWord(key);
        command("del map " + map + " " + key);
    }

    /** Backend and server names as the renderer writes them (host names, never spaces or command syntax). */
    private static void requireName(String name) {
        if (!name.matches("[A-Za-z0-9_.:-]{1,100}")) {
            throw new IllegalArgumentException("not a backend or server name: \"" + name.replaceAll("\\p{Cntrl}", "?")
                    + "\"");
        }
    }

    /** Map keys and values here are ACME tokens: base64url and dots, never spaces or command syntax. */
    private static void requireWord(String text) {
        if (!text.matches("[A-Za-z0-9_.-]{1,512}")) {
            throw new IllegalArgumentException("a map key or value must be an ACME token (base64url and dots, 1 to 512 "
                    + "characters); this one is not, and is not shown");
        }
    }

    /** The process id of the worker answering, which changes with each reload. */
    public long workerPid() {
        String answer = command("show info");
        for (String line : answer.split("\n")) {
            if (line.matches("Pid: \\d{1,9}")) {
                return Long.parseLong(line.substring(5));
            }
        }
        throw unexpected("show info (no Pid line)", answer);
    }
}
