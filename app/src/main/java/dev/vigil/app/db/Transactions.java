package dev.vigil.app.db;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;

/**
 * The one way to run work in a database transaction: committed when the work returns, rolled back when it throws,
 * and run again, up to {@link #ATTEMPTS} times in all, when PostgreSQL reports a transient error: a serialization
 * failure or deadlock (SQLSTATE class 40) or a lost connection (class 08). Work must therefore change nothing but
 * the database through its connection, or be safe to repeat. Used by the API, the admin bootstrap and the ping
 * writers; the alert sender's loop keeps one connection across its short rounds and retries by looping.
 */
@ApplicationScoped
public class Transactions {

    public static final int ATTEMPTS = 3;

    /** Work on a connection. */
    @FunctionalInterface
    public interface Work<T> {
        T run(Connection c) throws SQLException;
    }

    @Resource(lookup = VigilDataSource.JNDI_NAME)
    private DataSource dataSource;

    /** For CDI. */
    public Transactions() {
    }

    public Transactions(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /**
     * Runs {@code work} in a transaction. An exception the work throws itself (an API error, say) passes through as
     * it is; a database error that is not transient, or that lasts through every attempt, comes as an
     * {@link IllegalStateException} with the {@link SQLException} as its cause.
     */
    public <T> T run(Work<T> work) {
        for (int attempt = 1; ; attempt++) {
            try (Connection c = dataSource.getConnection()) {
                c.setAutoCommit(false);
                try {
                    T result = work.run(c);
                    c.commit();
                    return result;
                } catch (RuntimeException | SQLException e) {
                    rollback(c);
                    throw e;
                } finally {
                    c.setAutoCommit(true);
                }
            } catch (SQLException e) {
                if (!isTransient(e) || attempt >= ATTEMPTS) {
                    throw new IllegalStateException("database error: " + e.getMessage(), e);
                }
            }
        }
    }

    /** Work with an entity manager (the account side, JPA). */
    @FunctionalInterface
    public interface EntityWork<T> {
        T run(EntityManager em);
    }

    /**
     * Runs {@code work} in a JPA transaction of {@code emf} (resource-local), with the same rule as {@link #run}: a
     * transient database error anywhere in the cause chain gets another attempt, anything else passes through.
     */
    public <T> T inEntityTransaction(EntityManagerFactory emf, EntityWork<T> work) {
        for (int attempt = 1; ; attempt++) {
            EntityManager em = emf.createEntityManager();
            try {
                em.getTransaction().begin();
                T result = work.run(em);
                em.getTransaction().commit();
                return result;
            } catch (RuntimeException e) {
                if (em.getTransaction().isActive()) {
                    em.getTransaction().rollback();
                }
                SQLException cause = sqlCause(e);
                if (cause == null || !isTransient(cause) || attempt >= ATTEMPTS) {
                    throw e;
                }
            } finally {
                em.close();
            }
        }
    }

    private static SQLException sqlCause(Throwable e) {
        for (Throwable t = e; t != null && t.getCause() != t; t = t.getCause()) {
            if (t instanceof SQLException s) {
                return s;
            }
        }
        return null;
    }

    /** Deadlock, serialization failure or a dropped connection: worth another try. */
    public static boolean isTransient(SQLException e) {
        String state = e.getSQLState();
        return state != null && (state.startsWith("40") || state.startsWith("08"));
    }

    private static void rollback(Connection c) {
        try {
            c.rollback();
        } catch (SQLException e) {
            // the connection is broken; the pool replaces it
        }
    }
}
