package dev.vigil.app.accounts;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;

/**
 * "Email me a login link" and password reset: single-use tokens sent by email, stored as SHA-256 hashes
 * ({@code login_tokens}). A request always gets the same answer, whether the address is registered or not, and is
 * limited per address and per email, registered or not. A reset ends every session of the user.
 */
@ApplicationScoped
public class LoginLinks {

    public static final Duration LOGIN_LIFETIME = Duration.ofMinutes(15);
    public static final Duration RESET_LIFETIME = Duration.ofMinutes(30);
    /** The one answer to a link request. */
    public static final String SENT = "If an account exists for that address, we have sent it an email with a link."
            + " The link works once, for a short time.";
    public static final String LINK_GONE = "This link has expired or has already been used. Please ask for a new one.";

    private final AttemptLimit requestsByAddress =
            new AttemptLimit("login-link-requests-by-address", 20, Duration.ofHours(1));
    private final AttemptLimit requestsByEmail =
            new AttemptLimit("login-link-requests-by-email", 5, Duration.ofHours(1));

    @Inject
    Attempts attempts;

    @Inject
    Accounts accounts;

    @Inject
    AccountMail mail;

    /** Sends a login link to the address if it is registered; answers alike either way. */
    public void requestLogin(String emailInput, String address) {
        request(emailInput, address, LoginToken.Purpose.LOGIN);
    }

    /** Sends a password reset link to the address if it is registered; answers alike either way. */
    public void requestReset(String emailInput, String address) {
        request(emailInput, address, LoginToken.Purpose.RESET);
    }

    private void request(String emailInput, String address, LoginToken.Purpose purpose) {
        String email = Accounts.normalEmail(emailInput);
        Accounts.checkEmail(email);
        Instant now = Instant.now();
        if (attempts.blocked(requestsByAddress, address, now) || attempts.blocked(requestsByEmail, email, now)) {
            throw new AccountException(Accounts.TOO_MANY, true);
        }
        attempts.count(requestsByAddress, address, now);
        attempts.count(requestsByEmail, email, now);
        String token = Accounts.randomToken();
        Optional<String> to = accounts.inTransaction(em -> em
                .createQuery("SELECT u FROM UserAccount u WHERE u.email = :e", UserAccount.class)
                .setParameter("e", email).getResultStream().findFirst().map(u -> {
                    OffsetDateTime at = OffsetDateTime.now(ZoneOffset.UTC);
                    Duration life = purpose == LoginToken.Purpose.LOGIN ? LOGIN_LIFETIME : RESET_LIFETIME;
                    issue(em, new LoginToken(u.id(), purpose, Accounts.hash(token), at, at.plus(life)));
                    return u.email();
                }));
        if (to.isEmpty()) {
            return;
        }
        if (purpose == LoginToken.Purpose.LOGIN) {
            mail.send(to.get(), "Your Vigil login link", "Follow this link to log in to Vigil. It works once, for "
                    + LOGIN_LIFETIME.toMinutes() + " minutes:", mail.link("/accounts/login/link/" + token + "/"),
                    "If you did not ask for it, you can ignore this email.");
        } else {
            mail.send(to.get(), "Reset your Vigil password", "Follow this link to choose a new password for Vigil."
                    + " It works once, for " + RESET_LIFETIME.toMinutes() + " minutes:",
                    mail.link("/accounts/reset/" + token + "/"),
                    "If you did not ask for it, you can ignore this email: your password stays as it is.");
        }
    }

    /** Whether a token is live (the reset page asks before showing its form); uses nothing up. */
    public boolean live(String token, boolean reset) {
        LoginToken.Purpose purpose = reset ? LoginToken.Purpose.RESET : LoginToken.Purpose.LOGIN;
        return accounts.inTransaction(em -> find(em, token, purpose, false).isPresent());
    }

    /** Uses up a login link: the user's next step (a session, or the second factor); {@link #LINK_GONE} else. */
    public LoginStep logIn(String token, String userAgent) {
        return accounts.inTransaction(em -> {
            LoginToken t = take(em, token, LoginToken.Purpose.LOGIN);
            return Accounts.firstFactorPassed(em, t.userId(), userAgent);
        });
    }

    /** Uses up a reset link: sets the password and ends every session, link and pending login of the user. */
    public void reset(String token, char[] password) {
        Accounts.checkNewPassword(password);
        String hash = Passwords.hash(password);
        accounts.inTransaction(em -> {
            LoginToken t = take(em, token, LoginToken.Purpose.RESET);
            em.find(UserAccount.class, t.userId()).changePassword(hash);
            em.createQuery("DELETE FROM UserSession s WHERE s.user.id = :u").setParameter("u", t.userId())
                    .executeUpdate();
            em.createQuery("DELETE FROM LoginToken t WHERE t.userId = :u") // links and half-done logins alike
                    .setParameter("u", t.userId()).executeUpdate();
            return null;
        });
    }

    /** Finds and deletes a live token (locked, so that two uses at once make one). */
    static LoginToken take(EntityManager em, String token, LoginToken.Purpose purpose) {
        LoginToken t = find(em, token, purpose, true)
                .orElseThrow(() -> new AccountException(LINK_GONE, false));
        em.remove(t);
        return t;
    }

    /**
     * Stores a new token, and first deletes everyone's expired ones (of any purpose): they are refused when read,
     * and nothing else would delete them. The one way a {@link LoginToken} is made.
     */
    static void issue(EntityManager em, LoginToken token) {
        em.createQuery("DELETE FROM LoginToken t WHERE t.expires < :now")
                .setParameter("now", OffsetDateTime.now(ZoneOffset.UTC)).executeUpdate();
        em.persist(token);
    }

    static Optional<LoginToken> find(EntityManager em, String token, LoginToken.Purpose purpose, boolean lock) {
        if (token == null || token.isEmpty() || token.length() > 100) {
            return Optional.empty();
        }
        var query = em.createQuery("SELECT t FROM LoginToken t WHERE t.tokenHash = :h AND t.purpose = :p"
                        + " AND t.expires > :now", LoginToken.class)
                .setParameter("h", Accounts.hash(token)).setParameter("p", purpose.stored)
                .setParameter("now", OffsetDateTime.now(ZoneOffset.UTC));
        if (lock) {
            query.setLockMode(LockModeType.PESSIMISTIC_WRITE);
        }
        return query.getResultStream().findFirst();
    }
}
