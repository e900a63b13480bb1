package dev.vigil.app.accounts;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;

import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * The TOTP second factor: enrolment (a secret shown as a QR code, confirmed by a first code, with 10 single-use
 * recovery codes shown once and stored hashed), the login's second step, and turning it off.
 */
@ApplicationScoped
public class SecondFactor {

    public static final Duration STEP_LIFETIME = Duration.ofMinutes(5);
    public static final String WRONG_CODE = "That code is not right. Please try again.";
    public static final int RECOVERY_CODES = 10;
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final String ISSUER = "Vigil";

    /** Wrong codes per user in 15 minutes: a 6-digit code must not be guessable by trying. */
    private final AttemptLimit failuresByUser = new AttemptLimit("totp-failures-by-user", 5, Duration.ofMinutes(15));

    @Inject
    Attempts attempts;

    @Inject
    Accounts accounts;

    /** An enrolment under way: the secret as text, and the otpauth URI that its QR code holds. */
    public record Enrolment(String secret, String uri) {
    }

    public boolean enabled(long userId) {
        return accounts.inTransaction(em -> {
            TotpFactor f = em.find(TotpFactor.class, userId);
            return f != null && f.confirmed();
        });
    }

    /** Starts (or restarts) an enrolment with a new secret; refused while a confirmed factor exists. */
    public Enrolment start(long userId) {
        return accounts.inTransaction(em -> {
            TotpFactor f = em.find(TotpFactor.class, userId);
            if (f != null && f.confirmed()) {
                throw new AccountException("Two-factor authentication is already on.", false);
            }
            if (f != null) {
                em.remove(f);
                em.flush();
            }
            TotpFactor made = new TotpFactor(userId, Totp.newSecret(), OffsetDateTime.now(ZoneOffset.UTC));
            em.persist(made);
            return enrolment(em, userId, made);
        });
    }

    /** The enrolment under way, if there is one. */
    public Optional<Enrolment> pending(long userId) {
        return accounts.inTransaction(em -> Optional.ofNullable(em.find(TotpFactor.class, userId))
                .filter(f -> !f.confirmed()).map(f -> enrolment(em, userId, f)));
    }

    /** Confirms the enrolment with a first code: the recovery codes, in clear this once. */
    public List<String> confirm(long userId, String code) {
        Instant now = Instant.now();
        String key = Long.toString(userId);
        if (attempts.blocked(failuresByUser, key, now)) {
            throw new AccountException(Accounts.TOO_MANY, true);
        }
        return accounts.inTransaction(em -> {
            TotpFactor f = em.find(TotpFactor.class, userId, LockModeType.PESSIMISTIC_WRITE);
            if (f == null || f.confirmed()) {
                throw new AccountException("There is no enrolment to confirm. Please start again.", false);
            }
            OptionalLong step = Totp.matchingStep(f.secret(), code, now, f.lastStep());
            if (step.isEmpty()) {
                attempts.count(failuresByUser, key, now);
                throw new AccountException(WRONG_CODE, false);
            }
            f.accepted(step.getAsLong());
            em.createQuery("DELETE FROM RecoveryCode c WHERE c.userId = :u").setParameter("u", userId)
                    .executeUpdate();
            List<String> codes = new ArrayList<>();
            for (int i = 0; i < RECOVERY_CODES; i++) {
                String c = recoveryCode();
                codes.add(c);
                em.persist(new RecoveryCode(userId, Accounts.hash(c)));
            }
            return codes;
        });
    }

    /** Turns the second factor off and forgets its recovery codes. */
    public void disable(long userId) {
        accounts.inTransaction(em -> {
            em.createQuery("DELETE FROM TotpFactor f WHERE f.userId = :u").setParameter("u", userId).executeUpdate();
            em.createQuery("DELETE FROM RecoveryCode c WHERE c.userId = :u").setParameter("u", userId)
                    .executeUpdate();
            return null;
        });
    }

    /**
     * The login's second step: a TOTP code (a step not used before) or a recovery code (used up), with the pending
     * token of the first step; a session, or {@link #WRONG_CODE}. Wrong codes are limited per user.
     */
    public NewSession logIn(String pendingToken, String code, String userAgent) {
        Instant now = Instant.now();
        long userId = accounts.inTransaction(em -> LoginLinks.find(em, pendingToken, LoginToken.Purpose.SECOND_STEP,
                false)).orElseThrow(() -> new AccountException(LoginLinks.LINK_GONE, false)).userId();
        String key = Long.toString(userId);
        if (attempts.blocked(failuresByUser, key, now)) {
            throw new AccountException(Accounts.TOO_MANY, true);
        }
        Optional<NewSession> session = accounts.inTransaction(em -> {
            TotpFactor f = em.find(TotpFactor.class, userId, LockModeType.PESSIMISTIC_WRITE);
            if (f == null || !f.confirmed() || !(accepts(f, code, now) || usedRecoveryCode(em, userId, code))) {
                return Optional.empty();
            }
            return Optional.of(completeLogin(em, pendingToken, userId, userAgent));
        });
        if (session.isEmpty()) {
            attempts.count(failuresByUser, key, now);
            throw new AccountException(WRONG_CODE, false);
        }
        return session.get();
    }

    /** A proved second factor (a code, a security key) ends the pending login: its token is used up, a session. */
    static NewSession completeLogin(EntityManager em, String pendingToken, long userId, String userAgent) {
        LoginLinks.take(em, pendingToken, LoginToken.Purpose.SECOND_STEP);
        return Accounts.newSession(em, em.find(UserAccount.class, userId), Accounts.firstProject(em, userId),
                userAgent);
    }

    private static boolean accepts(TotpFactor f, String code, Instant now) {
        OptionalLong step = Totp.matchingStep(f.secret(), code, now, f.lastStep());
        step.ifPresent(f::accepted);
        return step.isPresent();
    }

    private static boolean usedRecoveryCode(EntityManager em, long userId, String code) {
        String normal = code == null ? "" : code.strip().toLowerCase(Locale.ROOT);
        if (!normal.matches("[a-z2-7]{5}-[a-z2-7]{5}")) {
            return false;
        }
        return em.createQuery("DELETE FROM RecoveryCode c WHERE c.userId = :u AND c.codeHash = :h")
                .setParameter("u", userId).setParameter("h", Accounts.hash(normal)).executeUpdate() == 1;
    }

    /** Ten base32 letters (50 bits), as {@code abcde-fghij}. */
    private static String recoveryCode() {
        byte[] raw = new byte[7];
        RANDOM.nextBytes(raw);
        String letters = Totp.base32(raw).toLowerCase(Locale.ROOT).substring(0, 10);
        return letters.substring(0, 5) + "-" + letters.substring(5);
    }

    private static Enrolment enrolment(EntityManager em, long userId, TotpFactor f) {
        String email = em.find(UserAccount.class, userId).email();
        return new Enrolment(Totp.base32(f.secret()), Totp.uri(ISSUER, email, f.secret()));
    }
}
