package dev.vigil.provisioning.inventory;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/** Everything {@code ops} knows about the fleet, from one file. Immutable. {@code network}: tiers and policy. */
public record Inventory(Path file, SshSettings ssh, Domains domains, RoleSettings settings, SecretsSettings secrets,
                        List<Host> hosts, Network network) {

    public Inventory {
        hosts = List.copyOf(hosts);
    }

    public Optional<Host> host(String name) {
        return hosts.stream().filter(h -> h.name().equals(name)).findFirst();
    }

    public List<Host> withRole(Role role) {
        return hosts.stream().filter(h -> h.has(role)).toList();
    }

    /**
     * The hosts named in {@code names} or having one of {@code roles}; all hosts when both are empty. Order is the
     * inventory's. An unknown name is an error, so a typo never silently selects nothing.
     */
    public List<Host> select(Collection<String> names, Collection<Role> roles) {
        for (String n : names) {
            if (host(n).isEmpty()) {
                throw new IllegalArgumentException("no host named \"" + n + "\" in " + file);
            }
        }
        if (names.isEmpty() && roles.isEmpty()) {
            return hosts;
        }
        List<Host> out = new ArrayList<>();
        for (Host h : hosts) {
            if (names.contains(h.name()) || roles.stream().anyMatch(h::has)) {
                out.add(h);
            }
        }
        return List.copyOf(out);
    }
}
