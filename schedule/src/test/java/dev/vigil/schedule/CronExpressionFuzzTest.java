package dev.vigil.schedule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Random;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.Test;

/**
 * Random input, from near-valid expressions to junk: every string must either parse, and then have a
 * strictly later fire time and a description, or be rejected with {@link InvalidCronExpressionException};
 * never another exception, never a hang.
 */
class CronExpressionFuzzTest {

    private static final long SEED = 20_260_308L;
    private static final int CASES = 4_000;
    private static final List<ZoneId> ZONES =
            List.of(ZoneId.of("UTC"), ZoneId.of("America/New_York"), ZoneId.of("Australia/Lord_Howe"));

    private static final String[] TOKENS = {"*", "*", "/", "-", ",", " ", " ", "\t", "0", "1", "5", "7", "12",
        "15", "23", "29", "30", "31", "59", "60", "MON", "fri", "SUN", "Jan", "dec", "FOO", "L", "W", "#", "?",
        "@daily", "@reboot", "@hourly", "@", "99999999999999999999", "-1", "00", "x"};

    private static final String JUNK = "*/-,0123456789 \tabcxyzMONJAN@#?LW.;:!\"'\\$%&()[]{}<>|~^`+=_\u00e9\u2028\u0000\n\r";

    /** A guard against runaway searches, not a speed target (speed lives in bench/): generous for a busy machine. */
    private static final int HANG_GUARD_SECONDS = 20;

    private final Random random = new Random(SEED);

    @Test
    void everyInputParsesOrIsRejectedCleanlyAndQuickly() throws InterruptedException {
        // One worker for all inputs: assertTimeoutPreemptively would start a thread per input.
        ExecutorService worker = Executors.newSingleThreadExecutor();
        int parsed = 0;
        int rejected = 0;
        try {
            for (int i = 0; i < CASES; i++) {
                String text = switch (i % 3) {
                    case 0 -> fieldLike();
                    case 1 -> tokens();
                    default -> junk();
                };
                Instant after = Instant.parse("2000-01-01T00:00:00Z").plusSeconds(random.nextInt(40 * 365 * 86_400));
                ZoneId zone = ZONES.get(random.nextInt(ZONES.size()));
                if (answeredInTime(worker, () -> check(text, after, zone), text)) {
                    parsed++;
                } else {
                    rejected++;
                }
            }
        } finally {
            worker.shutdownNow();
        }
        // The generator must exercise both outcomes, or the test proves little.
        assertThat(parsed).as("parsed").isGreaterThan(CASES / 10);
        assertThat(rejected).as("rejected").isGreaterThan(CASES / 3);
    }

    private static boolean answeredInTime(ExecutorService worker, Callable<Boolean> check,
            String input) throws InterruptedException {
        Future<Boolean> result = worker.submit(check);
        try {
            return result.get(HANG_GUARD_SECONDS, TimeUnit.SECONDS);
        } catch (TimeoutException e) {
            result.cancel(true);
            return fail("no answer within " + HANG_GUARD_SECONDS + " s for input \"" + input + "\"");
        } catch (ExecutionException e) {
            // Anything but a clean rejection (which check() handles) is a bug: report it with the input.
            throw new AssertionError("input \"" + input + "\" failed", e.getCause());
        }
    }

    private static boolean check(String text, Instant after, ZoneId zone) {
        CronExpression expression;
        try {
            expression = CronExpression.parse(text);
        } catch (InvalidCronExpressionException e) {
            assertThat(e.getMessage()).as("message for \"%s\"", text).isNotBlank();
            return false;
        }
        List<Instant> times = expression.nextTimes(after, zone, 3);
        assertThat(times.get(0)).as("next for \"%s\" after %s in %s", text, after, zone).isAfter(after);
        assertThat(times).isSorted().doesNotHaveDuplicates();
        assertThat(expression.describe()).as("description of \"%s\"", text).isNotBlank();
        assertThat(CronExpression.parse(expression.text())).isEqualTo(expression);
        return true;
    }

    /** Five (sometimes four or six) fields built from plausible items, often slightly wrong. */
    private String fieldLike() {
        int fields = random.nextInt(10) == 0 ? 4 + 2 * random.nextInt(2) : 5;
        StringBuilder text = new StringBuilder();
        for (int f = 0; f < fields; f++) {
            if (f > 0) {
                text.append(random.nextInt(8) == 0 ? "\t" : " ");
            }
            int items = 1 + (random.nextInt(4) == 0 ? random.nextInt(3) : 0);
            for (int k = 0; k < items; k++) {
                if (k > 0) {
                    text.append(',');
                }
                text.append(item(f));
            }
        }
        return text.toString();
    }

    private String item(int field) {
        int[] min = {0, 0, 1, 1, 0};
        int[] max = {59, 23, 31, 12, 7};
        int low = field < min.length ? min[field] : 0;
        int high = field < max.length ? max[field] : 59;
        int a = low + random.nextInt(high - low + 1);
        int b = a + random.nextInt(high - a + 1);
        // Mostly valid pieces; now and then a value, step or range that is wrong.
        if (random.nextInt(25) == 0) {
            int tmp = a;
            a = b + 1;
            b = tmp;
        }
        String first = name(field, a);
        String last = name(field, b);
        int step = random.nextInt(30) == 0 ? random.nextInt(100) : 1 + random.nextInt(high - low + 1);
        return switch (random.nextInt(9)) {
            case 0, 1, 2 -> "*";
            case 3 -> "*/" + step;
            case 4 -> first + "-" + last;
            case 5 -> first + "-" + last + "/" + step;
            case 6 -> first + "/" + step;
            case 7 -> random.nextInt(10) == 0 ? TOKENS[random.nextInt(TOKENS.length)] : first;
            default -> first;
        };
    }

    /** The value as a number, or sometimes as a (possibly misspelt) name in the fields that have names. */
    private String name(int field, int value) {
        if (field == 3 && random.nextInt(3) == 0) {
            String[] months = {"JAN", "feb", "Mar", "APR", "May", "jun", "JUL", "Aug", "SEP", "oct", "Nov", "DEC"};
            return random.nextInt(20) == 0 ? "JUNE" : months[(value - 1) % 12];
        }
        if (field == 4 && random.nextInt(3) == 0) {
            String[] days = {"SUN", "mon", "Tue", "WED", "thu", "Fri", "SAT"};
            return random.nextInt(20) == 0 ? "FOO" : days[value % 7];
        }
        return Integer.toString(value);
    }

    private String tokens() {
        StringBuilder text = new StringBuilder();
        int count = 1 + random.nextInt(16);
        for (int k = 0; k < count; k++) {
            text.append(TOKENS[random.nextInt(TOKENS.length)]);
        }
        return text.toString();
    }

    private String junk() {
        int length = random.nextInt(20) == 0 ? 200 + random.nextInt(2_000) : random.nextInt(40);
        StringBuilder text = new StringBuilder(length);
        for (int k = 0; k < length; k++) {
            text.append(random.nextInt(50) == 0 ? (char) random.nextInt(0x3000) : JUNK.charAt(random.nextInt(JUNK.length())));
        }
        return text.toString();
    }
}
