package dev.vigil.app.accounts;

import dev.vigil.app.api.ApiKeys;
import dev.vigil.app.api.ProjectStore;
import dev.vigil.app.db.SchemaReady;
import dev.vigil.app.db.Transactions;
import dev.vigil.app.db.VigilDataSource;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.Persistence;
import jakarta.persistence.PersistenceException;

import javax.sql.DataSource;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Sign-up, login, sessions and memberships. The entity manager factory is built when the schema is ready, on the
 * application's data source; projects are written through {@link ProjectStore} on the entity manager's own
 * connection, so a sign-up's user, project and membership commit together.
 */
@ApplicationScoped
public class Accounts {

    public static final Duration SESSION_LIFETIME = Duration.ofDays(14);
    /** The one answer to a failed login, whatever failed. */
    public static final String LOGIN_FAILED = "Incorrect email or password.";
    public static final String TOO_MANY = "Too many attempts. Please wait a few minutes and try again.";
    /** Only where the address is proved (an invitation's, a sign-up link's): elsewhere no page tells it. */
    static final String TAKEN = "An account cannot be created for this address.";
    static final int MIN_PASSWORD = 8;
    static final int MAX_PASSWORD = 1024;
    private static final int MAX_USER_AGENT = 300;
    /** A session's last-seen time is written at most this often (not on every page). */
    private static final Duration LAST_SEEN_PRECISION = Duration.ofMinutes(1);
    private static final SecureRandom RANDOM = new SecureRandom();

    /** Failed logins per client address, and per email (registered or not), in 15 minutes. */
    private final AttemptLimit failuresByAddress =
            new AttemptLimit("login-failures-by-address", 20, Duration.ofMinutes(15));
    private final AttemptLimit failuresByEmail = new AttemptLimit("login-failures-by-email", 5, Duration.ofMinutes(15));
    private final AttemptLimit signUpsByAddress = new AttemptLimit("sign-ups-by-address", 50, Duration.ofHours(1));

    @Resource(lookup = VigilDataSource.JNDI_NAME)
    private DataSource dataSource;

    @Inject
    Attempts attempts;

    @Inject
    Transactions tx;

    private volatile EntityManagerFactory emf;

    void start(@Observes SchemaReady ready) {
        emf = Persistence.createEntityManagerFactory("vigil-accounts", Map.of(
                "eclipselink.persistencexml", "META-INF/vigil-accounts.xml",
                "jakarta.persistence.nonJtaDataSource", dataSource));
        emf.createEntityManager().close(); // connects now: a mapping error stops the start, not the first login
    }

    @PreDestroy
    void stop() {
        if (emf != null) {
            emf.close();
        }
    }

    /**
     * Creates the user at once, with its first project and a session: only for an address already proved, as an
     * invitation's (its link was emailed there). The sign-up form proves it first: {@link SignUpLinks}.
     */
    public NewSession signUp(String emailInput, char[] password, String address) {
        String email = normalEmail(emailInput);
        checkEmail(email);
        checkNewPassword(password);
        Instant now = Instant.now();
        if (attempts.blocked(signUpsByAddress, address, now)) {
            throw new AccountException(TOO_MANY, true);
        }
        attempts.count(signUpsByAddress, address, now);
        String hash = Passwords.hash(password);
        return tx.inEntityTransaction(emf(), em -> create(em, email, hash, null));
    }

    /** Whether a (normalised) address is an account's email. */
    static boolean registered(EntityManager em, String email) {
        return !em.createQuery("SELECT u.id FROM UserAccount u WHERE u.email = :e").setParameter("e", email)
                .setMaxResults(1).getResultList().isEmpty();
    }

    /**
     * Writes a new user, its first project ("My Project", of which it is the owner) and a session, in the caller's
     * transaction; refuses an address that has an account (a second sign-up in the same instant included).
     */
    static NewSession create(EntityManager em, String email, String passwordHash, String userAgent) {
        if (registered(em, email)) {
            throw new AccountException(TAKEN, false);
        }
        UserAccount user = new UserAccount(email, passwordHash, OffsetDateTime.now(ZoneOffset.UTC));
        em.persist(user);
        try {
            em.flush();
        } catch (PersistenceException e) {
            if (isUniqueViolation(e)) {
                throw new AccountException(TAKEN, false);
            }
            throw e;
        }
        UUID project = UUID.randomUUID();
        try {
            new ProjectStore(em.unwrap(Connection.class)).insert(project, "My Project", user.id(),
                    ApiKeys.randomText(22).toLowerCase(Locale.ROOT), ApiKeys.randomText(32));
        } catch (SQLException e) {
            throw new PersistenceException(e);
        }
        em.persist(new Membership(project, user.id(), Membership.OWNER));
        return newSession(em, user, project, userAgent);
    }

    /**
     * The email and password's next step: a new session, or the second-factor step when the user has one; or
     * {@link #LOGIN_FAILED}. Limited per address and per email.
     */
    public LoginStep logIn(String emailInput, char[] password, String address, String userAgent) {
        String email = normalEmail(emailInput);
        Instant now = Instant.now();
        if (attempts.blocked(failuresByAddress, address, now) || attempts.blocked(failuresByEmail, email, now)) {
            throw new AccountException(TOO_MANY, true);
        }
        Optional<UserAccount> user = tx.inEntityTransaction(emf(), em -> em
                .createQuery("SELECT u FROM UserAccount u WHERE u.email = :e", UserAccount.class)
                .setParameter("e", email).getResultStream().findFirst());
        boolean ok = user.isPresent() && user.get().passwordHash() != null
                ? Passwords.verify(user.get().passwordHash(), password)
                : Passwords.verifyNothing(password);
        if (!ok) {
            attempts.count(failuresByAddress, address, now);
            attempts.count(failuresByEmail, email, now);
            throw new AccountException(LOGIN_FAILED, false);
        }
        return tx.inEntityTransaction(emf(), em -> firstFactorPassed(em, user.get().id(), userAgent));
    }

    /**
     * What follows a proved first factor (a password, a login link): the second step when the user has a
     * confirmed TOTP factor or a security key (a single-use token for its form), else a new session.
     */
    static LoginStep firstFactorPassed(EntityManager em, long userId, String userAgent) {
        UserAccount u = em.find(UserAccount.class, userId);
        TotpFactor totp = em.find(TotpFactor.class, userId);
        if (totp != null && totp.confirmed() || WebAuthnCredentials.hasAny(em, userId)) {
            String token = randomToken();
            OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
            LoginLinks.issue(em, new LoginToken(userId, LoginToken.Purpose.SECOND_STEP, hash(token), now,
                    now.plus(SecondFactor.STEP_LIFETIME)));
            return new LoginStep.NeedsCode(token);
        }
        return new LoginStep.Done(newSession(em, u, firstProject(em, userId), userAgent));
    }

    static UUID firstProject(EntityManager em, long userId) {
        List<UUID> projects = projects(em, userId);
        return projects.isEmpty() ? null : projects.get(0);
    }

    /** Runs account-side work in one transaction (for the other account classes of this package). */
    <T> T inTransaction(Transactions.EntityWork<T> work) {
        return tx.inEntityTransaction(emf(), work);
    }

    /** The user of a live session, by the cookie's token. */
    public Optional<SignedIn> signedIn(String token) {
        if (token == null || token.isEmpty() || token.length() > 100) {
            return Optional.empty();
        }
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        return tx.inEntityTransaction(emf(), em -> {
            Optional<UserSession> session = liveSession(em, token);
            session.ifPresent(s -> em.createQuery("UPDATE UserSession s SET s.lastSeen = :now WHERE s.id = :id"
                            + " AND (s.lastSeen IS NULL OR s.lastSeen < :stale)")
                    .setParameter("now", now).setParameter("id", s.id())
                    .setParameter("stale", now.minus(LAST_SEEN_PRECISION)).executeUpdate());
            return session.map(s -> new SignedIn(s.user().id(), s.user().email(), s.user().appearance()));
        });
    }

    /** The live session of a cookie's token. */
    static Optional<UserSession> liveSession(EntityManager em, String token) {
        if (token == null || token.isEmpty() || token.length() > 100) {
            return Optional.empty();
        }
        return em.createQuery("SELECT s FROM UserSession s WHERE s.tokenHash = :h AND s.expires > :now",
                        UserSession.class)
                .setParameter("h", hash(token)).setParameter("now", OffsetDateTime.now(ZoneOffset.UTC))
                .getResultStream().findFirst();
    }

    /** Ends the session of this token (nothing when there is none). */
    public void logOut(String token) {
        if (token == null || token.isEmpty()) {
            return;
        }
        tx.inEntityTransaction(emf(), em -> em.createQuery("DELETE FROM UserSession s WHERE s.tokenHash = :h")
                .setParameter("h", hash(token)).executeUpdate());
    }

    /** The user's role in the project, or empty when the user is not a member. */
    public Optional<ProjectRole> role(long userId, UUID project) {
        return tx.inEntityTransaction(emf(), em -> em.createQuery(
                        "SELECT m.role FROM Membership m WHERE m.userId = :u AND m.projectId = :p", String.class)
                .setParameter("u", userId).setParameter("p", project).getResultStream().findFirst()
                .map(ProjectRole::ofStored));
    }

    /** The projects the user is a member of, oldest membership first. */
    public List<UUID> projects(long userId) {
        return tx.inEntityTransaction(emf(), em -> projects(em, userId));
    }

    private static List<UUID> projects(EntityManager em, long userId) {
        return em.createQuery("SELECT m.projectId FROM Membership m WHERE m.userId = :u ORDER BY m.projectId",
                UUID.class).setParameter("u", userId).getResultList();
    }

    static NewSession newSession(EntityManager em, UserAccount user, UUID project, String userAgent) {
        String token = randomToken();
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        String agent = userAgent == null ? null : userAgent.length() > MAX_USER_AGENT
                ? userAgent.substring(0, MAX_USER_AGENT) : userAgent;
        // expired sessions are refused when read, and go here, anyone's, as a new one is made
        em.createQuery("DELETE FROM UserSession s WHERE s.expires < :now").setParameter("now", now).executeUpdate();
        em.persist(new UserSession(user, hash(token), now, now.plus(SESSION_LIFETIME), agent));
        return new NewSession(token, new SignedIn(user.id(), user.email(), user.appearance()), project);
    }

    /** A random 256-bit token, URL-safe: for cookies and emailed links, of which only {@link #hash} is kept. */
    static String randomToken() {
        byte[] raw = new byte[32];
        RANDOM.nextBytes(raw);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(raw);
    }

    static void checkEmail(String email) {
        if (email.length() > 254 || !email.matches("[^@\\s]+@[^@\\s]+")) {
            throw new AccountException("Please enter a valid email address.", false);
        }
    }

    static void checkNewPassword(char[] password) {
        if (password.length < MIN_PASSWORD || password.length > MAX_PASSWORD) {
            throw new AccountException("The password must have at least " + MIN_PASSWORD + " characters.", false);
        }
    }

    static String normalEmail(String email) {
        return email == null ? "" : email.strip().toLowerCase(Locale.ROOT);
    }

    static byte[] hash(String token) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(token.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static boolean isUniqueViolation(Throwable e) {
        for (Throwable t = e; t != null && t.getCause() != t; t = t.getCause()) {
            if (t instanceof SQLException s && "23505".equals(s.getSQLState())) {
                return true;
            }
        }
        return false;
    }

    private EntityManagerFactory emf() {
        EntityManagerFactory f = emf;
        if (f == null) {
            throw new IllegalStateException("the accounts are not ready: the schema is still being migrated");
        }
        return f;
    }
}
