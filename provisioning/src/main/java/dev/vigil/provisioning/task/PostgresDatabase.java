package dev.vigil.provisioning.task;

import dev.vigil.provisioning.remote.CommandResult;
import dev.vigil.provisioning.remote.Shell;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * A PostgreSQL database owned by a login role with this password, on the local server. The password travels
 * only on standard input (never in a command line, where {@code ps} or an error message would show it); whether
 * it is current is found out by logging in with it over loopback, since the server keeps only a salted hash.
 */
public record PostgresDatabase(String database, String owner, String password) implements Task {

    private static final Pattern NAME = Pattern.compile("[a-z_][a-z0-9_]{0,62}");
    private static final String PSQL = "runuser -u postgres -- psql -X -q -At -v ON_ERROR_STOP=1 ";

    public PostgresDatabase {
        if (!NAME.matcher(database).matches() || !NAME.matcher(owner).matches()) {
            throw new IllegalArgumentException("not a PostgreSQL name: " + database + " / " + owner);
        }
        if (password.isEmpty() || password.indexOf('\0') >= 0 || password.contains("\n")) {
            throw new IllegalArgumentException("the password of " + owner + " must be one non-empty line");
        }
    }

    @Override
    public String name() {
        return "postgresql database " + database + " owned by " + owner;
    }

    @Override
    public String toString() {
        return "PostgresDatabase[" + database + ", " + owner + "]"; // never the password
    }

    @Override
    public Plan plan(TaskContext context) {
        CommandResult roles = context.host().run(PSQL + "-c " + Shell.quote("SELECT rolname FROM pg_roles WHERE "
                + "rolname = '" + owner + "' UNION ALL SELECT 'db:' || datname FROM pg_database WHERE datname = '"
                + database + "'"));
        List<String> found = roles.ok() ? roles.out().lines().toList() : List.of();
        boolean roleExists = found.contains(owner);
        boolean dbExists = found.contains("db:" + database);
        boolean passwordWorks = roleExists && dbExists && context.host().run("IFS= read -r PGPASSWORD && export "
                        + "PGPASSWORD && psql -X -w -h 127.0.0.1 -U " + owner + " -d " + database + " -Atc 'SELECT 1'",
                (password + "\n").getBytes(StandardCharsets.UTF_8), context.host().defaultTimeout()).ok();
        List<String> what = new ArrayList<>();
        StringBuilder sql = new StringBuilder();
        String literal = "'" + password.replace("'", "''") + "'";
        if (!roleExists) {
            what.add("role " + owner + " created");
            sql.append("CREATE ROLE ").append(owner).append(" LOGIN PASSWORD ").append(literal).append(";\n");
        } else if (!passwordWorks) {
            what.add("password of " + owner + " set");
            sql.append("ALTER ROLE ").append(owner).append(" LOGIN PASSWORD ").append(literal).append(";\n");
        }
        if (!dbExists) {
            what.add("database " + database + " created");
            sql.append("CREATE DATABASE ").append(database).append(" OWNER ").append(owner).append(";\n");
        }
        if (what.isEmpty()) {
            return Plan.none();
        }
        Plan plan = Plan.of(String.join(", ", what), () -> {
            CommandResult r = context.host().run(PSQL + "-f -", sql.toString().getBytes(StandardCharsets.UTF_8),
                    context.host().defaultTimeout());
            if (!r.ok()) {
                // psql's own message may quote the statement, password included: only its status is shown
                throw new IllegalStateException("psql refused to " + String.join(", ", what).replace(" created", "")
                        .replace(" set", "") + " (exit status " + r.exitStatus() + "; its output is withheld: it "
                        + "may quote the password)");
            }
        });
        // on a fresh host PostgreSQL comes with an earlier task of the same run
        return roles.ok() ? plan : plan.blockedBy("cannot ask PostgreSQL (" + roles.summary() + ")");
    }
}
