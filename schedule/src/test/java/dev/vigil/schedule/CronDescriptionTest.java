package dev.vigil.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CronDescriptionTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
        8 6 * * *          | At 06:08 every day
        */15 * * * *       | Every 15 minutes
        0,15,30,45 * * * * | Every 15 minutes
        * * * * *          | Every minute
        0 0 * * MON        | At 00:00 on Monday
        30 * * * *         | At minute 30 past every hour
        0 9 * * 1-5        | At 09:00 on Monday through Friday
        0 0 1 * *          | At 00:00 on day 1 of the month
        0,30 6,18 * * *    | At 06:00, 06:30, 18:00 and 18:30 every day
        0 */2 * * *        | At minute 0 past every 2nd hour
        */7 * * * *        | At minutes 0, 7, 14, 21, 28, 35, 42, 49 and 56 past every hour
        5/15 * * * *       | At minutes 5, 20, 35 and 50 past every hour
        0 9-17 * * *       | At minute 0 past hours 9 through 17
        * 9 * * *          | Every minute past hour 9
        */15 9-17 * * 1-5  | Every 15 minutes past hours 9 through 17 on Monday through Friday
        0 0 * * 5-7        | At 00:00 on Friday through Sunday
        0 0 * * 0,6        | At 00:00 on Saturday and Sunday
        0 0 * 1 *          | At 00:00 every day in January
        0 0 1 */3 *        | At 00:00 on day 1 of the month in January, April, July and October
        0 0 */2 * *        | At 00:00 on every 2nd day of the month
        @yearly            | At 00:00 on January 1
        @monthly           | At 00:00 on day 1 of the month
        @weekly            | At 00:00 on Sunday
        @daily             | At 00:00 every day
        @hourly            | At minute 0 past every hour
        """)
    void describesCommonSchedulesInPlainEnglish(String expression, String description) {
        assertThat(CronExpression.parse(expression).describe()).isEqualTo(description);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
        0 0 1,15 * MON  | At 00:00 on day 1 and 15 of the month, or on Monday
        0 0 */2 * MON   | At 00:00 on every 2nd day of the month, but only on Monday
        0 0 1-7 * */7   | At 00:00 on day 1 through 7 of the month, but only on Sunday
        0 0 31 2 MON    | At 00:00 on day 31 of the month, or on Monday, in February
        0 0 1-31 * MON  | At 00:00 every day
        0 0 * * */2     | At 00:00 on Tuesday, Thursday, Saturday and Sunday
        """)
    void spellsOutHowTheDayFieldsCombine(String expression, String description) {
        assertThat(CronExpression.parse(expression).describe()).isEqualTo(description);
    }
}
