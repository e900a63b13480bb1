package dev.vigil.ops;

import dev.vigil.ops.cron.CronCommand;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.ScopeType;

/**
 * The {@code ops} command line: one entry point for running Vigil's fleet. Each subcommand is a thin class that
 * parses options and calls a workflow; exit status 0 means success, 1 a failure of the work, 2 bad usage.
 */
@Command(name = "ops",
        mixinStandardHelpOptions = true,
        scope = ScopeType.INHERIT, // every subcommand gets --help and --version
        versionProvider = OpsVersion.class,
        description = "Run and look after a Vigil installation.",
        synopsisSubcommandLabel = "COMMAND",
        subcommands = {CronCommand.class, dev.vigil.ops.provision.ProvisionCommand.class,
                dev.vigil.ops.provision.ExecCommand.class, dev.vigil.ops.provision.HostsCommand.class,
                dev.vigil.ops.secrets.SecretsCommand.class,
                dev.vigil.ops.backup.BackupCommand.class, dev.vigil.ops.run.RunCommand.class,
                dev.vigil.ops.watchdog.WatchdogCommand.class, dev.vigil.ops.lb.LbCommand.class,
                CommandLine.HelpCommand.class},
        footer = {"", "Run 'ops COMMAND --help' for the options of a command.",
                "Documentation: docs/ops.md in the Vigil repository."})
public final class Ops {

    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }

    /** The configured command line; tests run it in-process. */
    public static CommandLine commandLine() {
        CommandLine cl = new CommandLine(new Ops());
        cl.setExitCodeExceptionMapper(e -> e instanceof CommandLine.ParameterException ? 2 : 1);
        cl.setParameterExceptionHandler(Ops::usageError);
        return cl;
    }

    /** One line naming the problem and where to look, instead of the whole help text. */
    private static int usageError(CommandLine.ParameterException e, String[] args) {
        CommandLine cmd = e.getCommandLine();
        cmd.getErr().println("error: " + e.getMessage() + " (see '" + cmd.getCommandSpec().qualifiedName()
                + " --help')");
        return 2;
    }
}
