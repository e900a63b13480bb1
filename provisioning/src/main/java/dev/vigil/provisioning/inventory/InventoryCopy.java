package dev.vigil.provisioning.inventory;

import java.io.StringReader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The inventory as a host that runs ops against the fleet keeps it (the watchdog's {@code /etc/vigil/ops.yaml}):
 * the operator's text, line for line, without {@code roles.lb.certificates}. The certificate files hold the
 * balancers' private keys, which that host has no business holding, and an inventory that names files it does
 * not have would not load; without the list it loads, and {@code ops lb certs} there reads what the balancers
 * serve. The lines are cut where the YAML tree says the entry is, so comments and layout elsewhere stay.
 */
public final class InventoryCopy {

    private InventoryCopy() {
    }

    /** {@code text} (the inventory read from {@code file}) without {@code roles.lb.certificates}. */
    public static String withoutLbCertificates(Path file, String text) {
        YamlNode root = new YamlTreeReader(file).read(new StringReader(text));
        YamlNode.Entry entry = entry(entry(entry(root, "roles"), "lb"), "certificates");
        if (entry == null) {
            return text;
        }
        List<String> lines = new ArrayList<>(List.of(text.split("\n", -1)));
        int first = entry.keyLocation().line() - 1;
        int column = entry.keyLocation().column() - 1;
        if (!lines.get(first).substring(0, column).isBlank()) {
            throw new InventoryException(file, entry.keyLocation(), "roles.lb.certificates shares its line with other "
                    + "settings; write roles.lb as a block mapping (one key per line) so that the watchdog's copy can "
                    + "leave the certificate files out");
        }
        int end = first + 1;
        while (end < lines.size() && inside(lines.get(end), column)) {
            end++;
        }
        while (end > first + 1 && lines.get(end - 1).isBlank()) {
            end--; // blank lines after the list belong to what follows
        }
        lines.subList(first, end).clear();
        return String.join("\n", lines);
    }

    /** A line of the entry's value: blank, a comment, deeper than the key, or a list item at the key's column. */
    private static boolean inside(String line, int column) {
        String stripped = line.stripLeading();
        int indent = line.length() - stripped.length();
        return stripped.isEmpty() || stripped.startsWith("#") && indent > column || indent > column
                || indent == column && (stripped.startsWith("- ") || stripped.equals("-"));
    }

    private static YamlNode.Entry entry(Object node, String key) {
        YamlNode value = node instanceof YamlNode.Entry e ? e.value() : node instanceof YamlNode n ? n : null;
        return value instanceof YamlNode.Mapping m ? m.entries().get(key) : null;
    }
}
