package dev.vigil.app.accounts;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Invitations to a project by email. The link's token is random and only its SHA-256 hash is stored; an invitation
 * is used once (accepting deletes it) by a user signed in with exactly the invited email, and expires after
 * {@link #LIFETIME}. Inviting the same email again replaces its invitation (and its link).
 */
@ApplicationScoped
public class Invitations {

    public static final Duration LIFETIME = Duration.ofDays(7);
    /** Invitation emails per project in an hour, so a team page cannot be used to send mail in bulk. */
    public static final int PER_PROJECT_HOURLY = 50;
    private static final SecureRandom RANDOM = new SecureRandom();

    /** An invitation as its page and the team page show it. */
    public record Pending(UUID project, String email, ProjectRole role, OffsetDateTime expires) {
    }

    /** An invitation just made: the token for the link (shown nowhere else) and the email to send it to. */
    public record Made(String token, String email, ProjectRole role) {
    }

    @Inject
    Attempts attempts;

    @Inject
    Accounts accounts;

    private final AttemptLimit sentByProject =
            new AttemptLimit("invitations-by-project", PER_PROJECT_HOURLY, Duration.ofHours(1));

    /**
     * Invites the email to the project with the role; refused for a malformed email, a current member, or more
     * than {@link #PER_PROJECT_HOURLY} invitations of the project in an hour (counted on this server).
     */
    public Made invite(UUID project, long invitedBy, String emailInput, ProjectRole role) {
        String email = Accounts.normalEmail(emailInput);
        if (email.length() > 254 || !email.matches("[^@\\s]+@[^@\\s]+")) {
            throw new AccountException("Please enter a valid email address.", false);
        }
        Instant now = Instant.now();
        if (attempts.blocked(sentByProject, project.toString(), now)) {
            throw new AccountException("This project has sent " + PER_PROJECT_HOURLY + " invitations in the last "
                    + "hour. Please wait a while and try again.", true);
        }
        byte[] raw = new byte[32];
        RANDOM.nextBytes(raw);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(raw);
        accounts.inTransaction(em -> {
            if (!em.createQuery("SELECT m.userId FROM Membership m, UserAccount u WHERE u.id = m.userId "
                    + "AND m.projectId = :p AND u.email = :e").setParameter("p", project).setParameter("e", email)
                    .getResultList().isEmpty()) {
                throw new AccountException(email + " is already a member of this project.", false);
            }
            em.createQuery("DELETE FROM Invitation i WHERE i.projectId = :p AND i.email = :e")
                    .setParameter("p", project).setParameter("e", email).executeUpdate();
            OffsetDateTime created = OffsetDateTime.now(ZoneOffset.UTC);
            em.persist(new Invitation(project, email, role, Accounts.hash(token), invitedBy, created,
                    created.plus(LIFETIME)));
            return null;
        });
        attempts.count(sentByProject, project.toString(), now);
        return new Made(token, email, role);
    }

    /** The project's open invitations, by email. */
    public List<Pending> pending(UUID project) {
        return accounts.inTransaction(em -> em.createQuery("SELECT i FROM Invitation i WHERE i.projectId = :p "
                        + "AND i.expires > :now ORDER BY i.email", Invitation.class).setParameter("p", project)
                .setParameter("now", OffsetDateTime.now(ZoneOffset.UTC)).getResultStream().map(Invitations::pending)
                .toList());
    }

    /** Withdraws the invitation of that email; false when there was none. */
    public boolean withdraw(UUID project, String email) {
        return accounts.inTransaction(em -> em.createQuery(
                        "DELETE FROM Invitation i WHERE i.projectId = :p AND i.email = :e")
                .setParameter("p", project).setParameter("e", Accounts.normalEmail(email)).executeUpdate() > 0);
    }

    /** The open invitation of this link's token. */
    public Optional<Pending> find(String token) {
        return accounts.inTransaction(em -> live(em, token).map(Invitations::pending));
    }

    /**
     * Accepts the invitation for the signed-in user, whose email must be the invited one: the user becomes a
     * member with the invited role (a member already keeps their role) and the invitation is gone. Empty when
     * the link is unknown, used or expired.
     */
    public Optional<UUID> accept(String token, SignedIn user) {
        return accounts.inTransaction(em -> {
            Optional<Invitation> found = live(em, token);
            if (found.isEmpty()) {
                return Optional.<UUID>empty();
            }
            Invitation i = found.get();
            if (!i.email().equals(Accounts.normalEmail(user.email()))) {
                throw new AccountException("This invitation is for " + i.email() + ": sign in with that address to "
                        + "accept it.", false);
            }
            // the bulk delete counts rows: of two acceptances at once, one deletes it and the other finds nothing
            if (em.createQuery("DELETE FROM Invitation i WHERE i.id = :id").setParameter("id", i.id())
                    .executeUpdate() != 1) {
                return Optional.<UUID>empty();
            }
            if (em.createQuery("SELECT m.userId FROM Membership m WHERE m.projectId = :p AND m.userId = :u")
                    .setParameter("p", i.projectId()).setParameter("u", user.userId()).getResultList().isEmpty()) {
                em.persist(new Membership(i.projectId(), user.userId(), i.projectRole()));
            }
            return Optional.of(i.projectId());
        });
    }

    private static Optional<Invitation> live(EntityManager em, String token) {
        if (token == null || token.isEmpty() || token.length() > 100) {
            return Optional.empty();
        }
        return em.createQuery("SELECT i FROM Invitation i WHERE i.tokenHash = :h AND i.expires > :now",
                        Invitation.class).setParameter("h", Accounts.hash(token))
                .setParameter("now", OffsetDateTime.now(ZoneOffset.UTC)).getResultStream().findFirst();
    }

    private static Pending pending(Invitation i) {
        return new Pending(i.projectId(), i.email(), i.projectRole(), i.expires());
    }
}
