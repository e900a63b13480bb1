package dev.vigil.provisioning.secrets;

import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The fleet's secrets (passwords, access keys, tokens) as named values, in memory only. Their text form is one
 * {@code key = value} per line, with {@code #} comments: what {@code ops secrets edit} shows and what the
 * encrypted file holds. No method ever puts a value into an exception message or {@link #toString()}.
 */
public final class Secrets {

    private static final Pattern KEY = Pattern.compile("[a-z][a-z0-9_]*(\\.[a-z0-9_]+)*");
    private static final Pattern LINE = Pattern.compile("\\s*([^=\\s]+)\\s*=\\s?(.*)");
    private static final Secrets NONE = new Secrets(Map.of());

    private final Map<String, String> values;

    private Secrets(Map<String, String> values) {
        this.values = Map.copyOf(values);
    }

    /** For hosts whose recipes need no secret: asking it for one fails naming the key. */
    public static Secrets none() {
        return NONE;
    }

    public static Secrets of(Map<String, String> values) {
        values.forEach((k, v) -> checkEntry(k, v));
        return new Secrets(values);
    }

    /**
     * Reads the text form. A line that is not {@code key = value} is an error naming the line number (never its
     * content: it may be a value); so is a key given twice.
     */
    public static Secrets parse(String text) {
        Map<String, String> values = new TreeMap<>();
        String[] lines = text.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].endsWith("\r") ? lines[i].substring(0, lines[i].length() - 1) : lines[i];
            if (line.isBlank() || line.strip().startsWith("#")) {
                continue;
            }
            Matcher m = LINE.matcher(line);
            if (!m.matches()) {
                throw new IllegalArgumentException("line " + (i + 1) + ": expected 'key = value'");
            }
            String key = m.group(1);
            if (!KEY.matcher(key).matches()) {
                throw new IllegalArgumentException("line " + (i + 1) + ": \"" + key + "\" is not a secret name "
                        + "(lower-case words separated by dots, like database.password)");
            }
            if (values.put(key, m.group(2).strip()) != null) {
                throw new IllegalArgumentException("line " + (i + 1) + ": " + key + " is given twice");
            }
        }
        return new Secrets(values);
    }

    private static void checkEntry(String key, String value) {
        if (!KEY.matcher(key).matches()) {
            throw new IllegalArgumentException("\"" + key + "\" is not a secret name (lower-case words separated "
                    + "by dots, like database.password)");
        }
        if (value.contains("\n") || value.contains("\r") || value.contains("\0")) {
            throw new IllegalArgumentException("the value of " + key + " must be one line of text");
        }
        if (!value.equals(value.strip())) {
            throw new IllegalArgumentException("the value of " + key + " starts or ends with white space");
        }
    }

    public Optional<String> get(String key) {
        return Optional.ofNullable(values.get(key));
    }

    /** The value of {@code key}; missing, it is an error saying who needs it and how to set it. */
    public String require(String key, String neededBy) {
        String value = values.get(key);
        if (value == null || value.isEmpty()) {
            throw new MissingSecretException("secret " + key + " is not set (" + neededBy + " needs it); "
                    + "set it with 'ops secrets set " + key + "'");
        }
        return value;
    }

    public Set<String> keys() {
        return new TreeMap<>(values).keySet();
    }

    /** A copy with {@code key} set to {@code value}. */
    public Secrets with(String key, String value) {
        checkEntry(key, value);
        Map<String, String> copy = new TreeMap<>(values);
        copy.put(key, value);
        return new Secrets(copy);
    }

    /** The text form, keys sorted. */
    public String render() {
        StringBuilder b = new StringBuilder();
        new TreeMap<>(values).forEach((k, v) -> b.append(k).append(" = ").append(v).append('\n'));
        return b.toString();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Secrets s && s.values.equals(values);
    }

    @Override
    public int hashCode() {
        return values.hashCode();
    }

    @Override
    public String toString() {
        return "Secrets" + keys();
    }
}
