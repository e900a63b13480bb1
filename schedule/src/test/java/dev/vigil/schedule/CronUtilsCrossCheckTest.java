package dev.vigil.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import com.cronutils.model.CronType;
import com.cronutils.model.definition.CronDefinitionBuilder;
import com.cronutils.model.time.ExecutionTime;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Compares fire times with cron-utils as an independent oracle, in UTC and only for expressions on
 * which it agrees with Debian's cron: no daylight saving, and at most one restricted day field (so
 * the AND/OR rule does not come into play).
 */
class CronUtilsCrossCheckTest {

    private static final int CASES = 500;

    private final Random random = new Random(4_2026L);
    private final com.cronutils.parser.CronParser oracle =
            new com.cronutils.parser.CronParser(CronDefinitionBuilder.instanceDefinitionFor(CronType.UNIX));

    @Test
    void agreesWithCronUtilsWhereDebianAndCronUtilsAgree() {
        for (int i = 0; i < CASES; i++) {
            boolean restrictDayOfMonth = random.nextBoolean();
            String text = String.join(" ", field(0, 59), field(0, 23),
                    restrictDayOfMonth ? field(1, 28) : "*", field(1, 12), restrictDayOfMonth ? "*" : field(0, 6));
            ZonedDateTime start = ZonedDateTime.ofInstant(
                    Instant.parse("2020-01-01T00:00:00Z").plusSeconds(random.nextInt(20 * 365 * 86_400)), ZoneOffset.UTC);

            List<Instant> expected = new ArrayList<>();
            ExecutionTime executionTime = ExecutionTime.forCron(oracle.parse(text));
            ZonedDateTime cursor = start;
            for (int k = 0; k < 5; k++) {
                cursor = executionTime.nextExecution(cursor).orElseThrow();
                expected.add(cursor.toInstant());
            }

            assertThat(CronExpression.parse(text).nextTimes(start.toInstant(), ZoneOffset.UTC, 5))
                    .as("\"%s\" after %s", text, start)
                    .isEqualTo(expected);
        }
    }

    private String field(int min, int max) {
        int a = min + random.nextInt(max - min + 1);
        int b = a + random.nextInt(max - a + 1);
        int step = 1 + random.nextInt(Math.max(1, (max - min) / 2));
        return switch (random.nextInt(7)) {
            case 0 -> "*";
            case 1 -> "*/" + step;
            case 2 -> Integer.toString(a);
            case 3 -> a + "-" + b;
            case 4 -> a + "-" + b + "/" + step;
            case 5 -> a == b ? Integer.toString(a) : a + "," + b;
            default -> a + "," + b + "-" + max;
        };
    }
}
