package dev.vigil.provisioning.run;

import org.junit.jupiter.api.Test;

import java.util.Optional;

import static dev.vigil.provisioning.run.HostTrust.Verdict.ASK;
import static dev.vigil.provisioning.run.HostTrust.Verdict.RECORD;
import static dev.vigil.provisioning.run.HostTrust.Verdict.REFUSE_CHANGED;
import static dev.vigil.provisioning.run.HostTrust.Verdict.REFUSE_MISMATCH;
import static dev.vigil.provisioning.ssh.HostKeyTrust.Status.ALREADY_TRUSTED;
import static dev.vigil.provisioning.ssh.HostKeyTrust.Status.CHANGED;
import static dev.vigil.provisioning.ssh.HostKeyTrust.Status.NEW;
import static org.assertj.core.api.Assertions.assertThat;

/** The decision of {@code ops hosts trust}, every case, without a server or a terminal. */
class HostTrustTest {

    private static final String KEY = "SHA256:Z8XkZQhzfiN1yCW7eyyOyGsLt8RWUQPuIo/OqRDvIco";
    private static final String OTHER = "SHA256:AAAAZQhzfiN1yCW7eyyOyGsLt8RWUQPuIo/OqRDvIco";

    @Test
    void aNewKeyIsRecordedWhenTheFingerprintMatchesOrYesIsGiven() {
        assertThat(HostTrust.decide(NEW, KEY, Optional.of(KEY), false)).isEqualTo(RECORD);
        assertThat(HostTrust.decide(NEW, KEY, Optional.empty(), true)).isEqualTo(RECORD);
    }

    @Test
    void aNewKeyWithoutEitherIsAskedFor() {
        assertThat(HostTrust.decide(NEW, KEY, Optional.empty(), false)).isEqualTo(ASK);
    }

    @Test
    void aWrongFingerprintWinsOverYes() {
        assertThat(HostTrust.decide(NEW, KEY, Optional.of(OTHER), true)).isEqualTo(REFUSE_MISMATCH);
    }

    @Test
    void aChangedKeyIsRefusedWhateverTheOperatorSaid() {
        assertThat(HostTrust.decide(CHANGED, KEY, Optional.of(KEY), true)).isEqualTo(REFUSE_CHANGED);
        assertThat(HostTrust.decide(CHANGED, KEY, Optional.empty(), false)).isEqualTo(REFUSE_CHANGED);
    }

    @Test
    void aKnownKeyNeedsNothing() {
        assertThat(HostTrust.decide(ALREADY_TRUSTED, KEY, Optional.of(OTHER), false))
                .isEqualTo(HostTrust.Verdict.ALREADY_TRUSTED);
    }
}
