package dev.vigil.backup;

import dev.vigil.backup.store.IncompleteUpload;
import dev.vigil.backup.store.ObjectStore;
import dev.vigil.backup.store.StoredObject;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The backups under a prefix: objects named {@code <prefix>/<database>/<time>.dump.pgp}, each with the state
 * of its manifest. Other objects under the prefix are ignored.
 */
public final class BackupCatalog {

    private final ObjectStore store;
    private final String prefix;

    public BackupCatalog(ObjectStore store, String prefix) {
        this.store = store;
        this.prefix = BackupKey.normalizePrefix(prefix);
    }

    public String prefix() {
        return prefix;
    }

    /** All backups, oldest first (by database, then time). Reads each manifest (one small GET each). */
    public List<BackupEntry> list() {
        List<StoredObject> objects = store.list(prefix);
        Set<String> keys = new HashSet<>();
        objects.forEach(o -> keys.add(o.key()));
        List<BackupEntry> entries = new ArrayList<>();
        for (StoredObject o : objects) {
            Optional<BackupKey> key = BackupKey.parse(prefix, o.key());
            if (key.isEmpty()) {
                continue;
            }
            String manifestKey = key.get().manifestKey();
            if (!keys.contains(manifestKey)) {
                entries.add(new BackupEntry(key.get(), o.size(), o.lastModified(), BackupEntry.ManifestStatus.MISSING,
                        null));
                continue;
            }
            entries.add(withManifest(key.get(), o));
        }
        entries.sort(Comparator.comparing((BackupEntry e) -> e.key().database()).thenComparing(e -> e.key().time()));
        return entries;
    }

    /** Backups of one database, oldest first. */
    public List<BackupEntry> list(String database) {
        return list().stream().filter(e -> e.key().database().equals(database)).toList();
    }

    /**
     * Uploads of backups under the prefix that were started and neither completed nor aborted, oldest first (by
     * database, then time); of one database if {@code database} is not null.
     */
    public List<IncompleteBackup> incompleteUploads(String database) {
        List<IncompleteBackup> uploads = new ArrayList<>();
        for (IncompleteUpload u : store.incompleteUploads(prefix)) {
            BackupKey.parse(prefix, u.key())
                    .filter(k -> database == null || k.database().equals(database))
                    .ifPresent(k -> uploads.add(new IncompleteBackup(k, u)));
        }
        uploads.sort(Comparator.comparing((IncompleteBackup u) -> u.key().database()).thenComparing(u -> u.key().time()));
        return uploads;
    }

    /** What {@code ops backup list} shows: backups and incomplete uploads, of one database if it is not null. */
    public BackupListing listing(String database) {
        return new BackupListing(database == null ? list() : list(database), incompleteUploads(database));
    }

    /** The newest backup of {@code database}, or of any database if it is null. */
    public Optional<BackupEntry> newest(String database) {
        return list().stream()
                .filter(e -> database == null || e.key().database().equals(database))
                .max(Comparator.comparing((BackupEntry e) -> e.key().time()).thenComparing(e -> e.key().database()));
    }

    /** The manifest beside {@code objectKey}, if there is one; an unreadable one is an error. */
    public Optional<Manifest> manifest(String objectKey) {
        return store.read(BackupKey.manifestKeyFor(objectKey)).map(Manifest::parse);
    }

    private BackupEntry withManifest(BackupKey key, StoredObject o) {
        Optional<byte[]> json = store.read(key.manifestKey());
        if (json.isEmpty()) { // deleted between listing and reading
            return new BackupEntry(key, o.size(), o.lastModified(), BackupEntry.ManifestStatus.MISSING, null);
        }
        Manifest m;
        try {
            m = Manifest.parse(json.get());
        } catch (BackupException e) {
            return new BackupEntry(key, o.size(), o.lastModified(), BackupEntry.ManifestStatus.UNREADABLE, null);
        }
        boolean matches = m.objectKey().equals(key.objectKey()) && m.size() == o.size();
        return new BackupEntry(key, o.size(), o.lastModified(),
                matches ? BackupEntry.ManifestStatus.OK : BackupEntry.ManifestStatus.MISMATCH, m);
    }
}
