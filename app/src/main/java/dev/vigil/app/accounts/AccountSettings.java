package dev.vigil.app.accounts;

import dev.vigil.app.api.ProjectDeleter;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceException;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The signed-in user's own account: re-authentication (the password again, good for {@link #REAUTH_WINDOW} in the
 * session that proved it) before sensitive actions, password and email changes (the new address proved by an
 * emailed link), and the user's sessions.
 * Every method takes the session's cookie token and acts only on that session's user, but the email-change link's,
 * which acts for the user who asked for it.
 */
@ApplicationScoped
public class AccountSettings {

    public static final Duration REAUTH_WINDOW = Duration.ofMinutes(5);
    public static final String WRONG_PASSWORD = "That password is not right.";
    public static final Duration EMAIL_LINK_LIFETIME = Duration.ofHours(1);
    /** The email-change link's answer when its address got an account meanwhile (it proved the address: it may say). */
    public static final String EMAIL_TAKEN = "This address has an account of its own now, so it cannot become your"
            + " email.";

    /** Wrong passwords per user in 15 minutes, as for logins by email. */
    private final AttemptLimit failuresByUser =
            new AttemptLimit("password-confirmation-failures-by-user", 5, Duration.ofMinutes(15));
    /** Email-change requests per user in an hour: each one emails an address of the user's choosing. */
    private final AttemptLimit emailChangesByUser = new AttemptLimit("email-changes-by-user", 5, Duration.ofHours(1));

    @Inject
    Attempts attempts;

    @Inject
    Accounts accounts;

    @Inject
    ProjectDeleter projects;

    @Inject
    AccountMail mail;

    /** One of the user's sessions, as the settings page lists it. */
    public record SessionLine(long id, OffsetDateTime created, OffsetDateTime lastSeen, String userAgent,
            boolean current) {
    }

    /** An email change waiting for its link to be used. */
    public record PendingEmail(String email, OffsetDateTime expires) {
    }

    /** Whether the session proved the password within the last {@link #REAUTH_WINDOW}. */
    public boolean recentlyAuthenticated(String sessionToken) {
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        return accounts.inTransaction(em -> Accounts.liveSession(em, sessionToken)
                .map(s -> s.reauthUntil() != null && s.reauthUntil().isAfter(now)).orElse(false));
    }

    /** Checks the password again and opens the session's re-authentication window; {@link #WRONG_PASSWORD} else. */
    public void reauthenticate(String sessionToken, char[] password) {
        accounts.inTransaction(em -> {
            UserSession s = session(em, sessionToken);
            checkPassword(s.user(), password);
            s.reauthenticated(OffsetDateTime.now(ZoneOffset.UTC).plus(REAUTH_WINDOW));
            return null;
        });
    }

    /** Changes the password after checking the current one; the user's other sessions end. */
    public void changePassword(String sessionToken, char[] current, char[] replacement) {
        Accounts.checkNewPassword(replacement);
        String hash = Passwords.hash(replacement);
        accounts.inTransaction(em -> {
            UserSession s = session(em, sessionToken);
            checkPassword(s.user(), current);
            em.find(UserAccount.class, s.user().id()).changePassword(hash);
            endOthers(em, s);
            return null;
        });
    }

    /**
     * Asks for an email change (re-authentication needed): nothing changes until the link emailed to the new
     * address is used ({@link #confirmEmailChange}), once, within {@link #EMAIL_LINK_LIFETIME}. A new request
     * replaces the pending one. Answers alike whether the new address has an account or not; returns it, normalised.
     */
    public String changeEmail(String sessionToken, String emailInput) {
        String email = Accounts.normalEmail(emailInput);
        Accounts.checkEmail(email);
        if (!recentlyAuthenticated(sessionToken)) {
            throw new AccountException("Please enter your password again first.", false);
        }
        SignedIn me = accounts.inTransaction(em -> {
            UserAccount u = session(em, sessionToken).user();
            return new SignedIn(u.id(), u.email(), u.appearance());
        });
        if (email.equals(me.email())) {
            throw new AccountException("This is your email already.", false);
        }
        Instant now = Instant.now();
        String key = Long.toString(me.userId());
        if (attempts.blocked(emailChangesByUser, key, now)) {
            throw new AccountException(Accounts.TOO_MANY, true);
        }
        attempts.count(emailChangesByUser, key, now);
        String token = Accounts.randomToken();
        boolean free;
        try {
            free = accounts.inTransaction(em -> {
                OffsetDateTime at = OffsetDateTime.now(ZoneOffset.UTC);
                em.createQuery("DELETE FROM LoginToken t WHERE t.userId = :u AND t.purpose = :p")
                        .setParameter("u", me.userId()).setParameter("p", LoginToken.Purpose.EMAIL_CHANGE.stored)
                        .executeUpdate();
                LoginLinks.issue(em, new LoginToken(me.userId(), LoginToken.Purpose.EMAIL_CHANGE,
                        Accounts.hash(token), at, at.plus(EMAIL_LINK_LIFETIME), email, null));
                return !Accounts.registered(em, email);
            });
        } catch (PersistenceException e) {
            if (Accounts.isUniqueViolation(e)) {
                return email; // a change asked in the same instant (a double submit): its link is on its way
            }
            throw e;
        }
        // An address that has an account gets no link: the change could never be made (an address belongs to one
        // account), and the email would let any user send Vigil's mail to another user's address. The pending
        // change is kept all the same, so the answer and the settings page do not tell that the address is taken.
        if (free) {
            mail.send(email, "Confirm your new Vigil email", "Follow this link to make this address the email of"
                    + " your Vigil account (now " + me.email() + "). It works once, for "
                    + EMAIL_LINK_LIFETIME.toMinutes() + " minutes:", mail.link("/accounts/email/" + token + "/"),
                    "If you did not ask for it, you can ignore this email: nothing changes.");
        }
        return email;
    }

    /** The user's pending email change, if any: the new address and until when its link works. */
    public Optional<PendingEmail> pendingEmail(String sessionToken) {
        return accounts.inTransaction(em -> em.createQuery("SELECT t FROM LoginToken t WHERE t.userId = :u"
                        + " AND t.purpose = :p AND t.expires > :now", LoginToken.class)
                .setParameter("u", session(em, sessionToken).user().id())
                .setParameter("p", LoginToken.Purpose.EMAIL_CHANGE.stored)
                .setParameter("now", OffsetDateTime.now(ZoneOffset.UTC)).getResultStream().findFirst()
                .map(t -> new PendingEmail(t.email(), t.expires())));
    }

    /** The new address of a live email-change link (its page asks before using it up); empty when it is gone. */
    public Optional<String> emailChangeTarget(String token) {
        return accounts.inTransaction(em -> LoginLinks.find(em, token, LoginToken.Purpose.EMAIL_CHANGE, false)
                .map(LoginToken::email));
    }

    /**
     * Uses up an email-change link: the account's email becomes the link's address, the login, reset and
     * unsubscribe links sent to the old one stop working, and the old address is told. {@link LoginLinks#LINK_GONE} for a used or
     * expired link. Returns the new address.
     */
    public String confirmEmailChange(String token) {
        EmailChange change;
        try {
            change = accounts.inTransaction(em -> {
                LoginToken t = LoginLinks.take(em, token, LoginToken.Purpose.EMAIL_CHANGE);
                UserAccount user = em.find(UserAccount.class, t.userId());
                if (Accounts.registered(em, t.email())) {
                    throw new AccountException(EMAIL_TAKEN, false);
                }
                String old = user.email();
                user.changeEmail(t.email());
                // the unsubscribe links in mail sent to the old address must not turn off the new one's reports
                em.createNativeQuery("UPDATE users SET unsubscribe_token = gen_random_uuid() WHERE id = ?")
                        .setParameter(1, user.id()).executeUpdate();
                em.createQuery("DELETE FROM LoginToken t WHERE t.userId = :u AND t.purpose IN :p")
                        .setParameter("u", user.id()).setParameter("p",
                                List.of(LoginToken.Purpose.LOGIN.stored, LoginToken.Purpose.RESET.stored))
                        .executeUpdate();
                em.flush();
                return new EmailChange(old, t.email());
            });
        } catch (PersistenceException e) {
            if (Accounts.isUniqueViolation(e)) { // the address got an account in the same instant
                throw new AccountException(EMAIL_TAKEN, false);
            }
            throw e;
        }
        mail.send(change.old(), "Your Vigil email was changed", "The email of your Vigil account was changed from "
                + change.old() + " to " + change.now() + ". Vigil's emails, login links and password resets go to"
                + " the new address from now on.", List.of(), "If you did not make this change, someone who knows your"
                + " password may have taken over your account: please tell your Vigil operator.");
        return change.now();
    }

    private record EmailChange(String old, String now) {
    }

    /**
     * Deletes the user (re-authentication needed) with everything of theirs: sessions, tokens, second factor,
     * memberships, and the projects they own that no other owner takes over, with those projects' checks, pings,
     * channels and stored ping bodies.
     */
    public void deleteAccount(String sessionToken) {
        if (!recentlyAuthenticated(sessionToken)) {
            throw new AccountException("Please enter your password again first.", false);
        }
        List<UUID> deletedChecks = accounts.inTransaction(em -> {
            long userId = session(em, sessionToken).user().id();
            em.flush(); // the JDBC work below joins the entity manager's transaction, as in a sign-up
            List<UUID> checks;
            try {
                checks = projects.deleteOwnedBy(em.unwrap(Connection.class), userId);
            } catch (SQLException e) {
                throw new PersistenceException(e);
            }
            em.createQuery("DELETE FROM UserAccount u WHERE u.id = :u").setParameter("u", userId).executeUpdate();
            return checks;
        });
        projects.deleteStoredBodies(deletedChecks); // only once the rows are gone for good
    }

    /** The user's live sessions, the newest first. */
    public List<SessionLine> sessions(String sessionToken) {
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        return accounts.inTransaction(em -> {
            UserSession me = session(em, sessionToken);
            return em.createQuery("SELECT s FROM UserSession s WHERE s.user.id = :u AND s.expires > :now"
                            + " ORDER BY s.created DESC, s.id DESC", UserSession.class)
                    .setParameter("u", me.user().id()).setParameter("now", now).getResultStream()
                    .map(s -> new SessionLine(s.id(), s.created(), s.lastSeen(), s.userAgent(),
                            s.id().equals(me.id())))
                    .toList();
        });
    }

    /** Ends one of the user's other sessions; false when the user has no such session. */
    public boolean revoke(String sessionToken, long sessionId) {
        return accounts.inTransaction(em -> {
            UserSession me = session(em, sessionToken);
            return em.createQuery("DELETE FROM UserSession s WHERE s.id = :id AND s.user.id = :u AND s.id <> :me")
                    .setParameter("id", sessionId).setParameter("u", me.user().id()).setParameter("me", me.id())
                    .executeUpdate() == 1;
        });
    }

    /** Ends every session of the user but this one. */
    public void logOutOthers(String sessionToken) {
        accounts.inTransaction(em -> {
            endOthers(em, session(em, sessionToken));
            return null;
        });
    }

    /** Keeps the appearance with the account (a value web/Appearance gave), for every browser it signs in with. */
    public void chooseAppearance(String sessionToken, String value) {
        accounts.inTransaction(em -> {
            em.find(UserAccount.class, session(em, sessionToken).user().id()).chooseAppearance(value);
            return null;
        });
    }

    private static void endOthers(EntityManager em, UserSession me) {
        em.createQuery("DELETE FROM UserSession s WHERE s.user.id = :u AND s.id <> :me")
                .setParameter("u", me.user().id()).setParameter("me", me.id()).executeUpdate();
    }

    private void checkPassword(UserAccount user, char[] password) {
        Instant now = Instant.now();
        String key = Long.toString(user.id());
        if (attempts.blocked(failuresByUser, key, now)) {
            throw new AccountException(Accounts.TOO_MANY, true);
        }
        boolean ok = user.passwordHash() != null ? Passwords.verify(user.passwordHash(), password)
                : Passwords.verifyNothing(password);
        if (!ok) {
            attempts.count(failuresByUser, key, now);
            throw new AccountException(WRONG_PASSWORD, false);
        }
    }

    private static UserSession session(EntityManager em, String token) {
        return Accounts.liveSession(em, token)
                .orElseThrow(() -> new AccountException("Your session has ended. Please log in again.", false));
    }
}
