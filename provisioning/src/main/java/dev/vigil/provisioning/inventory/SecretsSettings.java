package dev.vigil.provisioning.inventory;

import java.nio.file.Path;
import java.util.List;

/**
 * Where the fleet's encrypted secrets live ({@code secrets.pgp} beside the inventory by default) and the OpenPGP
 * public keys of everyone who may read them: every write encrypts to all of these.
 */
public record SecretsSettings(Path file, List<Path> recipients) {

    public SecretsSettings {
        recipients = List.copyOf(recipients);
    }
}
