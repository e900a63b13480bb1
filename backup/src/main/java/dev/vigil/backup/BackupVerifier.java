package dev.vigil.backup;

import dev.vigil.backup.pg.Postgres;
import dev.vigil.backup.pg.TableStats;
import dev.vigil.backup.store.ObjectStore;
import dev.vigil.client.VigilCheck;
import dev.vigil.openpgp.Decryptor;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Proves a backup can be restored: restores it into a scratch database (with the same integrity and
 * manifest checks as a real restore), counts the rows of every table, finds the newest timestamps, reports,
 * and drops the scratch database whatever happened. The check is pinged {@code /start}, then success with
 * the report or {@code /fail} with the report.
 */
public final class BackupVerifier {

    private static final Pattern KEY_TIME = Pattern.compile("(\\d{8}T\\d{6}Z)" + Pattern.quote(BackupKey.OBJECT_SUFFIX) + "$");

    private final Postgres postgres;
    private final BackupCatalog catalog;
    private final RestorePipeline pipeline;
    private final VerifyOptions options;

    public BackupVerifier(Postgres postgres, ObjectStore store, String prefix, Decryptor decryptor,
                          VerifyOptions options) {
        this.postgres = postgres;
        this.catalog = new BackupCatalog(store, prefix);
        this.pipeline = new RestorePipeline(postgres, store, decryptor);
        this.options = options;
    }

    /** Verifies the newest backup of {@code database}, or the newest of all if it is null. */
    public VerifyReport verifyNewest(String database, VigilCheck check, ProgressListener progress) {
        check.start();
        long t0 = System.nanoTime();
        Optional<BackupEntry> newest;
        try {
            newest = catalog.newest(database);
        } catch (BackupException e) {
            return reported(failed(null, "cannot list backups: " + e.getMessage(), t0), check);
        }
        if (newest.isEmpty()) {
            return reported(failed(null, "no backup" + (database == null ? "" : " of " + database) + " under '"
                    + catalog.prefix() + "'", t0), check);
        }
        return reported(verifyKey(newest.get().objectKey(), progress), check);
    }

    /** Verifies the backup stored as {@code objectKey}. */
    public VerifyReport verify(String objectKey, VigilCheck check, ProgressListener progress) {
        check.start();
        return reported(verifyKey(objectKey, progress), check);
    }

    private static VerifyReport reported(VerifyReport report, VigilCheck check) {
        if (report.ok()) {
            check.success(report.render());
        } else {
            check.fail(report.render());
        }
        return report;
    }

    private static VerifyReport failed(String key, String problem, long t0) {
        return new VerifyReport(key, false, List.of(problem), null, null, 0, 0, null, null, true,
                Duration.ofNanos(System.nanoTime() - t0));
    }

    private VerifyReport verifyKey(String objectKey, ProgressListener progress) {
        long t0 = System.nanoTime();
        List<String> problems = new ArrayList<>();
        Manifest manifest = null;
        RestorePipeline.Outcome outcome = null;
        TableStats stats = null;
        String scratch = scratchName(objectKey);
        boolean[] created = {false};
        try {
            manifest = catalog.manifest(objectKey).orElse(null);
            if (manifest == null) {
                problems.add("the manifest " + BackupKey.manifestKeyFor(objectKey) + " is missing");
            }
            outcome = pipeline.run(objectKey, manifest == null ? null : manifest.sha256(), scratch, false, true, () -> {
                postgres.createDatabase(scratch);
                created[0] = true;
            }, progress);
            if (manifest != null && manifest.size() != outcome.size()) {
                problems.add("the manifest says " + manifest.size() + " bytes, the object has " + outcome.size());
            }
            stats = postgres.tableStats(scratch, options.timestampColumns());
        } catch (BackupException | IllegalArgumentException e) {
            problems.add(e.getMessage());
        }
        boolean dropped = true;
        if (created[0]) {
            try {
                postgres.dropDatabase(scratch);
            } catch (BackupException e) {
                dropped = false;
                problems.add("the scratch database " + scratch + " could not be dropped: " + e.getMessage());
            }
        }
        return new VerifyReport(objectKey, problems.isEmpty(), problems, manifest,
                outcome == null ? null : outcome.sha256(), outcome == null ? 0 : outcome.size(),
                outcome == null ? 0 : outcome.dumpBytes(), stats, created[0] ? scratch : null, dropped,
                Duration.ofNanos(System.nanoTime() - t0));
    }

    private String scratchName(String objectKey) {
        Matcher m = KEY_TIME.matcher(objectKey);
        String time = m.find() ? m.group(1).toLowerCase(Locale.ROOT) : "adhoc";
        return options.scratchPrefix() + time + "_"
                + Integer.toHexString(ThreadLocalRandom.current().nextInt(0x100000, 0xFFFFFF));
    }
}
