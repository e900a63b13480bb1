package dev.vigil.wireguard.apply;

import dev.vigil.provisioning.remote.RemoteHost;
import dev.vigil.wireguard.config.WgQuickConfig;
import dev.vigil.wireguard.key.WgKeys;

/**
 * A host's WireGuard key: made on the host the first time ({@code umask 077; wg genkey}), kept there, and only its
 * public half read back. Running it again returns the same public key.
 */
public final class HostKey {

    static final String SCRIPT = "set -e; umask 077; mkdir -p /etc/wireguard; k=" + WgQuickConfig.PRIVATE_KEY_FILE
            + "; if [ ! -s \"$k\" ]; then wg genkey > \"$k.new\"; mv \"$k.new\" \"$k\"; fi; wg pubkey < \"$k\"";

    /**
     * A new key over the old one (the old private key is gone, not kept aside), loaded into wg0 when it is up, so
     * every session the host has restarts; its peers accept the host again once they list the new public key.
     */
    static final String ROTATE = "set -e; umask 077; mkdir -p /etc/wireguard; k=" + WgQuickConfig.PRIVATE_KEY_FILE
            + "; wg genkey > \"$k.new\"; mv \"$k.new\" \"$k\"; if wg show " + WgQuickConfig.INTERFACE
            + " >/dev/null 2>&1; then wg set " + WgQuickConfig.INTERFACE + " private-key \"$k\"; fi; wg pubkey < \"$k\"";

    private HostKey() {
    }

    /** The host's public key, making its private key first when it has none. */
    public static String ensure(RemoteHost host) {
        String pub = host.check(SCRIPT).strip();
        WgKeys.decode(pub, "the public key " + host.name() + " printed");
        return pub;
    }

    /** Replaces the host's private key with a new one made on the host; returns the new public key. */
    public static String rotate(RemoteHost host) {
        String pub = host.check(ROTATE).strip();
        WgKeys.decode(pub, "the public key " + host.name() + " printed");
        return pub;
    }
}
