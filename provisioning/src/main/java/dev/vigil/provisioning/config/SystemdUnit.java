package dev.vigil.provisioning.config;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * A systemd unit file or drop-in (journald's, say): optional header comment lines, then sections of
 * {@code Key=value} settings in order, a setting optionally explained by a comment line above it. Rendered with a
 * blank line between sections; checked on the host with {@code systemd-analyze verify}.
 */
public record SystemdUnit(List<String> header, List<Section> sections) {

    public SystemdUnit {
        header = List.copyOf(header);
        sections = List.copyOf(sections);
        header.forEach(h -> ConfigText.oneLine("a header comment", h));
    }

    public static SystemdUnit of(Section... sections) {
        return new SystemdUnit(List.of(), List.of(sections));
    }

    /** The same unit with these comment lines on top. */
    public SystemdUnit withHeader(String... lines) {
        return new SystemdUnit(List.of(lines), sections);
    }

    /** {@code [name]} and its settings. */
    public record Section(String name, List<Setting> settings) {

        public Section {
            ConfigText.name("a section name", name);
            settings = List.copyOf(settings);
        }

        public static Section of(String name, Setting... settings) {
            return new Section(name, Arrays.asList(settings));
        }
    }

    /** {@code key=value}, with the reason for it as a comment line above when it is not obvious. */
    public record Setting(String key, String value, Optional<String> comment) {

        public Setting {
            ConfigText.name("a unit setting", key);
            ConfigText.oneLine(key, value);
            comment.ifPresent(c -> ConfigText.oneLine("the comment of " + key, c));
        }

        public static Setting of(String key, String value) {
            return new Setting(key, value, Optional.empty());
        }

        public Setting because(String comment) {
            return new Setting(key, value, Optional.of(comment));
        }
    }

    /** The shell command that checks the unit {@code name} (content on its stdin) with systemd's own parser. */
    public static String check(String name) {
        return "d=$(mktemp -d) && cat > \"$d\"/" + name + " && systemd-analyze verify \"$d\"/" + name
                + "; rc=$?; rm -rf \"$d\"; exit $rc";
    }

    public String render() {
        StringBuilder b = new StringBuilder();
        header.forEach(h -> b.append("# ").append(h).append('\n'));
        for (int i = 0; i < sections.size(); i++) {
            Section s = sections.get(i);
            b.append(i == 0 ? "" : "\n").append('[').append(s.name()).append("]\n");
            for (Setting setting : s.settings()) {
                setting.comment().ifPresent(c -> b.append("# ").append(c).append('\n'));
                b.append(setting.key()).append('=').append(setting.value()).append('\n');
            }
        }
        return b.toString();
    }
}
