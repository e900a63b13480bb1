package dev.vigil.backup;

import dev.vigil.backup.pg.Postgres;
import dev.vigil.backup.store.S3ObjectStore;
import dev.vigil.backup.testing.Databases;
import dev.vigil.backup.testing.S3ProxyServer;
import dev.vigil.backup.testing.SampleData;
import dev.vigil.client.VigilCheck;
import dev.vigil.openpgp.Decryptor;
import dev.vigil.openpgp.Encryptor;
import dev.vigil.testsupport.Gpg;
import dev.vigil.testsupport.TestDatabase;
import dev.vigil.testsupport.TestPostgres;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.util.List;

import static dev.vigil.testsupport.Gpg.OPERATOR;
import static dev.vigil.testsupport.Gpg.OPERATOR_PASSPHRASE;
import static dev.vigil.testsupport.Gpg.OTHER;
import static dev.vigil.testsupport.Gpg.OTHER_PASSPHRASE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Restores that must not happen, and the forced one that must. The target is left as it was on every refusal. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RestoreIT {

    private final S3ProxyServer s3 = S3ProxyServer.shared();
    private final Gpg gpg = Gpg.shared();
    private TestDatabase source;
    private S3ObjectStore store;
    private BackupResult backup;
    private String sourceChecksum;

    @BeforeAll
    void backUpOnce() {
        source = TestPostgres.server().createDatabase("restore_source");
        SampleData.fill(source, 2000);
        sourceChecksum = SampleData.checksum(source);
        store = s3.store(s3.createBucket("restore"));
        backup = new BackupRunner(Databases.postgres(source), store, "", Encryptor.forKeyFiles(List.of(gpg.publicKey(OPERATOR))))
                .run(source.name(), VigilCheck.none(), ProgressListener.none());
    }

    @AfterAll
    void cleanUp() {
        store.close();
        source.close();
    }

    private BackupRestorer restorer(TestDatabase db, String uid, String keyPassphrase, String givenPassphrase) {
        return new BackupRestorer(Databases.postgres(db), store,
                Decryptor.fromKeyFile(gpg.secretKey(uid, keyPassphrase), givenPassphrase.toCharArray()));
    }

    @Test
    void theWrongKeyIsRefusedAndTheTargetIsNotTouched() {
        String missing = Databases.uniqueName("wrong_key");
        try (TestDatabase target = TestPostgres.server().createDatabase("wrong_key")) {
            BackupRestorer restorer = restorer(target, OTHER, OTHER_PASSPHRASE, OTHER_PASSPHRASE);
            String recipient = backup.manifest().recipients().get(0).keyId();

            assertThatThrownBy(() -> restorer.restore(backup.key().objectKey(), target.name(), RestoreOptions.DEFAULT,
                    ProgressListener.none()))
                    .isInstanceOf(BackupException.class)
                    .hasMessageContaining("cannot decrypt the backup " + backup.key().objectKey()
                            + ": it is not encrypted to this key (recipients: " + recipient);
            assertThatThrownBy(() -> restorer.restore(backup.key().objectKey(), missing, RestoreOptions.DEFAULT,
                    ProgressListener.none()))
                    .hasMessageContaining("not encrypted to this key");

            Postgres postgres = Databases.postgres(target);
            assertThat(postgres.userObjectCount(target.name())).isZero();
            assertThat(postgres.databaseExists(missing)).as("a missing target is not created").isFalse();
        }
    }

    @Test
    void aWrongPassphraseIsRefusedAndTheTargetIsNotTouched() {
        try (TestDatabase target = TestPostgres.server().createDatabase("wrong_pass")) {
            BackupRestorer restorer = restorer(target, OPERATOR, OPERATOR_PASSPHRASE, "guess");

            assertThatThrownBy(() -> restorer.restore(backup.key().objectKey(), target.name(), RestoreOptions.DEFAULT,
                    ProgressListener.none()))
                    .isInstanceOf(BackupException.class)
                    .hasMessage("cannot decrypt the backup " + backup.key().objectKey() + ": wrong passphrase for key "
                            + backup.manifest().recipients().get(0).keyId() + " (" + OPERATOR + ")");
            assertThat(Databases.postgres(target).userObjectCount(target.name())).isZero();
        }
    }

    @Test
    void aNonEmptyTargetIsRefusedUnlessForced() {
        try (TestDatabase target = TestPostgres.server().createDatabase("non_empty")) {
            Databases.execute(target, "CREATE TABLE keep_me (x int); INSERT INTO keep_me VALUES (42);"
                    + " CREATE TABLE checks (stale text); INSERT INTO checks VALUES ('stale row')");
            BackupRestorer restorer = restorer(target, OPERATOR, OPERATOR_PASSPHRASE, OPERATOR_PASSPHRASE);

            assertThatThrownBy(() -> restorer.restore(backup.key().objectKey(), target.name(), RestoreOptions.DEFAULT,
                    ProgressListener.none()))
                    .isInstanceOf(BackupException.class)
                    .hasMessageContaining("database " + target.name() + " is not empty")
                    .hasMessageContaining("force");
            assertThat(Databases.queryString(target, "SELECT stale FROM checks")).isEqualTo("stale row");

            RestoreResult forced = restorer.restore(backup.key().objectKey(), target.name(),
                    new RestoreOptions(true, false), ProgressListener.none());

            assertThat(forced.manifestChecked()).isTrue();
            assertThat(SampleData.checksum(target)).as("the backup's tables replace the old ones")
                    .isEqualTo(sourceChecksum);
            assertThat(Databases.queryString(target, "SELECT x FROM keep_me")).as("others stay").isEqualTo("42");
        }
    }

    @Test
    void aKeyThatIsNoBackupIsRefused() {
        try (TestDatabase target = TestPostgres.server().createDatabase("no_backup")) {
            BackupRestorer restorer = restorer(target, OPERATOR, OPERATOR_PASSPHRASE, OPERATOR_PASSPHRASE);

            assertThatThrownBy(() -> restorer.restore(backup.key().manifestKey(), target.name(), RestoreOptions.DEFAULT,
                    ProgressListener.none())).hasMessageContaining("not a backup key");
            assertThatThrownBy(() -> restorer.restore("nowhere/db/20200101T000000Z.dump.pgp", target.name(),
                    RestoreOptions.DEFAULT, ProgressListener.none()))
                    .isInstanceOf(BackupException.class)
                    .hasMessageContaining("no such object");
        }
    }
}
