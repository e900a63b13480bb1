package dev.vigil.backup;

import dev.vigil.backup.store.ObjectStore;
import dev.vigil.backup.store.StoredObject;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * Deletes expired backups under a prefix, per database as {@link RetentionPolicy} says, each object before
 * its manifest (so an interrupted prune leaves at worst a manifest without backup, which the next prune
 * removes), and aborts the uploads that failed runs left incomplete once they are older than
 * {@link #INCOMPLETE_UPLOAD_AGE}. A dry run only reports.
 */
public final class BackupPruner {

    /**
     * Incomplete uploads older than this are aborted. No run takes a day, so an upload this old belongs to a run
     * that failed and could not abort it, never to one still going.
     */
    public static final Duration INCOMPLETE_UPLOAD_AGE = Duration.ofDays(1);

    private final ObjectStore store;
    private final BackupCatalog catalog;
    private final Clock clock;

    public BackupPruner(ObjectStore store, String prefix) {
        this(store, prefix, Clock.systemUTC());
    }

    public BackupPruner(ObjectStore store, String prefix, Clock clock) {
        this.store = store;
        this.catalog = new BackupCatalog(store, prefix);
        this.clock = clock;
    }

    public PruneResult prune(RetentionPolicy policy, boolean dryRun) {
        Instant now = clock.instant();
        Map<String, List<BackupEntry>> byDatabase = new TreeMap<>();
        for (BackupEntry e : catalog.list()) {
            byDatabase.computeIfAbsent(e.key().database(), d -> new ArrayList<>()).add(e);
        }
        List<BackupEntry> removed = new ArrayList<>();
        List<BackupEntry> kept = new ArrayList<>();
        for (List<BackupEntry> backups : byDatabase.values()) {
            List<BackupEntry> expired = policy.expired(backups, now);
            removed.addAll(expired);
            backups.stream().filter(b -> !expired.contains(b)).forEach(kept::add);
        }
        List<String> orphans = orphanManifests(policy, now);
        List<IncompleteBackup> abandoned = catalog.incompleteUploads(null).stream()
                .filter(u -> u.age(now).compareTo(INCOMPLETE_UPLOAD_AGE) > 0).toList();
        if (!dryRun) {
            for (BackupEntry e : removed) {
                store.delete(e.objectKey());
                store.delete(e.key().manifestKey());
            }
            orphans.forEach(store::delete);
            abandoned.forEach(u -> store.abort(u.upload()));
        }
        return new PruneResult(dryRun, removed, orphans, abandoned, kept, now);
    }

    /** Manifests older than the window whose backup is gone. */
    private List<String> orphanManifests(RetentionPolicy policy, Instant now) {
        List<StoredObject> objects = store.list(catalog.prefix());
        Set<String> keys = new HashSet<>();
        objects.forEach(o -> keys.add(o.key()));
        List<String> orphans = new ArrayList<>();
        for (StoredObject o : objects) {
            if (!o.key().endsWith(BackupKey.MANIFEST_SUFFIX)) {
                continue;
            }
            String objectKey = o.key().substring(0, o.key().length() - BackupKey.MANIFEST_SUFFIX.length())
                    + BackupKey.OBJECT_SUFFIX;
            Optional<BackupKey> key = BackupKey.parse(catalog.prefix(), objectKey);
            if (key.isPresent() && !keys.contains(objectKey)
                    && Duration.between(key.get().time(), now).compareTo(Duration.ofDays(policy.keepDays())) > 0) {
                orphans.add(o.key());
            }
        }
        return orphans;
    }
}
