package dev.vigil.launch;

import java.lang.reflect.InvocationTargetException;
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

    private VigilLauncher() {
    }

    public static void main(String[] args) throws Throwable {
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
}
