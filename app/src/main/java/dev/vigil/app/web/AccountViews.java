package dev.vigil.app.web;

import dev.vigil.app.accounts.AccountSettings;

import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;

/** The models of the account security pages (login links, reset, second step, re-authentication, settings). */
public final class AccountViews {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'");

    private AccountViews() {
    }

    /** One text, email or password field of a {@link Step} form. */
    public record Field(String name, String label, String type, String autocomplete) {
    }

    /** A hidden field of a {@link Step} form (never the CSRF token, which the template adds). */
    public record Hidden(String name, String value) {
    }

    public record Link(String href, String text) {
    }

    /**
     * account-step.jte: a one-form page (ask for a link, choose a new password, the second step, the password
     * again); {@code notice} and {@code error} may be null, {@code action} null for a page without a form.
     */
    public record Step(Chrome chrome, String title, String intro, String notice, String error, String action,
            List<Field> fields, List<Hidden> hidden, String submit, List<Link> links) {
    }

    /** settings.jte; {@code pendingEmail} is null when no email change waits for its link. */
    public record Settings(Chrome chrome, String email, boolean reauthenticated, List<AccountSettings.SessionLine> sessions,
            boolean totpOn, String notice, String error, List<dev.vigil.app.accounts.WebAuthnCredentials.KeyLine> keys,
            AccountSettings.PendingEmail pendingEmail, dev.vigil.app.reports.ReportSettings reports) {
    }

    /** totp.jte: an enrolment under way (its QR code as inline SVG), or, once confirmed, the recovery codes. */
    public record TotpPage(Chrome chrome, String secret, String uri, String qrSvg, String error,
            List<String> recoveryCodes) {
    }

    public static String time(OffsetDateTime t) {
        return t == null ? "—" : TIME.format(t.withOffsetSameInstant(java.time.ZoneOffset.UTC));
    }
}
