package dev.vigil.provisioning.ssh;

import dev.vigil.provisioning.inventory.Host;
import dev.vigil.provisioning.inventory.Inventory;

import java.util.ArrayList;
import java.util.List;

/** The SSH connections of one run, one per host, reused by every command and closed together at the end. */
public final class SshFleet implements AutoCloseable {

    private final List<SshRemoteHost> hosts = new ArrayList<>();

    public SshFleet(Inventory inventory, List<Host> selected) {
        for (Host h : selected) {
            hosts.add(new SshRemoteHost(SshTarget.of(h, inventory.ssh())));
        }
    }

    public List<SshRemoteHost> hosts() {
        return List.copyOf(hosts);
    }

    @Override
    public void close() {
        hosts.forEach(SshRemoteHost::close);
    }
}
