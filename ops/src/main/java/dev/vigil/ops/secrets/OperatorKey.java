package dev.vigil.ops.secrets;

import dev.vigil.openpgp.Decryptor;
import dev.vigil.ops.keys.SecretKeyOptions;
import dev.vigil.provisioning.inventory.Inventory;
import dev.vigil.provisioning.secrets.Secrets;
import dev.vigil.provisioning.secrets.SecretsException;
import dev.vigil.provisioning.secrets.SecretsFile;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;

/**
 * The operator's OpenPGP key that opens the inventory's secrets file: {@code --secret-key} or
 * {@code VIGIL_SECRETS_KEY}, its passphrase by {@link SecretKeyOptions}' rule, with {@code VIGIL_SECRETS_PASSPHRASE}
 * as the secrets' own variable.
 */
public final class OperatorKey {

    public static final String KEY_ENV = "VIGIL_SECRETS_KEY";
    public static final String PASSPHRASE_ENV = "VIGIL_SECRETS_PASSPHRASE";

    @Mixin
    SecretKeyOptions key = new SecretKeyOptions(KEY_ENV, PASSPHRASE_ENV, "the secrets need your OpenPGP secret key");

    /** Decrypts the inventory's secrets file with the operator's key. */
    public Secrets read(CommandSpec spec, Inventory inv) {
        SecretsFile file = new SecretsFile(inv.secrets().file());
        if (!file.exists()) {
            throw new SecretsException("no secrets file " + file.path() + "; create it with 'ops secrets init'");
        }
        try (Decryptor decryptor = key.decryptor(spec, System.getenv())) {
            return file.read(decryptor);
        }
    }
}
