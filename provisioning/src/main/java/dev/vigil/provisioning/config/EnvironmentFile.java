package dev.vigil.provisioning.config;

import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;

/**
 * Environment variables in a file, in one of two syntaxes: {@link #systemd()} for a unit's {@code EnvironmentFile=}
 * and {@link #shell()} for a file that {@code sh} sources ({@code export NAME=value}). Values from the inventory
 * that need no quotes are written as they are; arbitrary values (secrets, URLs) are quoted for the syntax.
 */
public record EnvironmentFile(Optional<String> header, List<Variable> variables) {

    /** What the inventory gives unquoted: no quotes, backslashes, dollars, backticks or line breaks. */
    private static final Pattern PLAIN = Pattern.compile("[^\"'\\\\$`\\n\\r]*");

    public EnvironmentFile {
        header.ifPresent(h -> ConfigText.oneLine("a header comment", h));
        variables = List.copyOf(variables);
    }

    public static EnvironmentFile of(List<Variable> variables) {
        return new EnvironmentFile(Optional.empty(), variables);
    }

    public static EnvironmentFile of(String header, List<Variable> variables) {
        return new EnvironmentFile(Optional.of(header), variables);
    }

    /** {@code NAME=value}; {@code quoted} when the value is arbitrary text. */
    public record Variable(String name, String value, boolean quoted) {

        public Variable {
            ConfigText.name("an environment variable", name);
            ConfigText.oneLine(name, value);
            if (!quoted && !PLAIN.matcher(value).matches()) {
                throw new IllegalArgumentException(name + " needs quoting: use a quoted variable");
            }
        }

        public static Variable plain(String name, Object value) {
            return new Variable(name, String.valueOf(value), false);
        }

        public static Variable quoted(String name, String value) {
            return new Variable(name, value, true);
        }
    }

    /** For systemd: quoted values in double quotes, with backslash and quote escaped. */
    public String systemd() {
        return render("", v -> "\"" + v.replace("\\", "\\\\").replace("\"", "\\\"") + "\"", false);
    }

    /** For sh: {@code export}, quoted values in single quotes (each quote closed, escaped, reopened). */
    public String shell() {
        return render("export ", v -> "'" + v.replace("'", "'\\''") + "'", true);
    }

    private String render(String prefix, UnaryOperator<String> quote, boolean shell) {
        StringBuilder b = new StringBuilder();
        header.ifPresent(h -> b.append("# ").append(h).append('\n'));
        for (Variable v : variables) {
            if (shell && !v.quoted() && v.value().chars().anyMatch(Character::isWhitespace)) {
                throw new IllegalArgumentException(v.name() + " holds spaces: sh needs it quoted");
            }
            b.append(prefix).append(v.name()).append('=').append(v.quoted() ? quote.apply(v.value()) : v.value())
                    .append('\n');
        }
        return b.toString();
    }
}
