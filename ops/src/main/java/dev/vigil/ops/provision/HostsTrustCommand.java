package dev.vigil.ops.provision;

import dev.vigil.provisioning.run.HostTrust;
import dev.vigil.provisioning.run.Workflows;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;

/**
 * {@code ops hosts trust HOST}: show the key a new server presents and record it in known_hosts once the
 * operator agrees (or it matches {@code --fingerprint}, taken from the provider's console). A changed key is
 * refused: that needs a human to remove the old line.
 */
@Command(name = "trust", description = "Record a new host's SSH host key in known_hosts after showing its "
        + "SHA256 fingerprint.")
public final class HostsTrustCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    FleetOptions fleet;

    @Parameters(paramLabel = "HOST", description = "The host's inventory name.")
    String host;

    @Option(names = "--fingerprint", paramLabel = "SHA256:...",
            description = "Record only if the key has this fingerprint (no question asked).")
    String fingerprint;

    @Option(names = "--yes", description = "Record without asking (after printing the fingerprint).")
    boolean yes;

    @Override
    public Integer call() {
        return Workflows.trust(fleet.context(spec, List.of(host)), Optional.ofNullable(fingerprint), yes,
                this::askAtTheTerminal) ? 0 : 1;
    }

    private boolean askAtTheTerminal(String question) {
        if (System.console() == null) {
            throw new CommandLine.ParameterException(spec.commandLine(),
                    "not a terminal: pass --fingerprint SHA256:... (or --yes) to record the key");
        }
        spec.commandLine().getOut().print(question);
        spec.commandLine().getOut().flush();
        try {
            String answer = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
            return answer != null && answer.strip().equalsIgnoreCase("y");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the answer: " + e.getMessage(), e);
        }
    }
}
