package dev.vigil.wireguard.mesh;

/** The inventory, the policy or the key file cannot make a private network; the message names host and field. */
public final class MeshException extends RuntimeException {
    public MeshException(String message) {
        super(message);
    }
}
