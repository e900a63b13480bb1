package dev.vigil.app.alerts;

import dev.vigil.app.api.CheckEdits;
import dev.vigil.app.api.CheckFields;
import dev.vigil.app.api.CheckRow;
import dev.vigil.app.api.KeywordFields;
import dev.vigil.app.checks.CheckState;
import dev.vigil.app.checks.CheckStatus;
import dev.vigil.app.checks.KeywordFilter;
import dev.vigil.app.checks.PingKind;
import dev.vigil.app.checks.PingOutcome;
import dev.vigil.app.checks.PingRules;
import dev.vigil.app.checks.PingSignal;
import dev.vigil.app.checks.ScheduleCache;
import dev.vigil.app.checks.Status;
import dev.vigil.app.checks.StatusNow;
import dev.vigil.app.checks.StoredAlertTime;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Replays random histories of one check (pings of every kind, with and without run ids, pauses, resumes, schedule
 * and extension edits, alert sender rounds at random moments) through the code that handles each: the ping rules
 * and the stored alert time of the ping writer, the API's edits, and the sender's claim and decision. At every
 * instant the status the API, badges and metrics show must be what the sender does: down exactly when the check is
 * stored down or the sender, looking at it then, marks it down. Seeded, so that a failure names its history.
 */
class StatusAgreesWithSenderTest {

    private static final int HISTORIES = 400;
    private static final int STEPS = 60;
    private static final UUID[] RUN_IDS = {UUID.randomUUID(), UUID.randomUUID()};
    private static final String[] CRONS = {"*/5 * * * *", "0 * * * *", "30 2 * * 1-5", "*/100 * * * *"};
    private static final String[] ZONES = {"UTC", "Europe/Berlin", "America/New_York"};
    private static final int[] SECONDS = {60, 120, 300, 900, 3600};

    /** The check's row (configuration and run state as stored), its failure count and stored alert time. */
    private static final class Check {
        CheckRow row;
        int failuresInARow;
        Instant alertAfter;
        final List<String> log = new ArrayList<>();
    }

    private final ScheduleCache schedules = new ScheduleCache();

    @Test
    void atEveryInstantTheShownStatusIsWhatTheSenderDoes() {
        int downs = 0;
        for (long seed = 1; seed <= HISTORIES; seed++) {
            downs += replay(seed);
        }
        assertThat(downs).as("histories in which the sender marked the check down").isGreaterThan(HISTORIES / 4);
    }

    private int replay(long seed) {
        Random random = new Random(seed);
        Instant now = Instant.parse("2026-03-07T20:00:00Z").plusSeconds(random.nextInt(86_400));
        Check check = new Check();
        check.row = new CheckRow(UUID.randomUUID(), UUID.randomUUID(), "job", "job", "", "", "simple", 3600, 600,
                "* * * * *", "UTC", random.nextInt(4) == 0, random.nextInt(5) == 0 ? "POST" : "", "new", null, null,
                null, null, 0, UUID.randomUUID(), List.of(), 1, null, KeywordFilter.NONE);
        int downs = 0;
        for (int step = 0; step < STEPS; step++) {
            now = now.plusMillis(random.nextInt(4) == 0 ? random.nextInt(1000)
                    : (long) random.nextInt(2 * (check.row.timeout() + check.row.grace()) + 1) * 1000);
            assertAgreement(check, now, seed);
            int action = random.nextInt(20);
            if (action < 11) {
                ping(check, random, now);
            } else if (action < 13) {
                check.log.add(now + " pause");
                check.row = CheckEdits.paused(check.row);
                check.alertAfter = null; // ChecksService.pause stores no alert time
            } else if (action < 14 && "paused".equals(check.row.status())) {
                check.log.add(now + " resume");
                check.row = CheckEdits.resumed(check.row);
                check.alertAfter = null;
            } else if (action < 16) {
                edit(check, random, now);
            } else if (senderRound(check, now, seed)) {
                downs = 1;
            }
            assertAgreement(check, now, seed);
        }
        return downs;
    }

    private void ping(Check check, Random random, Instant now) {
        PingKind kind = new PingKind[] {PingKind.SUCCESS, PingKind.START, PingKind.START, PingKind.FAIL,
                PingKind.LOG}[random.nextInt(5)];
        UUID rid = random.nextBoolean() ? null : RUN_IDS[random.nextInt(RUN_IDS.length)];
        PingSignal signal = new PingSignal(kind, null, random.nextInt(6) == 0 ? "GET" : "POST", rid);
        check.log.add(now + " ping " + signal);
        CheckState before = senderView(check);
        PingOutcome o = PingRules.apply(before, signal, now, null);
        // as PingBatchWriter.updateChecks writes it
        check.alertAfter = StoredAlertTime.afterPings(check.alertAfter, before.status(), o.after());
        check.failuresInARow = o.after().failuresInARow();
        CheckState a = o.after();
        CheckRow r = check.row;
        check.row = new CheckRow(r.id(), r.projectId(), r.name(), r.slug(), r.tags(), r.desc(), r.kind(), r.timeout(),
                r.grace(), r.schedule(), r.tz(), r.manualResume(), r.methods(), a.status().dbValue(), a.lastStart(),
                a.lastStartRid(), a.lastPing(), a.lastDurationMs(), a.nPings(), r.badgeKey(), r.channels(),
                r.alertAfterFailures(), r.startDeadline(), r.keywords());
    }

    private void edit(Check check, Random random, Instant now) {
        boolean cron = random.nextInt(3) == 0;
        CheckFields fields = new CheckFields(null, null, null, null,
                cron || random.nextBoolean() ? null : SECONDS[random.nextInt(SECONDS.length)],
                random.nextBoolean() ? null : SECONDS[random.nextInt(SECONDS.length)],
                cron ? CRONS[random.nextInt(CRONS.length)] : null, cron ? ZONES[random.nextInt(ZONES.length)] : null,
                null, null, null, null, random.nextBoolean() ? null : 1 + random.nextInt(3),
                random.nextBoolean() ? null : new int[] {CheckFields.NO_START_DEADLINE, 60, 300, 1200}[random.nextInt(4)],
                KeywordFields.ABSENT);
        check.log.add(now + " edit " + fields);
        check.row = CheckEdits.apply(check.row, fields);
        check.alertAfter = CheckEdits.alertAfter(check.row); // as ChecksService.save stores it
    }

    /** One round of DueChecks at {@code now}: its claim (alert_after <= now() AND status <> 'down') and decision. */
    private boolean senderRound(Check check, Instant now, long seed) {
        if (!claimed(check, now)) {
            return false;
        }
        DueChecks.Decision d = DueChecks.Decision.of(senderView(check), now);
        check.log.add(now + " sender " + d);
        if (!d.down()) {
            check.alertAfter = d.at();
            return false;
        }
        // the flip is dated when the check went down: shown down from then on, not a moment before
        String history = history(check, seed);
        assertThat(d.at()).as(history).isBeforeOrEqualTo(now);
        assertThat(shown(check, d.at()).status()).as(history).isEqualTo(Status.DOWN);
        assertThat(shown(check, d.at().minusMillis(1)).status()).as(history).isNotEqualTo(Status.DOWN);
        CheckRow r = check.row;
        check.row = new CheckRow(r.id(), r.projectId(), r.name(), r.slug(), r.tags(), r.desc(), r.kind(), r.timeout(),
                r.grace(), r.schedule(), r.tz(), r.manualResume(), r.methods(), "down", r.lastStart(),
                r.lastStartRid(), r.lastPing(), r.lastDurationMs(), r.nPings(), r.badgeKey(), r.channels(),
                r.alertAfterFailures(), r.startDeadline(), r.keywords());
        check.alertAfter = null;
        return true;
    }

    private void assertAgreement(Check check, Instant now, long seed) {
        StatusNow shown = shown(check, now);
        boolean senderMarksDown = claimed(check, now) && DueChecks.Decision.of(senderView(check), now).down();
        assertThat(shown.status() == Status.DOWN)
                .as("shown %s at %s; stored %s, sender marks down: %s%n%s", shown, now, check.row.status(),
                        senderMarksDown, history(check, seed))
                .isEqualTo("down".equals(check.row.status()) || senderMarksDown);
        Instant real = PingRules.alertAfter(senderView(check));
        if (real != null) { // the stored time is never later than the real one, so the sender looks in time
            assertThat(check.alertAfter).as(history(check, seed)).isNotNull().isBeforeOrEqualTo(real);
        }
    }

    private static boolean claimed(Check check, Instant now) {
        return check.alertAfter != null && !check.alertAfter.isAfter(now) && !"down".equals(check.row.status());
    }

    /** What the API, badges and metrics show: from the row the API reads. */
    private static StatusNow shown(Check check, Instant now) {
        return check.row.statusAt(now);
    }

    /** The state the ping writer and the sender read from the same row (CheckStateRows, with its schedule cache). */
    private CheckState senderView(Check check) {
        CheckRow r = check.row;
        return new CheckState(CheckStatus.fromDb(r.status()), r.lastPing(), r.lastStart(), r.lastStartRid(),
                r.lastDurationMs(), r.nPings(), r.manualResume(), r.methods(),
                schedules.get(r.kind(), r.timeout(), r.grace(), r.schedule(), r.tz(), r.id()).orElse(null),
                check.failuresInARow, r.alertAfterFailures(),
                r.startDeadline() == null ? null : Duration.ofSeconds(r.startDeadline()));
    }

    private static String history(Check check, long seed) {
        return "seed " + seed + ":\n  " + String.join("\n  ", check.log);
    }
}
