package dev.vigil.app.ping;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** The ping API's settings (docs/configuration.md). */
@ApplicationScoped
public class PingSettings {

    private int bodyLimit;
    private int pingsKept;
    private int batchMax;
    private int writers;
    private TrustedProxies trustedProxies;

    protected PingSettings() {
        // for CDI's proxy
    }

    @Inject
    public PingSettings(
            @ConfigProperty(name = "vigil.ping.body.limit", defaultValue = "100000") int bodyLimit,
            @ConfigProperty(name = "vigil.pings.kept", defaultValue = "100") int pingsKept,
            @ConfigProperty(name = "vigil.ping.batch.max", defaultValue = "500") int batchMax,
            @ConfigProperty(name = "vigil.ping.writers", defaultValue = "2") int writers,
            @ConfigProperty(name = "vigil.trusted.proxies", defaultValue = " ") String trustedProxies) {
        if (bodyLimit < 0 || pingsKept < 1 || batchMax < 1 || writers < 1 || writers > 64) {
            throw new IllegalArgumentException("VIGIL_PING_BODY_LIMIT must be >= 0, VIGIL_PINGS_KEPT and "
                    + "VIGIL_PING_BATCH_MAX >= 1, VIGIL_PING_WRITERS from 1 to 64");
        }
        this.writers = writers;
        this.bodyLimit = bodyLimit;
        this.pingsKept = pingsKept;
        this.batchMax = batchMax;
        this.trustedProxies = TrustedProxies.parse(trustedProxies);
    }

    /** Bytes of a ping's body that are kept; the rest is read and dropped. */
    public int bodyLimit() {
        return bodyLimit;
    }

    /** Pings kept per check; older ones are pruned in the background. */
    public int pingsKept() {
        return pingsKept;
    }

    /** The most pings written in one transaction. */
    public int batchMax() {
        return batchMax;
    }

    /** Writer threads, each with its own database connection and share of the checks. */
    public int writers() {
        return writers;
    }

    public TrustedProxies trustedProxies() {
        return trustedProxies;
    }
}
