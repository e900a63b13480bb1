package dev.vigil.ops;

import dev.vigil.ops.cron.CronCommand;
import dev.vigil.provisioning.inventory.InventoryException;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine.ScopeType;

import java.io.PrintWriter;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The {@code ops} command line: one entry point for running Vigil's fleet. Each subcommand is a thin class that
 * parses options and calls a workflow; exit status 0 means success, 1 a failure of the work, 2 bad usage.
 *
 * <p>The conventions live here, once: a usage error is a {@link CommandLine.ParameterException} (one
 * {@code error:} line, picocli's "did you mean" suggestion when it has one, status 2); any other exception from a
 * command is a failure of the work (one {@code error:} line, status 1, the stack trace only with
 * {@code --verbose}); zones, times and durations are read by {@link OpsConverters}.
 */
@Command(name = "ops",
        mixinStandardHelpOptions = true,
        scope = ScopeType.INHERIT, // every subcommand gets --help, --version and --verbose
        versionProvider = OpsVersion.class,
        description = "Run and look after a Vigil installation.",
        synopsisSubcommandLabel = "COMMAND",
        subcommands = {CronCommand.class, dev.vigil.ops.provision.ProvisionCommand.class,
                dev.vigil.ops.provision.ExecCommand.class, dev.vigil.ops.provision.HostsCommand.class,
                dev.vigil.ops.secrets.SecretsCommand.class,
                dev.vigil.ops.backup.BackupCommand.class, dev.vigil.ops.run.RunCommand.class,
                dev.vigil.ops.watchdog.WatchdogCommand.class,
                CommandLine.HelpCommand.class},
        footer = {"", "Run 'ops COMMAND --help' for the options of a command.",
                "Exit status: 0 done, 1 the work failed, 2 bad usage; each error is one 'error: ...' line.",
                "Documentation: docs/ops.md in the Vigil repository."})
public final class Ops {

    @Option(names = {"-v", "--verbose"}, scope = ScopeType.INHERIT,
            description = "Say more: the stack trace of a failure; for provision, the unchanged tasks too.")
    boolean verbose;

    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }

    /** The configured command line; tests run it in-process. */
    public static CommandLine commandLine() {
        Ops ops = new Ops();
        CommandLine cl = new CommandLine(ops);
        OpsConverters.register(cl);
        cl.setExitCodeExceptionMapper(e -> e instanceof CommandLine.ParameterException ? 2 : 1);
        cl.setParameterExceptionHandler(Ops::usageError);
        cl.setExecutionExceptionHandler((e, cmd, parsed) -> ops.failure(e, cmd));
        cl.setExecutionStrategy(Ops::refuseUnmatchedThenRun);
        return cl;
    }

    /** Whether {@code --verbose} was given (commands that say more read it here). */
    public boolean verbose() {
        return verbose;
    }

    /**
     * picocli shows help even when an unknown word stands before {@code --help} ({@code ops deploy --help} would
     * print the root's help and exit 0); an unknown command is a usage error however it is followed.
     */
    private static int refuseUnmatchedThenRun(ParseResult parsed) {
        for (ParseResult p = parsed; p != null; p = p.subcommand()) {
            if (!p.unmatched().isEmpty()) {
                throw new CommandLine.UnmatchedArgumentException(p.commandSpec().commandLine(), p.unmatched());
            }
        }
        return new CommandLine.RunLast().execute(parsed);
    }

    /** One line naming the problem, picocli's suggestion when it has one, and where to look. */
    private static int usageError(CommandLine.ParameterException e, String[] args) {
        CommandLine cmd = e.getCommandLine();
        String message = oneLine(e);
        if (e instanceof CommandLine.UnmatchedArgumentException u && u.isUnknownOption()
                && !u.getSuggestions().isEmpty()) {
            message += ". Possible solutions: " + String.join(", ", u.getSuggestions());
        } else if (e instanceof CommandLine.UnmatchedArgumentException u && !u.getSuggestions().isEmpty()) {
            message += didYouMean(cmd, u.getUnmatched().get(0), u.getSuggestions());
        } else {
            Matcher help = UNKNOWN_SUBCOMMAND.matcher(message); // 'ops help provison'
            if (help.matches()) {
                message = help.group(1) + didYouMean(cmd, help.group(2), List.copyOf(cmd.getSubcommands().keySet()));
            }
        }
        // a command's help says nothing about the inventory's keys; its reference does
        String see = e.getCause() instanceof InventoryException ? "docs/provisioning.md#the-inventory-opsyaml"
                : "'" + cmd.getCommandSpec().qualifiedName() + " --help'";
        PrintWriter err = cmd.getErr();
        err.println("error: " + message + " (see " + see + ")");
        err.flush();
        return 2;
    }

    private static final Pattern UNKNOWN_SUBCOMMAND = Pattern.compile("(Unknown subcommand '(.*)')\\.");

    /** picocli's candidates, kept when within a few edits of what was typed (see {@link Typo}). */
    private static String didYouMean(CommandLine cmd, String typed, List<String> candidates) {
        List<String> close = candidates.stream().filter(s -> Typo.near(typed, s)).toList();
        if (close.isEmpty()) {
            return "";
        }
        String prefix = cmd.getCommandSpec().qualifiedName() + " ";
        return ". Did you mean: " + close.stream().map(s -> prefix + s).collect(Collectors.joining(" or ")) + "?";
    }

    /** A failure of the work: one line, status 1; the stack trace only when asked for. */
    private int failure(Exception e, CommandLine cmd) {
        PrintWriter err = cmd.getErr();
        err.println("error: " + oneLine(e));
        if (verbose) {
            e.printStackTrace(err);
        }
        err.flush();
        return 1;
    }

    private static String oneLine(Exception e) {
        String message = e.getMessage() == null || e.getMessage().isBlank() ? e.toString() : e.getMessage();
        return message.replace("\r\n", " ").replace('\n', ' ').replace('\r', ' ').strip();
    }
}
