package dev.vigil.provisioning.secrets;

import dev.vigil.openpgp.Decryptor;
import dev.vigil.openpgp.Encryptor;
import dev.vigil.openpgp.OpenPgpException;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;

/**
 * The fleet's secrets as one OpenPGP message on disk, encrypted to every recipient the inventory lists (the same
 * OpenPGP code and format as the backups: {@code gpg --decrypt} reads it too). Plaintext exists only in memory.
 * A write goes to a temporary file beside the old one and is renamed over it, so a failed write loses nothing.
 */
public final class SecretsFile {

    /** The most a secrets file may hold; far beyond any real fleet, so a wrong file cannot eat the heap. */
    public static final int MAX_BYTES = 1 << 20;

    private final Path file;

    public SecretsFile(Path file) {
        this.file = file;
    }

    public Path path() {
        return file;
    }

    public boolean exists() {
        return Files.exists(file);
    }

    /**
     * Decrypts and parses the file with the operator's key. Every failure is a {@link SecretsException} with one
     * line of reason.
     */
    public Secrets read(Decryptor decryptor) {
        if (!Files.isRegularFile(file)) {
            throw new SecretsException("no secrets file " + file + "; create it with 'ops secrets init'");
        }
        byte[] plain;
        try (InputStream in = Files.newInputStream(file);
             InputStream clear = decryptor.open(in)) {
            plain = readBounded(clear);
        } catch (OpenPgpException | IOException e) {
            throw new SecretsException("cannot decrypt " + file + ": " + e.getMessage(), e);
        }
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .decode(java.nio.ByteBuffer.wrap(plain)).toString();
        } catch (CharacterCodingException e) {
            throw new SecretsException(file + " does not hold UTF-8 text", e);
        } finally {
            Arrays.fill(plain, (byte) 0);
        }
        try {
            return Secrets.parse(text);
        } catch (IllegalArgumentException e) {
            throw new SecretsException(file + ", " + e.getMessage(), e);
        }
    }

    private static byte[] readBounded(InputStream in) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buf = new byte[8192];
        int n;
        while ((n = in.read(buf)) > 0) {
            out.write(buf, 0, n);
            if (out.size() > MAX_BYTES) {
                throw new IOException("it holds more than " + MAX_BYTES + " bytes; not a secrets file");
            }
        }
        return out.toByteArray();
    }

    /** Creates the file with no secrets; refuses to replace an existing one. */
    public void create(List<Path> recipients) {
        if (Files.exists(file)) {
            throw new SecretsException(file + " already exists; 'ops secrets edit' changes it");
        }
        write(recipients, Secrets.none(), false);
    }

    /** Encrypts {@code secrets} to all {@code recipients} and replaces the file atomically. */
    public void write(List<Path> recipients, Secrets secrets) {
        write(recipients, secrets, true);
    }

    private void write(List<Path> recipients, Secrets secrets, boolean replace) {
        if (recipients.isEmpty()) {
            throw new SecretsException("the inventory lists no secrets.recipients (public key files): there is "
                    + "nobody to encrypt the secrets to");
        }
        Encryptor encryptor;
        try {
            encryptor = Encryptor.forKeyFiles(recipients);
        } catch (OpenPgpException e) {
            throw new SecretsException("secrets.recipients: " + e.getMessage(), e);
        }
        Path folder = file.toAbsolutePath().getParent();
        Path temp = null;
        try {
            temp = Files.createTempFile(folder, "." + file.getFileName() + ".", ".tmp",
                    PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            byte[] plain = secrets.render().getBytes(StandardCharsets.UTF_8);
            try (OutputStream out = Files.newOutputStream(temp);
                 OutputStream enc = encryptor.encrypt(out, "secrets", Instant.now())) {
                enc.write(plain);
            } finally {
                Arrays.fill(plain, (byte) 0);
            }
            if (replace) {
                move(temp, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } else {
                Files.createLink(file, temp); // fails if someone created the file meanwhile
                Files.delete(temp);
            }
            temp = null;
        } catch (FileAlreadyExistsException e) {
            throw new SecretsException(file + " already exists; 'ops secrets edit' changes it", e);
        } catch (IOException e) {
            throw new SecretsException("cannot write " + file + ": " + e.getMessage() + " (the old file is unchanged)",
                    e);
        } finally {
            if (temp != null) {
                try {
                    Files.deleteIfExists(temp);
                } catch (IOException ignored) {
                    // best effort: it holds ciphertext only
                }
            }
        }
    }

    private void move(Path temp, StandardCopyOption... options) throws IOException {
        try {
            Files.move(temp, file, options);
        } catch (AtomicMoveNotSupportedException e) {
            throw new IOException("the folder does not support atomic renames", e);
        }
    }
}
