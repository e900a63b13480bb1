package dev.vigil.backup;

import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

class RetryPolicyTest {

    @Test
    void theDefaultRetriesFiveTimesOverAtMost29Seconds() {
        RetryPolicy p = RetryPolicy.DEFAULT;

        assertThat(p.delayAfter(1)).isEqualTo(Duration.ofSeconds(2));
        assertThat(p.delayAfter(3)).isEqualTo(Duration.ofSeconds(8));
        assertThat(p.delayAfter(4)).as("capped").isEqualTo(Duration.ofSeconds(15));
        assertThat(p.maxTotalDelay()).isEqualTo(Duration.ofSeconds(2 + 4 + 8 + 15));
    }

    @Test
    void afterAnOutageACleanUpGetsOneRetryNotASecondBudget() {
        RetryPolicy leash = RetryPolicy.DEFAULT.afterOutage();

        assertThat(leash.maxAttempts()).isEqualTo(2);
        assertThat(leash.maxTotalDelay()).isEqualTo(Duration.ofSeconds(2));
        assertThat(new RetryPolicy(1, Duration.ZERO, Duration.ZERO).afterOutage().maxAttempts()).isEqualTo(1);
    }
}
