package dev.vigil.launch;

import java.io.ByteArrayOutputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.lang.reflect.InvocationTargetException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Main class of the uber jar: turns Vigil's environment variables into Payara Micro options, then hands over to
 * Payara Micro's own launcher. Payara can only read options from its command line or from fixed values baked into
 * the jar, so this is where {@code VIGIL_PORT} and friends get their defaults. Options given on the command line
 * come last and win.
 */
public final class VigilLauncher {

    private static final int DEFAULT_PORT = 8000;
    /** A debugging line that Payara's JDBC module prints to standard output at every stop. */
    private static final String STOP_NOISE = "JdbcRuntimeExtension,  getAllSystemRAResourcesAndPools";

    private VigilLauncher() {
    }

    public static void main(String[] args) throws Throwable {
        System.setOut(new PrintStream(new DropLines(System.out, STOP_NOISE), true));
        List<String> options = new ArrayList<>();
        options.add("--port");
        options.add(Integer.toString(port(System.getenv("VIGIL_PORT"))));
        String rootDir = System.getenv("VIGIL_RUNTIME_DIR");
        if (rootDir != null && !rootDir.isBlank()) {
            options.add("--rootdir");
            options.add(rootDir);
        }
        options.addAll(List.of(args));
        // the app derives the ping port's default from the main port: tell it the one Payara will use (the last)
        int port = options.lastIndexOf("--port");
        if (port + 1 < options.size()) {
            System.setProperty("vigil.port", options.get(port + 1));
        }
        try {
            Class.forName("fish.payara.micro.PayaraMicro")
                    .getMethod("main", String[].class)
                    .invoke(null, (Object) options.toArray(String[]::new));
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }

    static int port(String value) {
        if (value == null || value.isBlank()) {
            return DEFAULT_PORT;
        }
        try {
            int port = Integer.parseInt(value.trim());
            if (port >= 1 && port <= 65535) {
                return port;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        System.err.println("VIGIL_PORT must be a port number from 1 to 65535, not \"" + value + "\"");
        System.exit(2);
        return -1;
    }

    /**
     * Standard output without the lines that start with {@code prefix}: Payara prints that one with
     * {@code System.out.println}, out of reach of the logging configuration. Everything else passes unchanged,
     * line by line (a partial line as soon as it cannot be the dropped one).
     */
    static final class DropLines extends FilterOutputStream {

        private final byte[] prefix;
        private final ByteArrayOutputStream line = new ByteArrayOutputStream();

        DropLines(OutputStream out, String prefix) {
            super(out);
            this.prefix = prefix.getBytes(StandardCharsets.UTF_8);
        }

        @Override
        public synchronized void write(int b) throws IOException {
            line.write(b);
            if (b == '\n') {
                if (!startsWithPrefix(line.toByteArray())) {
                    line.writeTo(out);
                }
                line.reset();
            }
        }

        @Override
        public synchronized void write(byte[] b, int off, int len) throws IOException {
            for (int i = off; i < off + len; i++) {
                write(b[i]);
            }
        }

        @Override
        public synchronized void flush() throws IOException {
            byte[] partial = line.toByteArray();
            if (partial.length > 0 && !couldBecomePrefix(partial) && !startsWithPrefix(partial)) {
                out.write(partial);
                line.reset();
            }
            out.flush();
        }

        private boolean startsWithPrefix(byte[] text) {
            if (text.length < prefix.length) {
                return false;
            }
            for (int i = 0; i < prefix.length; i++) {
                if (text[i] != prefix[i]) {
                    return false;
                }
            }
            return true;
        }

        private boolean couldBecomePrefix(byte[] text) {
            if (text.length >= prefix.length) {
                return false;
            }
            for (int i = 0; i < text.length; i++) {
                if (text[i] != prefix[i]) {
                    return false;
                }
            }
            return true;
        }
    }
}
