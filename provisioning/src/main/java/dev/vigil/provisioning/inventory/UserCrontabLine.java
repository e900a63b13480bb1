package dev.vigil.provisioning.inventory;

import dev.vigil.schedule.CrontabLine;
import dev.vigil.schedule.InvalidScheduleException;

import java.util.regex.Pattern;

/**
 * The one rule for a line of a user's crontab ({@code base.root_crontab}, installed with {@code crontab -}): a
 * job line with Debian cron's semantics, an environment setting {@code NAME=value} (cron reads those too:
 * {@code MAILTO=ops@example.com}, {@code MAILTO=} to send no mail, {@code PATH=...}, {@code CRON_TZ=...}), a
 * comment or a blank line. The inventory loader and the crontab task both check with it.
 */
public final class UserCrontabLine {

    /** As cron's load_env(): a name, optional blanks, '=', then the value (which may be empty or quoted). */
    private static final Pattern ENVIRONMENT = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*[ \t]*=.*");

    private UserCrontabLine() {
    }

    /** Refuses a line cron would not read as we mean it, with the reason. */
    public static void check(String line) {
        String text = line.strip();
        if (line.indexOf('\n') >= 0 || line.indexOf('\r') >= 0) {
            throw new InvalidScheduleException("line contains a line break; give one crontab line per item");
        }
        if (text.isEmpty() || text.startsWith("#") || ENVIRONMENT.matcher(text).matches()) {
            return;
        }
        if (text.matches("[^ \t=]+[ \t]*=.*")) {
            throw new InvalidScheduleException("\"" + text.substring(0, text.indexOf('=')).strip() + "\" is not "
                    + "a variable name: an environment line is NAME=value, NAME of letters, digits and '_'");
        }
        CrontabLine.parse(line);
    }
}
