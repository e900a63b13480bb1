package dev.vigil.app.accounts;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceException;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.UUID;

/**
 * A project's members: list them, change a role, remove one, leave, transfer. A project always keeps an owner:
 * the last owner cannot be demoted, removed or leave. Each change locks the project's row, so two changes of one
 * team cannot both take its last owner away. The callers have checked the acting member's role.
 */
@ApplicationScoped
public class Team {

    public static final String LAST_OWNER = "A project needs an owner: make another member owner first.";

    /** A member as the team page lists them. */
    public record Member(long userId, String email, ProjectRole role) {
    }

    @Inject
    Accounts accounts;

    /** The members, by email. */
    public List<Member> members(UUID project) {
        return accounts.inTransaction(em -> em.createQuery("SELECT m, u FROM Membership m, UserAccount u "
                        + "WHERE u.id = m.userId AND m.projectId = :p ORDER BY u.email", Object[].class)
                .setParameter("p", project).getResultStream()
                .map(r -> new Member(((UserAccount) r[1]).id(), ((UserAccount) r[1]).email(),
                        ((Membership) r[0]).projectRole())).toList());
    }

    /** Gives the member another role; false when the user is not a member. */
    public boolean changeRole(UUID project, long userId, ProjectRole to) {
        return accounts.inTransaction(em -> {
            Membership m = lockedMember(em, project, userId);
            if (m == null) {
                return false;
            }
            if (m.projectRole() == ProjectRole.OWNER && to != ProjectRole.OWNER && owners(em, project) == 1) {
                throw new AccountException(LAST_OWNER, false);
            }
            m.changeRole(to);
            em.flush();
            keepOwnerColumn(em, project);
            return true;
        });
    }

    /** Removes the member (or lets a member leave); false when the user is not a member. */
    public boolean remove(UUID project, long userId) {
        return accounts.inTransaction(em -> {
            Membership m = lockedMember(em, project, userId);
            if (m == null) {
                return false;
            }
            if (m.projectRole() == ProjectRole.OWNER && owners(em, project) == 1) {
                throw new AccountException(LAST_OWNER, false);
            }
            em.remove(m);
            em.flush();
            keepOwnerColumn(em, project);
            return true;
        });
    }

    /** Makes another member the owner; the owner who gives it away becomes a manager. False when either is no member. */
    public boolean transfer(UUID project, long fromUserId, long toUserId) {
        return accounts.inTransaction(em -> {
            Membership to = lockedMember(em, project, toUserId);
            Membership from = em.find(Membership.class, key(project, fromUserId));
            if (to == null || from == null || from.projectRole() != ProjectRole.OWNER || fromUserId == toUserId) {
                return false;
            }
            to.changeRole(ProjectRole.OWNER);
            from.changeRole(ProjectRole.MANAGER);
            em.flush();
            try {
                new ProjectRowStore(em.unwrap(Connection.class)).setOwner(project, toUserId);
            } catch (SQLException e) {
                throw new PersistenceException(e);
            }
            return true;
        });
    }

    private static Membership lockedMember(EntityManager em, UUID project, long userId) {
        try {
            if (!new ProjectRowStore(em.unwrap(Connection.class)).lock(project)) {
                return null;
            }
        } catch (SQLException e) {
            throw new PersistenceException(e);
        }
        return em.find(Membership.class, key(project, userId));
    }

    private static long owners(EntityManager em, UUID project) {
        return em.createQuery("SELECT COUNT(m) FROM Membership m WHERE m.projectId = :p AND m.role = :r", Long.class)
                .setParameter("p", project).setParameter("r", ProjectRole.OWNER.stored()).getSingleResult();
    }

    private static void keepOwnerColumn(EntityManager em, UUID project) {
        try {
            new ProjectRowStore(em.unwrap(Connection.class)).keepOwnerColumn(project);
        } catch (SQLException e) {
            throw new PersistenceException(e);
        }
    }

    private static Membership.Key key(UUID project, long userId) {
        Membership.Key k = new Membership.Key();
        k.projectId = project;
        k.userId = userId;
        return k;
    }
}
