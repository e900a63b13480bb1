package dev.vigil.provisioning.inventory;

/** How to log in to one host: the user (root, or a sudoer) and the port. */
public record SshEndpoint(String user, int port) {

    public boolean isRoot() {
        return "root".equals(user);
    }
}
