package dev.vigil.haproxy;

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
 * Data Plane API keeps runtime changes and file changes apart.
 */
public final class RuntimeApi implements LoadBalancer {

    /** Answers are small (a few lines per server); anything larger is not HAProxy talking. */
    private static final int MAX_ANSWER = 16 << 20;

    private final String name;
    private final Path socket;

    /** The admin socket {@code socket} of load balancer {@code name}. */
    public RuntimeApi(String name, Path socket) {
        this.name = name;
        this.socket = socket;
    }

    @Override
    public String name() {
        return name;
    }

    /** Sends {@code command} and returns HAProxy's whole answer. */
    public String command(String command) {
        if (command.indexOf('\n') >= 0 || command.indexOf(';') >= 0) {
            throw new IllegalArgumentException("one runtime API command at a time, without ';' or newlines");
        }
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
        String[] lines = command("show stat").split("\n");
        if (lines.length == 0 || !lines[0].startsWith("# ")) {
            throw new IllegalStateException("unexpected answer to show stat: " + lines[0]);
        }
        List<String> header = Arrays.asList(lines[0].substring(2).split(","));
        int px = header.indexOf("pxname");
        int sv = header.indexOf("svname");
        int scur = header.indexOf("scur");
        int status = header.indexOf("status");
        List<ServerStatus> out = new ArrayList<>();
        for (int i = 1; i < lines.length; i++) {
            String[] f = lines[i].split(",", -1);
            if (f.length <= Math.max(status, scur) || f[sv].equals("FRONTEND") || f[sv].equals("BACKEND")) {
                continue;
            }
            out.add(new ServerStatus(f[px], f[sv], ServerStatus.state(f[status]),
                    f[scur].isEmpty() ? 0 : Integer.parseInt(f[scur])));
        }
        return out;
    }

    /** {@code show servers state}: what {@code server-state-file} holds, for the next process to load. */
    public String serversState() {
        return command("show servers state");
    }

    /** Puts a server in {@code ready}, {@code drain} or {@code maint} state. */
    @Override
    public void setState(String backend, String server, String state) {
        if (!List.of("ready", "drain", "maint").contains(state)) {
            throw new IllegalArgumentException("server states are ready, drain and maint, not " + state);
        }
        String answer = command("set server " + backend + "/" + server + " state " + state).strip();
        if (!answer.isEmpty()) {
            throw new IllegalStateException("HAProxy refused to set " + backend + "/" + server + " " + state + ": "
                    + answer);
        }
    }

    @Override
    public void addMapEntry(String map, String key, String value) {
        requireWord(key);
        requireWord(value);
        String answer = command("add map " + map + " " + key + " " + value).strip();
        if (!answer.isEmpty()) {
            throw new IllegalStateException("HAProxy refused to add " + key + " to map " + map + ": " + answer);
        }
    }

    @Override
    public void deleteMapEntry(String map, String key) {
        requireWord(key);
        command("del map " + map + " " + key);
    }

    /** Map keys and values here are ACME tokens: base64url and dots, never spaces or command syntax. */
    private static void requireWord(String text) {
        if (!text.matches("[A-Za-z0-9_.-]{1,512}")) {
            throw new IllegalArgumentException("not a token: " + text);
        }
    }

    /** The process id of the worker answering, which changes with each reload. */
    public long workerPid() {
        for (String line : command("show info").split("\n")) {
            if (line.startsWith("Pid: ")) {
                return Long.parseLong(line.substring(5).strip());
            }
        }
        throw new IllegalStateException("show info names no Pid");
    }
}
