package dev.vigil.ops.backup;

import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;

import java.util.concurrent.Callable;

/** Runs the work of a command: a failure is one "error: ..." line on stderr and status 1. */
public final class Failures {

    private Failures() {
    }

    public static int run(CommandSpec spec, Callable<Integer> work) throws Exception {
        try {
            return work.call();
        } catch (CommandLine.ParameterException e) {
            throw e;
        } catch (RuntimeException e) {
            String message = e.getMessage() == null ? e.toString() : e.getMessage();
            spec.commandLine().getErr().println("error: " + message.replace('\n', ' ').strip());
            spec.commandLine().getErr().flush();
            return 1;
        }
    }
}
