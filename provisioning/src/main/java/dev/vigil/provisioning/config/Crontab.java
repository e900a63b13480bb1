package dev.vigil.provisioning.config;

import dev.vigil.schedule.CrontabLine;
import dev.vigil.schedule.InvalidScheduleException;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * A crontab as lines: comments, blank lines, {@code NAME=value} settings and jobs. A user's crontab (installed
 * with {@code crontab -u}) has {@code schedule command} jobs; a system one ({@code /etc/cron.d}) names the user
 * of each job. Every job is checked with Vigil's own cron parser (Debian semantics) when the crontab is made, so
 * a bad schedule fails before any server is touched.
 */
public record Crontab(Kind kind, List<Line> lines) {

    public enum Kind { USER, SYSTEM }

    private static final Pattern VARIABLE = Pattern.compile("^([A-Za-z_][A-Za-z0-9_]*)\\s*=(.*)$");

    public Crontab {
        lines = List.copyOf(lines);
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i) instanceof Job job) {
                try {
                    if (kind == Kind.SYSTEM) {
                        CrontabLine.parseSystem(job.text());
                    } else {
                        CrontabLine.parse(job.text());
                    }
                } catch (InvalidScheduleException e) {
                    throw new IllegalArgumentException("line " + (i + 1) + " (\"" + job.text() + "\"): "
                            + e.getMessage(), e);
                }
            }
        }
    }

    /** One line of the table. */
    public sealed interface Line permits Comment, Blank, Variable, Job {
        String text();
    }

    /** {@code # ...}, as given. */
    public record Comment(String text) implements Line {
        public Comment {
            ConfigText.oneLine("a comment", text);
            if (!text.strip().startsWith("#")) {
                throw new IllegalArgumentException("a comment starts with #: " + text);
            }
        }

        public static Comment of(String words) {
            return new Comment("# " + words);
        }
    }

    public record Blank() implements Line {
        @Override
        public String text() {
            return "";
        }
    }

    /** {@code NAME=value} (cron strips the spaces around the equals sign). */
    public record Variable(String name, String value) implements Line {
        public Variable {
            ConfigText.name("a crontab variable", name);
            ConfigText.oneLine(name, value);
        }

        @Override
        public String text() {
            return name + "=" + value;
        }
    }

    /** A job line: the schedule, the user for a system crontab, the command. */
    public record Job(String text) implements Line {
        public Job {
            ConfigText.oneLine("a job", text);
        }

        public static Job of(String schedule, String command) {
            return new Job(schedule + " " + command);
        }

        public static Job as(String user, String schedule, String command) {
            return new Job(schedule + " " + user + " " + command);
        }
    }

    /**
     * A system crontab ({@code /etc/cron.d}) of ops-run jobs: the comment, {@code SHELL=/bin/sh}, a {@code PATH}
     * that finds {@code ops} in /usr/local/bin, then the jobs (each made with {@link Job#as}).
     */
    public static Crontab opsJobs(String comment, Job... jobs) {
        List<Line> lines = new ArrayList<>(List.of(Comment.of(comment), new Variable("SHELL", "/bin/sh"),
                new Variable("PATH", "/usr/local/bin:/usr/bin:/bin"), new Blank()));
        lines.addAll(List.of(jobs));
        return new Crontab(Kind.SYSTEM, lines);
    }

    /** A user's crontab from lines as an operator writes them (the inventory's {@code root_crontab}). */
    public static Crontab ofUserLines(List<String> text) {
        List<Line> lines = new ArrayList<>();
        for (String t : text) {
            var variable = VARIABLE.matcher(t);
            if (t.isBlank()) {
                lines.add(new Blank());
            } else if (t.strip().startsWith("#")) {
                lines.add(new Comment(t));
            } else if (variable.matches()) {
                lines.add(new Variable(variable.group(1), variable.group(2).strip()));
            } else {
                lines.add(new Job(t));
            }
        }
        return new Crontab(Kind.USER, lines);
    }

    /** The same crontab under these lines. */
    public Crontab under(Line... first) {
        List<Line> all = new ArrayList<>(List.of(first));
        all.addAll(lines);
        return new Crontab(kind, all);
    }

    public long jobs() {
        return lines.stream().filter(l -> l instanceof Job).count();
    }

    public String render() {
        StringBuilder b = new StringBuilder();
        lines.forEach(l -> b.append(l.text()).append('\n'));
        return b.toString();
    }
}
