package dev.vigil.app.ping;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Which check an email ping's recipient names, by Healthchecks' two forms: {@code <uuid>@<ping domain>} and
 * {@code <ping key>+<slug>@<ping domain>}. Anything else (another domain, a mailbox of neither form) names no check
 * and is refused at RCPT, so the listener relays nothing anywhere. The domain is compared without regard to case,
 * as DNS does; the UUID may be in either case; a slug, as in a ping URL, must be lower case.
 */
public final class EmailAddress {

    private static final Pattern UUID_FORM = Pattern.compile(
            "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
    private static final Pattern KEY = Pattern.compile("[-a-zA-Z0-9_]+");
    private static final Pattern SLUG = Pattern.compile("[-a-z0-9_]+");

    private EmailAddress() {
    }

    /**
     * The ping target of a recipient (as given in {@code RCPT TO}, with or without angle brackets), or empty when
     * it is not one of the ping domain's two forms.
     */
    public static Optional<PingUrl> target(String recipient, String pingDomain) {
        String address = recipient.strip();
        if (address.startsWith("<") && address.endsWith(">")) {
            address = address.substring(1, address.length() - 1);
        }
        int at = address.lastIndexOf('@');
        if (at <= 0 || !address.substring(at + 1).equalsIgnoreCase(pingDomain)) {
            return Optional.empty();
        }
        String mailbox = address.substring(0, at);
        String lower = mailbox.toLowerCase(Locale.ROOT);
        try {
            if (UUID_FORM.matcher(lower).matches()) {
                return Optional.of(PingUrl.parse(lower));
            }
            int plus = mailbox.indexOf('+');
            if (plus > 0 && KEY.matcher(mailbox.substring(0, plus)).matches()
                    && SLUG.matcher(mailbox.substring(plus + 1)).matches()) {
                return Optional.of(PingUrl.parse(mailbox.substring(0, plus) + "/" + mailbox.substring(plus + 1)));
            }
        } catch (PingUrl.Rejected e) {
            return Optional.empty(); // a slug longer than any check's
        }
        return Optional.empty();
    }
}
