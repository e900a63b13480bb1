package dev.vigil.app.accounts;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.PersistenceException;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

/**
 * Sign-up by emailed link: the form's address and password wait in a pending sign-up ({@code login_tokens}, the
 * password PBKDF2-hashed, the link's token SHA-256-hashed) until the link sent to the address is used, once, within
 * {@link #LIFETIME}, with the password chosen at sign-up entered again; only then is the account made. The form
 * answers alike whether the address has an account or not: a registered address gets an email that says so instead
 * of a link.
 */
@ApplicationScoped
public class SignUpLinks {

    public static final Duration LIFETIME = Duration.ofHours(1);
    /** The link's answer when the address got an account meanwhile (by an invitation, an email change). */
    public static final String ALREADY_MADE = "This address already has an account. Please log in.";
    /** The link's answer to another password than its sign-up's; the link stays usable. */
    public static final String WRONG_PASSWORD = "That is not the password you chose at sign-up. Enter it again, or"
            + " sign up again to choose another.";

    private final AttemptLimit requestsByAddress =
            new AttemptLimit("sign-up-requests-by-address", 50, Duration.ofHours(1));
    /** As for login links: a sign-up form must not mail one address over and over. */
    private final AttemptLimit requestsByEmail = new AttemptLimit("sign-up-requests-by-email", 5, Duration.ofHours(1));

    @Inject
    Attempts attempts;

    @Inject
    Accounts accounts;

    @Inject
    AccountMail mail;

    /**
     * Emails the address a sign-up link, or, when it has an account, a note that says so with the login and reset
     * pages; answers alike either way (the email goes out in the background). Returns the address, normalised. A
     * new request for a pending address replaces the pending sign-up and its link.
     */
    public String request(String emailInput, char[] password, String address) {
        String email = Accounts.normalEmail(emailInput);
        Accounts.checkEmail(email);
        Accounts.checkNewPassword(password);
        Instant now = Instant.now();
        if (attempts.blocked(requestsByAddress, address, now) || attempts.blocked(requestsByEmail, email, now)) {
            throw new AccountException(Accounts.TOO_MANY, true);
        }
        attempts.count(requestsByAddress, address, now);
        attempts.count(requestsByEmail, email, now);
        String hash = Passwords.hash(password); // for a registered address too, so that both answers take as long
        String token = Accounts.randomToken();
        boolean registered;
        try {
            registered = accounts.inTransaction(em -> {
                OffsetDateTime at = OffsetDateTime.now(ZoneOffset.UTC);
                // this address's pending sign-up is replaced (anyone's expired ones go as any new token is issued)
                em.createQuery("DELETE FROM LoginToken t WHERE t.purpose = :p AND t.email = :e")
                        .setParameter("p", LoginToken.Purpose.SIGN_UP.stored).setParameter("e", email)
                        .executeUpdate();
                if (Accounts.registered(em, email)) {
                    return true;
                }
                LoginLinks.issue(em, new LoginToken(null, LoginToken.Purpose.SIGN_UP, Accounts.hash(token), at,
                        at.plus(LIFETIME), email, hash));
                return false;
            });
        } catch (PersistenceException e) {
            if (Accounts.isUniqueViolation(e)) {
                return email; // a sign-up for this address in the same instant: its link is on its way
            }
            throw e;
        }
        if (registered) {
            mail.send(email, "Your Vigil account", "Someone (maybe you) tried to sign up for Vigil with this"
                    + " address, but it already has an account. Log in, or choose a new password if you have"
                    + " forgotten it:", List.of(mail.link("/accounts/login/"), mail.link("/accounts/reset/")),
                    "If it was not you, you can ignore this email: nothing has changed.");
        } else {
            mail.send(email, "Finish signing up for Vigil", "Follow this link to finish signing up for Vigil. It"
                    + " works once, for " + LIFETIME.toMinutes() + " minutes:",
                    mail.link("/accounts/signup/" + token + "/"),
                    "If you did not sign up, you can ignore this email: no account is made.");
        }
        return email;
    }

    /** The address of a live sign-up link (its page asks before using it up); empty when it is gone. */
    public Optional<String> pending(String token) {
        return accounts.inTransaction(em -> LoginLinks.find(em, token, LoginToken.Purpose.SIGN_UP, false)
                .map(LoginToken::email));
    }

    /**
     * Uses up a sign-up link: makes the account with the password chosen at sign-up, its first project and a new
     * session. The link asks for that password again, since anyone may sign up an address (and so replace its
     * pending sign-up): only the one who chose the password of the newest request gets its account.
     * {@link #WRONG_PASSWORD} for another password (the link stays), {@link LoginLinks#LINK_GONE} for a used or
     * expired link, {@link #ALREADY_MADE} when the address got an account meanwhile.
     */
    public NewSession signUp(String token, char[] password, String userAgent) {
        return accounts.inTransaction(em -> {
            LoginToken t = LoginLinks.take(em, token, LoginToken.Purpose.SIGN_UP);
            if (!Passwords.verify(t.passwordHash(), password)) {
                throw new AccountException(WRONG_PASSWORD, false); // rolled back: the link is not used up
            }
            try {
                return Accounts.create(em, t.email(), t.passwordHash(), userAgent);
            } catch (AccountException e) { // the address is proved here: this page may say it is registered
                throw new AccountException(ALREADY_MADE, false);
            }
        });
    }
}
