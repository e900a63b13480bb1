package dev.vigil.watchdog;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * The targets whose records the watchdog removed, kept on disk so that a restarted watchdog knows them and puts
 * them back once they recover. Written atomically (a temporary file renamed over the old one), so a crash never
 * leaves half a file.
 *
 * <pre>{"removed": [{"loadBalancer": "lb1", "address": "203.0.113.10"}]}</pre>
 */
public final class StateFile {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final Path file;

    public StateFile(Path file) {
        this.file = file.toAbsolutePath();
    }

    public Path path() {
        return file;
    }

    /** The removed targets; none when the file does not exist yet. A damaged file is an error, not "none". */
    public Set<Target> removed() {
        if (!Files.exists(file)) {
            return Set.of();
        }
        try {
            JsonNode root = JSON.readTree(Files.readString(file, StandardCharsets.UTF_8));
            JsonNode list = root.path("removed");
            if (!list.isArray()) {
                throw new IllegalStateException("state file " + file + " has no \"removed\" list");
            }
            Set<Target> out = new LinkedHashSet<>();
            for (JsonNode item : list) {
                String lb = item.path("loadBalancer").asString("");
                String address = item.path("address").asString("");
                if (lb.isEmpty() || address.isEmpty()) {
                    throw new IllegalStateException("state file " + file + ": every entry needs loadBalancer and "
                            + "address, found " + item);
                }
                out.add(new Target(lb, literal(address)));
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read state file " + file + ": " + e.getMessage(), e);
        } catch (JacksonException e) {
            throw new IllegalStateException("state file " + file + " is not valid JSON: " + e.getOriginalMessage(), e);
        }
    }

    public void write(Set<Target> removed) {
        ObjectNode root = JSON.createObjectNode();
        ArrayNode list = root.putArray("removed");
        for (Target t : removed) {
            list.addObject().put("loadBalancer", t.loadBalancer()).put("address", Addresses.text(t.address()));
        }
        try {
            Path folder = file.getParent();
            Files.createDirectories(folder);
            Path tmp = Files.createTempFile(folder, ".state", ".tmp");
            Files.writeString(tmp, JSON.writerWithDefaultPrettyPrinter().writeValueAsString(root) + "\n",
                    StandardCharsets.UTF_8);
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write state file " + file + ": " + e.getMessage(), e);
        }
    }

    private InetAddress literal(String text) {
        if (!text.matches("[0-9A-Fa-f:.]+")) {
            throw new IllegalStateException("state file " + file + ": not an IP address: " + text);
        }
        try {
            return InetAddress.getByName(text);
        } catch (UnknownHostException e) {
            throw new IllegalStateException("state file " + file + ": not an IP address: " + text, e);
        }
    }
}
