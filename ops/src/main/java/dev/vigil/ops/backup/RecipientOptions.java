package dev.vigil.ops.backup;

import dev.vigil.openpgp.Encryptor;
import dev.vigil.openpgp.OpenPgpException;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** The public keys a backup is encrypted to; a file that is not one is a usage error naming the file. */
public final class RecipientOptions {

    @Option(names = "--recipient", required = true, paramLabel = "FILE",
            description = "Public key file (armored or binary) to encrypt to; repeat for several keys, each "
                    + "of which can decrypt alone.")
    List<Path> recipients;

    /** Reads every key before any work is done. */
    Encryptor encryptor(CommandSpec spec) {
        for (Path r : recipients) {
            if (!Files.isReadable(r) || Files.isDirectory(r)) {
                throw StorageOptions.usage(spec, "--recipient " + r + " is not a readable file");
            }
        }
        try {
            return Encryptor.forKeyFiles(recipients);
        } catch (OpenPgpException e) {
            throw StorageOptions.usage(spec, "--recipient " + e.getMessage());
        }
    }
}
