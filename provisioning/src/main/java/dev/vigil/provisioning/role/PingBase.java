package dev.vigil.provisioning.role;

import java.net.URI;

/**
 * The scheduled jobs that provisioning installs on many hosts ping one check per host: a secret holds the ping
 * URL base of the project ({@code https://hc-ping.example.com/ping/<ping key>}), and each host's check is the
 * base plus its slug, created on the first ping.
 */
final class PingBase {

    private PingBase() {
    }

    /** {@code <base>/<slug>?create=1} from the secret {@code secret}, needed for {@code what}. */
    static String url(RecipeInputs inputs, String secret, String what, String slug) {
        return url(secret, inputs.secrets().require(secret, what), slug);
    }

    /** {@code <base>/<slug>?create=1} from {@code base}, the value of the secret {@code secret}. */
    static String url(String secret, String value, String slug) {
        String base = value.strip();
        URI uri;
        try {
            uri = URI.create(base);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("secret " + secret + " is not a URL: " + e.getMessage(), e);
        }
        if (!("https".equals(uri.getScheme()) || "http".equals(uri.getScheme())) || uri.getHost() == null
                || uri.getRawQuery() != null || uri.getRawFragment() != null) {
            throw new IllegalArgumentException("secret " + secret + " must be a ping URL base without a query or a "
                    + "fragment, like "
                    + "https://hc-ping.example.com/ping/<project ping key>");
        }
        return base.replaceAll("/+$", "") + "/" + slug + "?create=1";
    }
}
