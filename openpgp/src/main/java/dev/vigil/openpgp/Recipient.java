package dev.vigil.openpgp;

/**
 * One key a message is encrypted to: the id of the encryption subkey (what the encrypted message names, and
 * what {@code gpg --list-packets} shows), the primary key's fingerprint and its primary user id.
 */
public record Recipient(String keyId, String fingerprint, String userId) {

    @Override
    public String toString() {
        return userId.isEmpty() ? keyId : keyId + " (" + userId + ")";
    }
}
