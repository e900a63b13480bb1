package dev.vigil.ops.secrets;

import picocli.CommandLine.Command;

/** {@code ops secrets}: the fleet's encrypted secrets beside the inventory. */
@Command(name = "secrets", description = "Keep the fleet's secrets in an OpenPGP-encrypted file beside the inventory.",
        subcommands = {SecretsInitCommand.class, SecretsShowCommand.class, SecretsSetCommand.class,
                SecretsEditCommand.class, SecretsRekeyCommand.class},
        footer = {"", "Details: docs/provisioning.md#secrets"})
public final class SecretsCommand {
}
