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
import java.util.UUID;

/**
 * The signed-in user's own account: re-authentication (the password again, good for {@link #REAUTH_WINDOW} in the
 * session that proved it) before sensitive actions, password and email changes, and the user's sessions.
 * Every method takes the session's cookie token and acts only on that session's user.
 */
@ApplicationScoped
public class AccountSettings {

    public static final Duration REAUTH_WINDOW = Duration.ofMinutes(5);
    public static final String WRONG_PASSWORD = "That password is not right.";
    /** The one refusal of a new email, whether it is taken or not allowed (no telling which). */
    private static final String EMAIL_REFUSED = "This address cannot be used.";

    /** Wrong passwords per user in 15 minutes, as for logins by email. */
    private final AttemptLimit failuresByUser = new AttemptLimit(5, Duration.ofMinutes(15));

    @Inject
    Accounts accounts;

    @Inject
    ProjectDeleter projects;

    /** One of the user's sessions, as the settings page lists it. */
    public record SessionLine(long id, OffsetDateTime created, OffsetDateTime lastSeen, String userAgent,
            boolean current) {
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

    /** Changes the email (re-authentication needed); an address in use is refused without saying so. */
    public void changeEmail(String sessionToken, String emailInput) {
        String email = Accounts.normalEmail(emailInput);
        Accounts.checkEmail(email);
        if (!recentlyAuthenticated(sessionToken)) {
            throw new AccountException("Please enter your password again first.", false);
        }
        try {
            accounts.inTransaction(em -> {
                UserSession s = session(em, sessionToken);
                if (!em.createQuery("SELECT u.id FROM UserAccount u WHERE u.email = :e AND u.id <> :me")
                        .setParameter("e", email).setParameter("me", s.user().id()).getResultList().isEmpty()) {
                    throw new AccountException(EMAIL_REFUSED, false);
                }
                em.find(UserAccount.class, s.user().id()).changeEmail(email);
                return null;
            });
        } catch (PersistenceException e) {
            throw new AccountException(EMAIL_REFUSED, false);
        }
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
        if (failuresByUser.blocked(key, now)) {
            throw new AccountException(Accounts.TOO_MANY, true);
        }
        boolean ok = user.passwordHash() != null ? Passwords.verify(user.passwordHash(), password)
                : Passwords.verifyNothing(password);
        if (!ok) {
            failuresByUser.count(key, now);
            throw new AccountException(WRONG_PASSWORD, false);
        }
    }

    private static UserSession session(EntityManager em, String token) {
        return Accounts.liveSession(em, token)
                .orElseThrow(() -> new AccountException("Your session has ended. Please log in again.", false));
    }
}
