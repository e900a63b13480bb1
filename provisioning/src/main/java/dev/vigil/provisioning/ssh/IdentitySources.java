package dev.vigil.provisioning.ssh;

import com.jcraft.jsch.Identity;
import com.jcraft.jsch.IdentityRepository;

import java.util.List;
import java.util.Vector;

/**
 * The keys JSch may offer: those of a running ssh-agent first (as OpenSSH does), then the key files. Read-only:
 * nothing is ever added to the operator's agent.
 */
final class IdentitySources implements IdentityRepository {

    private final List<IdentityRepository> sources;

    IdentitySources(List<IdentityRepository> sources) {
        this.sources = List.copyOf(sources);
    }

    @Override
    public String getName() {
        return "ssh-agent and key files";
    }

    @Override
    public int getStatus() {
        return RUNNING;
    }

    @Override
    public Vector<Identity> getIdentities() {
        Vector<Identity> all = new Vector<>();
        for (IdentityRepository source : sources) {
            if (source.getStatus() != UNAVAILABLE) {
                all.addAll(source.getIdentities());
            }
        }
        return all;
    }

    @Override
    public boolean add(byte[] identity) {
        return false;
    }

    @Override
    public boolean remove(byte[] blob) {
        return false;
    }

    @Override
    public void removeAll() {
        // never touch the sources: the agent belongs to the operator
    }
}
