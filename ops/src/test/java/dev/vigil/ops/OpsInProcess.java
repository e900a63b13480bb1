package dev.vigil.ops;

import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;

/** Runs the ops command line inside the test JVM and keeps what the last run printed. */
public final class OpsInProcess {

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    /** Runs {@code ops ARGS...} and returns the exit status; output of earlier runs is discarded. */
    public int run(String... args) {
        out.getBuffer().setLength(0);
        err.getBuffer().setLength(0);
        CommandLine cl = Ops.commandLine();
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        return cl.execute(args);
    }

    public String out() {
        return out.toString();
    }

    public String err() {
        return err.toString();
    }
}
