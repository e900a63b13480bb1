package dev.vigil.ops.provision;

import dev.vigil.provisioning.inventory.Host;
import dev.vigil.provisioning.inventory.Inventory;
import dev.vigil.provisioning.remote.RemoteCommandException;
import dev.vigil.provisioning.ssh.HostKeyTrust;
import dev.vigil.provisioning.ssh.SshTarget;
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
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.List;
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
    public Integer call() throws IOException {
        Inventory inv = fleet.load(spec);
        Host h = fleet.select(spec, inv, List.of(host)).get(0);
        SshTarget target = SshTarget.of(h, inv.ssh());
        PrintWriter out = spec.commandLine().getOut();
        HostKeyTrust.PresentedKey key;
        try {
            key = HostKeyTrust.fetch(target);
        } catch (RemoteCommandException e) {
            spec.commandLine().getErr().println("error: " + e.getMessage());
            return 1;
        }
        out.println(target + " presents " + key.type() + " " + key.fingerprint());
        switch (key.status()) {
            case ALREADY_TRUSTED -> {
                out.println("already in " + target.knownHosts() + "; nothing to do");
                return 0;
            }
            case CHANGED -> {
                spec.commandLine().getErr().println("error: HOST KEY CHANGED: " + target.knownHosts() + " has "
                        + key.known().orElse("?") + " for this host; refusing. Remove that line first if the server "
                        + "was really rebuilt.");
                return 1;
            }
            default -> { }
        }
        if (fingerprint != null && !fingerprint.equals(key.fingerprint())) {
            spec.commandLine().getErr().println("error: fingerprint mismatch: expected " + fingerprint + ", got "
                    + key.fingerprint() + "; not recorded");
            return 1;
        }
        if (fingerprint == null && !yes && !confirm(out)) {
            out.println("not recorded");
            return 1;
        }
        HostKeyTrust.record(target, key);
        out.println("recorded in " + target.knownHosts());
        return 0;
    }

    private boolean confirm(PrintWriter out) throws IOException {
        if (System.console() == null) {
            throw new CommandLine.ParameterException(spec.commandLine(),
                    "not a terminal: pass --fingerprint SHA256:... (or --yes) to record the key");
        }
        out.print("Record this key? Compare it with the server's console first. [y/N] ");
        out.flush();
        String answer = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
        return answer != null && answer.strip().equalsIgnoreCase("y");
    }
}
