package dev.vigil.app.ping;

import org.eclipse.microprofile.config.Config;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Settings of the SMTP listener for email pings (docs/configuration.md): off unless a port is given.
 *
 * @param port     VIGIL_EMAIL_PING_PORT; 0 when off (the default)
 * @param domain   VIGIL_PING_EMAIL_DOMAIN, the domain of the ping addresses (required with a port)
 * @param maxBytes VIGIL_EMAIL_PING_MAX_BYTES: the largest message taken; larger ones are refused with 552
 */
record EmailPingSettings(int port, String domain, int maxBytes) {

    static final int DEFAULT_MAX_BYTES = 1_048_576;
    private static final Pattern DOMAIN = Pattern.compile(
            "(?=.{1,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)(\\.[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)*");

    static EmailPingSettings from(Config config) {
        return parse(config.getOptionalValue("vigil.email.ping.port", String.class).orElse(null),
                config.getOptionalValue("vigil.ping.email.domain", String.class).orElse(null),
                config.getOptionalValue("vigil.email.ping.max.bytes", String.class).orElse(null));
    }

    static EmailPingSettings parse(String port, String domain, String maxBytes) {
        int p = port(port);
        int max = maxBytes(maxBytes);
        if (p == 0) {
            return new EmailPingSettings(0, null, max);
        }
        if (domain == null || domain.isBlank()) {
            throw new IllegalArgumentException("VIGIL_PING_EMAIL_DOMAIN must be set when VIGIL_EMAIL_PING_PORT is: "
                    + "the domain of the ping addresses, e.g. hc.example.com for <uuid>@hc.example.com");
        }
        String d = domain.strip().toLowerCase(Locale.ROOT);
        if (!DOMAIN.matcher(d).matches()) {
            throw new IllegalArgumentException("VIGIL_PING_EMAIL_DOMAIN must be a domain name such as "
                    + "hc.example.com, not \"" + domain + "\"");
        }
        return new EmailPingSettings(p, d, max);
    }

    boolean enabled() {
        return port != 0;
    }

    private static int port(String value) {
        if (value == null || value.isBlank() || value.strip().equalsIgnoreCase("off")) {
            return 0;
        }
        try {
            int port = Integer.parseInt(value.strip());
            if (port >= 0 && port <= 65535) {
                return port;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException("VIGIL_EMAIL_PING_PORT must be a port number from 1 to 65535, or off "
                + "(the default) for no SMTP listener, not \"" + value + "\"");
    }

    private static int maxBytes(String value) {
        if (value == null || value.isBlank()) {
            return DEFAULT_MAX_BYTES;
        }
        try {
            int max = Integer.parseInt(value.strip());
            if (max >= 1024 && max <= 64 * 1_048_576) {
                return max;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException("VIGIL_EMAIL_PING_MAX_BYTES must be a number of bytes from 1024 to "
                + "67108864, not \"" + value + "\"");
    }
}
